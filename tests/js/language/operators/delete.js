'use strict';
const o = { a: 1, b: 2 };
console.log(delete o.a, o, 'a' in o);
console.log(delete o.missing);
const arr = [1, 2, 3];
console.log(delete arr[1], arr, arr.length);
const frozen = Object.freeze({ k: 1 });
try {
  delete frozen.k;
} catch (e) {
  console.log(e.name, frozen.k);
}
