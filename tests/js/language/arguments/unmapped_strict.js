'use strict';
function f(a) {
  a = 'changed';
  return arguments[0];
}
function g(a) {
  arguments[0] = 'changed';
  return a;
}
console.log(f('orig'), g('orig'));
