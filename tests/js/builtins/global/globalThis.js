console.log(typeof globalThis, globalThis.Math === Math, globalThis.JSON === JSON);
globalThis.myGlobal = 42;
console.log(myGlobal, typeof globalThis.myGlobal);
console.log(typeof globalThis.parseInt, globalThis.globalThis === globalThis);
