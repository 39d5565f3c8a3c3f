// Cyclic imports: a hoisted function of a module that has not run yet can
// be called; its `let` bindings are still in their TDZ.
import { fromB, callA, readA } from './fixtures/cycle-b.mjs';
export function a() {
  return 'a() called';
}
export let value = 'A value';
console.log(fromB, callA(), readA());
