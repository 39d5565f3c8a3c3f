let closed = false;
const it = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 1, done: false }),
      return: () => { closed = true; return {}; },
    };
  },
};
try {
  for (const v of it) throw new Error('stop ' + v);
} catch (e) {
  console.log(e.message, closed);
}
