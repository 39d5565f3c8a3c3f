const s = Symbol('x');
try {
  console.log('' + s);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
try {
  console.log(s * 1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(`${String(s)}`, s.toString(), !!s);
