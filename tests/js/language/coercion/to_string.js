console.log(String(123), String(-0), String(1e21), String(1.5e-7), String(0.000001));
console.log(String(null), String(undefined), String(true), String([1, [2, 3]]), String({}));
console.log(String([null, undefined, 1]), `${[1, 2]}`, '' + 1 / 3);
console.log(String(123456789012345680000), String(0.1 + 0.7), String(2 ** 31));
