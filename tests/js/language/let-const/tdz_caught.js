try {
  console.log(y);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
let y = 5;
console.log(y);
function readZ() { return z; }
try {
  readZ();
} catch (e) {
  console.log(e instanceof ReferenceError, e.message);
}
const z = 7;
console.log(readZ());
