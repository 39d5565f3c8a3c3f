class K {}
try {
  K();
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
