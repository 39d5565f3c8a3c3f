const d = new Date(2022, 1, 1, 13, 5, 9);
console.log(d.toString());
console.log(d.toDateString(), '|', d.toTimeString());
console.log(d.toUTCString(), '|', d.toISOString(), '|', d.toJSON());
console.log(d.toLocaleString(), '|', d.toLocaleDateString(), '|', d.toLocaleTimeString());
console.log(new Date(2022, 6, 1, 0, 0).toString(), new Date(2022, 6, 1, 12, 0).toLocaleTimeString());
console.log(String(d) === d.toString(), d + 1 === d.toString() + '1', d - 0, +d === d.getTime());
console.log(d[Symbol.toPrimitive]('number'), d[Symbol.toPrimitive]('default') === d.toString());
const bad = new Date(NaN);
console.log(String(bad), bad.toUTCString(), bad.toDateString(), bad.toLocaleString(), bad.toJSON());
try { bad.toISOString(); } catch (e) { console.log(e.name, e.message); }
console.log(JSON.stringify({ when: new Date(0) }), new Date(Date.UTC(-1, 0)).toISOString(), new Date(Date.UTC(12345, 0)).toISOString());
console.log(new Date(0), [new Date(0)], { d: bad });
console.log(Object.prototype.toString.call(d), typeof d, d instanceof Date);
try { Date.prototype.getTime.call({}); } catch (e) { console.log(e.name); }
