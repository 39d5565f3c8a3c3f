try {
  console.log(typeof w);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
let w = 'ok';
console.log(typeof w);
console.log(typeof neverDeclared);
