const log = [];
const iterable = {
  [Symbol.iterator]() {
    let i = 0;
    return {
      next() { log.push('next'); return { value: i++, done: false }; },
      return() { log.push('return'); return { done: true }; },
    };
  },
};
for (const v of iterable) { if (v === 2) break; }
console.log(log.join(','));
