// The host-defined functions test262's INTERPRETING.md asks of a host that
// runs its tests, prepended to every test that is not flags: [raw].
// print: exposes its first argument to the runner (async tests print
// "Test262:AsyncTestComplete" through it).
function print(value) {
  console.log(String(value));
}
