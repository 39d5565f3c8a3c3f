// Callback methods pass (value, index, array) and convert map results to the element type.
const ta = new Int8Array([3, -1, 4, -1, 5, 9]);
const seen = [];
ta.forEach(function (v, i, arr) { seen.push(`${i}:${v}:${arr === ta}:${this.tag}`); }, { tag: 't' });
console.log(seen.join(' '));
const doubled = ta.map((v) => v * 40);
console.log(doubled.constructor.name, doubled.join());
const evens = ta.filter((v, i) => i % 2 === 0);
console.log(evens.constructor.name, evens.length, evens.join(), ta.filter(() => false).length);
console.log(ta.reduce((acc, v) => acc + v), ta.reduce((acc, v, i) => acc + `${i}`, '>'));
console.log(ta.reduceRight((acc, v) => acc + ',' + v), ta.reduceRight((acc, v) => acc * v, 1));
console.log(ta.every((v) => v > -2), ta.every((v) => v > 0), ta.some((v) => v > 8), ta.some((v) => v > 9));
console.log(ta.find((v) => v < 0), ta.findIndex((v) => v < 0), ta.findLast((v) => v < 0), ta.findLastIndex((v) => v < 0));
console.log(ta.find((v) => v > 100), ta.findIndex((v) => v > 100), ta.findLast((v) => v > 100), ta.findLastIndex((v) => v > 100));
try { new Uint8Array(0).reduce((a, b) => a + b); } catch (e) { console.log(e.name, e.message); }
console.log(new Uint8Array(0).reduceRight((a, b) => a + b, 'init'), new Float32Array(0).every(() => false), new Float32Array(0).some(() => true));
try { ta.map(5); } catch (e) { console.log(e.name, e.message); }
const calls = [];
new Uint8Array(3).find((v, i, arr) => { calls.push(i); arr[i + 1] = 7; return false; });
console.log(calls.join(), new Uint16Array([1, 2, 3]).map(String).join('|'));
