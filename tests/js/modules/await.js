// Top-level await, module evaluation order and dynamic import().
import { order } from './fixtures/order.mjs';
import { slow } from './fixtures/slow.mjs';
console.log('main starts after', order.join(' '), slow);
const p = import('./fixtures/dynamic.mjs');
console.log('import() returned', p instanceof Promise);
const mod = await p;
console.log(mod.loaded, mod.default, Object.keys(mod).join());
const again = await import('./fixtures/dynamic.mjs');
console.log(again === mod);
try {
  await import('./fixtures/missing-export.mjs');
} catch (e) {
  console.log(e.name, e.message);
}
try {
  await import('lodash');
} catch (e) {
  console.log(e instanceof Error, e.message.includes("'lodash'"));
}
for await (const x of [Promise.resolve(1), 2]) console.log('for await', x);
