console.log(typeof 1, typeof 1.5, typeof NaN, typeof 'x', typeof true);
console.log(typeof undefined, typeof null, typeof {}, typeof [], typeof function () {});
console.log(typeof (() => 1), typeof class {}, typeof Symbol(), typeof Symbol.iterator);
console.log(typeof Math, typeof JSON, typeof Object, typeof undeclaredThing);
