// indexOf/lastIndexOf use strict equality (NaN never found); includes uses SameValueZero.
const f = new Float64Array([1, NaN, -0, 0, 2.5, NaN, 1]);
console.log(f.indexOf(NaN), f.lastIndexOf(NaN), f.includes(NaN), f.includes(NaN, 6));
console.log(f.indexOf(0), f.indexOf(-0), f.lastIndexOf(0), f.includes(-0), f.indexOf(1, 1), f.lastIndexOf(1, -2));
console.log(f.indexOf(1, -1), f.indexOf(2.5, -100), f.lastIndexOf(1, -100), f.indexOf(1, 99), f.includes(1, -1));
const u = new Uint8Array([7, 8, 9, 8]);
console.log(u.indexOf('8'), u.includes('8'), u.indexOf(264), u.includes(8.5), u.lastIndexOf(8), u.lastIndexOf(8, 2));
console.log(u.indexOf(), new Uint8Array([0]).includes(), new Float32Array([NaN]).includes(NaN), new Int8Array(2).includes(0, 1));
console.log(new Float32Array([0.1]).indexOf(0.1), new Float32Array([0.1]).indexOf(Math.fround(0.1)));
console.log(u.join(), u.join(''), u.join(' - '), u.join(undefined), u.join(null), new Int8Array(0).join('x') === '');
console.log(f.join(';'), f.toString(), String(new Int16Array([-5, 5])), `${new Uint8Array(1)}`);
console.log(new Float32Array([1e21, 1e-7, -1.5]).join(), new Float64Array([Infinity, -Infinity]).toLocaleString === Array.prototype.toLocaleString);
console.log(Uint8Array.prototype.toString === Array.prototype.toString, Object.getPrototypeOf(Int8Array.prototype).hasOwnProperty('toString'));
