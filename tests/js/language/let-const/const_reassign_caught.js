const c = 10;
try {
  c = 11;
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(c);
