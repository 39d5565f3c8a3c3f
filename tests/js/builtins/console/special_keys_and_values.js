console.log({ 'a b': 1, 'a-b': 2, a_b: 3, 'a.b': 4, '0x': 5, 10: 6, '-1': 7 });
console.log({ x: -0, y: [-0], z: 0.5, w: 1e21, v: 1e-7 });
console.log({ emptyArr: [], emptyObj: {}, emptyStr: '' });
