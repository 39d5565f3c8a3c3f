function make() {
  const fns = [];
  let x = 1;
  fns.push(() => x);
  x = 2;
  fns.push(() => x * 10);
  x = 3;
  return fns;
}
console.log(make().map(f => f()));
