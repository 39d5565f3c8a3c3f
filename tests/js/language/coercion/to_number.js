const vals = ['', ' ', '12', ' 12 ', '1_0', '0b11', '0o17', '0xF', '-0x10', '1e2', '.5', '5.', 'Infinity', '-Infinity', 'inf', '12px'];
console.log(vals.map(Number));
console.log(Number(null), Number(undefined), Number(true), Number([]), Number([7]), Number(['8']), Number([1, 2]), Number({}));
