"use strict";
// An array pattern's iterator is closed once: when a generator is returned
// from at a yield inside the pattern and return() throws; and a rest
// element's property target is evaluated before the iterator is drained.
let closes = 0;
const iterable = {
  [Symbol.iterator]() {
    return {
      next() {
        return { value: 1, done: false };
      },
      return() {
        closes += 1;
        throw new Error("return() threw");
      },
    };
  },
};
function* g() {
  [{}[yield]] = iterable;
}
const it = g();
it.next();
try {
  it.return();
} catch (e) {
  console.log(e.message, closes);
}
const log = [];
const target = {
  get obj() {
    log.push("target");
    return {};
  },
};
const source = {
  *[Symbol.iterator]() {
    log.push("first step");
    yield 1;
  },
};
[...target.obj.rest] = source;
console.log(log.join(", "));
