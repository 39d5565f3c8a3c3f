// error.stack for errors thrown inside an imported module: the frames name
// the module's file, line and column, and the importer's frames follow.
import { Parser, check, later } from './fixtures/stack.mjs';

function frames(e) {
  const lines = e.stack.split('\n');
  const end = lines.findIndex((l) => l.includes('at main ('));
  return lines.slice(0, end < 0 ? lines.length : end + 1)
    .map((l) => l.replace(/\(.*\//, '(').replace(/^SyntaxError: .*/, 'SyntaxError'));
}
function main(which) {
  if (which === 0) return [5, -1].map(check);
  return new Parser().parse('[1,');
}
for (const which of [0, 1]) {
  try { main(which); } catch (e) { console.log(frames(e).join('\n')); }
}
async function run() { await later(); }
run().catch((e) => console.log(frames(e).join('\n')));
