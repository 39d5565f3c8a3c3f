// Float32Array rounds to the nearest single-precision value; Float64Array stores doubles exactly.
const f32 = new Float32Array([0.1, 1 / 3, 16777217, 3.4028235e38, 3.5e38, 1e-46, 1.4e-45, -0, NaN, -Infinity]);
for (const v of f32) console.log(v, Object.is(v, -0));
console.log(Math.fround(0.1) === f32[0], f32[0] === 0.1);
const f64 = new Float64Array([0.1, 2 ** 53 + 1, Number.MAX_VALUE, Number.MIN_VALUE, -0]);
console.log(f64[0] === 0.1, f64[1], f64[2], f64[3], Object.is(f64[4], -0));
const f = new Float32Array(4);
f[0] = '2.5e3';
f[1] = 'nope';
f[2] = [7];
f[3] = { valueOf: () => -1e39 };
console.log(f.join(' '));
console.log(Float32Array.BYTES_PER_ELEMENT, Float64Array.BYTES_PER_ELEMENT, new Float32Array([16777216.5, 0.2])[1].toFixed(12));
