// error.stack after an await: the async functions awaiting the one that
// threw follow it as `at async name (file:line:col)` frames.
function frames(e) {
  return e.stack.split('\n').map((l) => l.replace(/\(.*\//, '(').replace(/at \/.*\//, 'at '));
}
async function load() {
  await null;
  throw new Error('after an await');
}
async function fetchAll() {
  const first = 1;
  return first + await load();
}
const handler = async () => { await fetchAll(); };
class Service {
  async start() { await handler(); }
}
new Service().start().catch((e) => console.log(frames(e).join('\n')));

async function before() { throw new Error('before any await'); }
async function caller() { await before(); }
caller().catch((e) => console.log(frames(e).slice(0, 3).join('\n')));

async function inner() { await null; [1].forEach(() => { throw new TypeError('in a callback'); }); }
async function outer() { try { await inner(); } catch (e) { console.log(frames(e).join('\n')); } }
outer();
