'use strict';
const s = Object.seal({ a: 1 });
s.a = 2;
try { s.b = 1; } catch (e) { console.log(e.name); }
try { delete s.a; } catch (e) { console.log(e.name); }
console.log(s, Object.isSealed(s), Object.isExtensible(s));
const p = Object.preventExtensions({ x: 1 });
delete p.x;
try { p.y = 1; } catch (e) { console.log(e.name + ': ' + e.message); }
console.log(p, Object.isExtensible(p), Object.isSealed(p));
