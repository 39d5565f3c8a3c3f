// console.log of typed arrays past 6 items (grouped in columns), past 100 items (truncated), and long buffers.
const tens = new Uint8Array(26);
for (let i = 0; i < tens.length; i++) tens[i] = 10 + i * 3;
console.log(tens);
console.log(new Int16Array([-1000, -2000, -3000, -4000, -5000, -6000, -7000, -8000]));
console.log(new Float64Array([0.5, -1.25, 100, 3.14159, -0, 42, 7]));
const big = new Uint8Array(130);
for (let i = 0; i < big.length; i++) big[i] = 100 + i;
console.log(big);
console.log(new Float32Array(101).fill(0.5));
console.log(new Int32Array(102).subarray(0, 101).fill(-9));
const buf = new ArrayBuffer(40);
new Uint8Array(buf).forEach((_, i, arr) => { arr[i] = i * 7; });
console.log(buf);
console.log({ wrapped: new Uint16Array([100, 200, 300, 400, 500, 600, 700]) });
console.log([buf.slice(10, 35)], buf.slice(38));
console.log([new Uint8Array(8), new Uint8Array(3)]);
