// console.log right-aligns numbers in typed arrays past 6 items and shows up to 100 bytes of an ArrayBuffer.
console.log(new Uint8Array([1, 22, 333 % 256, 4, 5, 6, 7, 8, 9, 10]));
console.log(new Int16Array([-1000, 2, 30, -4, 500, 6, -7000, 8]));
console.log(new Float64Array([0.5, -1.25, 100, 3.14159, -0, 42, 7]));
const squares = new Uint32Array(30);
for (let i = 0; i < squares.length; i++) squares[i] = i * i * 37;
console.log(squares);
const ramp = new Int8Array(130);
for (let i = 0; i < ramp.length; i++) ramp[i] = i;
console.log(ramp);
console.log(new Float32Array(101).fill(0.5));
const buf = new ArrayBuffer(60);
new Uint8Array(buf).forEach((_, i, arr) => { arr[i] = i * 5; });
console.log(buf);
console.log(new ArrayBuffer(51));
console.log({ wrapped: new Uint16Array([100, 200, 300, 400, 500, 600, 700]) });
