// ES modules: every import and export form, live bindings, namespaces.
import def, { counter, increment, "string name" as stringName } from './fixtures/counter.mjs';
import * as ns from './fixtures/counter.mjs';
import { counter as again } from './fixtures/reexport.mjs';
import { nsOfCounter, renamed, defaultOfCounter } from './fixtures/reexport.mjs';
import * as all from './fixtures/reexport.mjs';

console.log(def(), counter, stringName);
increment();
increment();
console.log(counter, again, ns.counter, nsOfCounter.counter, renamed);
console.log(nsOfCounter === ns, defaultOfCounter === def);
console.log(Object.keys(ns).join(), Object.keys(all).join());
console.log(ns[Symbol.toStringTag], Object.getPrototypeOf(ns), Object.isExtensible(ns));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(ns, 'counter')));
console.log('counter' in ns, 'nope' in ns, ns.nope, Reflect.set(ns, 'counter', 1));
console.log(Reflect.deleteProperty(ns, 'counter'), Reflect.deleteProperty(ns, 'nope'));
try {
  counter = 5;
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
try {
  ns.counter = 5;
} catch (e) {
  console.log(e instanceof TypeError);
}
console.log(typeof this, import.meta.url.startsWith('file:///'), /\/basic\.m?js$/.test(import.meta.url));
export const late = 'late';
