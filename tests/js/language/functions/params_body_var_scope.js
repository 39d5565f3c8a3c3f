// With parameter expressions, the body's vars are a separate scope: closures in the
// parameters see the outer x, and a var named like a parameter starts with its value.
"use strict";
var x = 'outside';
var probeParams, probeBody;
function f(a = (probeParams = function() { return x; }), b = a) {
  var x = 'inside';
  var a;
  probeBody = function() { return x; };
  return [a === probeParams, typeof b];
}
console.log(f(), probeParams(), probeBody());
function g(p = 1) { var p; var q; return [p, q]; }
console.log(g(), g(5));
function h(p = 1) { function p2() {} var c = () => p; p = 3; return [c(), p2.name]; }
console.log(h());
