try {
  Map();
} catch (e) {
  console.log(e.name);
}
try {
  new Set(5);
} catch (e) {
  console.log(e.name);
}
console.log(new Map(null).size, new Set(undefined).size);
