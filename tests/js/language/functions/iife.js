const result = (function (x) {
  return x * 3;
})(4);
console.log(result);
const counter = (() => {
  let n = 0;
  return { next: () => ++n };
})();
counter.next();
console.log(counter.next());
