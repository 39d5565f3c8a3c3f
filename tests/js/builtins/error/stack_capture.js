// Error.captureStackTrace and Error.stackTraceLimit (V8's extensions), and
// a subclass's constructor left out of the stack of the errors it makes.
function frames(stack) {
  const lines = stack.split('\n');
  const end = lines.findIndex((l) => l.includes('at main ('));
  return lines.slice(0, end + 1).map((l) => l.replace(/\(.*\//, '(')).join('\n');
}
class HttpError extends Error {
  constructor(status) { super('status ' + status); }
}
class QuietError extends Error {}
function fail(E) { throw new E(404); }
function helper(target, skip) { Error.captureStackTrace(target, skip); }
function wrapper(target, skip) { helper(target, skip); }
function main() {
  try { fail(HttpError); } catch (e) { console.log(frames(e.stack)); }
  try { fail(QuietError); } catch (e) { console.log(frames(e.stack)); }
  const plain = { message: 'not an error' };
  wrapper(plain);
  console.log(frames(plain.stack));
  const named = { name: 'Custom', message: 'skipping helpers' };
  wrapper(named, wrapper);
  console.log(frames(named.stack));
  const d = Object.getOwnPropertyDescriptor(named, 'stack');
  console.log(typeof d.value, d.writable, d.enumerable, d.configurable);
  try { Error.captureStackTrace(42); } catch (e) { console.log(e.name, e.message); }
  console.log(typeof Error.captureStackTrace, Error.captureStackTrace.length);
  console.log(Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit'));
  Error.stackTraceLimit = 2;
  try { wrapper(null); } catch (e) { console.log(e.stack.split('\n').length); }
  Error.stackTraceLimit = 0;
  console.log(JSON.stringify(new RangeError('no frames').stack));
  Error.stackTraceLimit = 'none';
  const e = new Error('no stack');
  console.log(Object.hasOwn(e, 'stack'), e.stack);
  Error.stackTraceLimit = 10;
}
main();
