console.log(typeof Math, Object.prototype.toString.call(Math));
try {
  new Math();
} catch (e) {
  console.log(e.name);
}
try {
  Math();
} catch (e) {
  console.log(e.name);
}
