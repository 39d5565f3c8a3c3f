"use strict";
const a = [0, 1, 2];
Object.defineProperty(a, '1', { configurable: false });
try { a.length = 0; } catch (e) { console.log(e instanceof TypeError, a.length); }
console.log(Reflect.defineProperty(a, 'length', { value: 0 }), a.length);
const b = [1, 2];
console.log(Reflect.defineProperty(b, 'length', { enumerable: true }), Reflect.defineProperty(b, 'length', { configurable: true }));
const c = Object.seal([1, 2, 3]);
try { c.length = 1; } catch (e) { console.log('sealed', e instanceof TypeError, c.length); }
const d = [1, 2, 3];
d.length = 1;
console.log(d.length, JSON.stringify(d));
const f = Object.freeze([1]);
try { f.length = 0; } catch (e) { console.log('frozen', e instanceof TypeError); }
