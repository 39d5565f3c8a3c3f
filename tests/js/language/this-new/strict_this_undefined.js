function f() { return this; }
function g() { 'use strict'; return this; }
console.log(g() === undefined, g.call(5), typeof g.call('s'));
console.log(f.call(o()) === o.cache);
function o() { return (o.cache = o.cache || {}); }
