function makeCounter() {
  let count = 0;
  return {
    inc() { return ++count; },
    dec() { return --count; },
    get() { return count; },
  };
}
const c1 = makeCounter();
const c2 = makeCounter();
c1.inc(); c1.inc(); c1.inc();
c2.dec();
console.log(c1.get(), c2.get());
