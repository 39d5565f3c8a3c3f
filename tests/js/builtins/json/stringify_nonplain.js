const m = new Map([[1, 2]]);
console.log(JSON.stringify(m), JSON.stringify(new Set([1])), JSON.stringify([new Map()]));
console.log(JSON.stringify(Object.create({ inherited: 1 })), JSON.stringify(Object.defineProperty({}, 'h', { value: 1 })));
console.log(JSON.stringify('a'.repeat(3)), JSON.stringify([[[]]]), JSON.stringify({ a: [{}] }));
