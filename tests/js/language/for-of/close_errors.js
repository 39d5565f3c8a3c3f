"use strict";
const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, get return() { throw new Error('from return getter'); } }; } };
try { for (const x of it) throw new Error('from body'); } catch (e) { console.log(e.message); }
const it2 = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { return 5; } }; } };
try { for (const x of it2) throw new Error('body2'); } catch (e) { console.log(e.message); }
try { for (const x of it2) break; } catch (e) { console.log(e.constructor.name); }
