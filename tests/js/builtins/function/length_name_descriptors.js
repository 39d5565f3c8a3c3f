function f(a, b) {}
const ld = Object.getOwnPropertyDescriptor(f, 'length');
const nd = Object.getOwnPropertyDescriptor(f, 'name');
console.log(ld, nd);
console.log(Object.getOwnPropertyDescriptor(f, 'prototype'));
