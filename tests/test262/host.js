// The host-defined functions test262's INTERPRETING.md asks of a host that
// runs its tests, prepended to every test that is not flags: [raw].
// print: exposes its first argument to the runner (async tests print
// "Test262:AsyncTestComplete" through it).
function print(value) {
  console.log(String(value));
}

// $262.detachArrayBuffer: ArrayBuffer.prototype.transfer detaches the
// buffer it is called on. The rest of $262 (createRealm, evalScript,
// agent, ...) is not provided; run.sh skips the tests that use it.
var $262 = {
  detachArrayBuffer(buffer) {
    if (!buffer.detached) ArrayBuffer.prototype.transfer.call(buffer);
    return null;
  },
};
