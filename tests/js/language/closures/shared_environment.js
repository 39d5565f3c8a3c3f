function pair() {
  let v = 0;
  const set = x => { v = x; };
  const get = () => v;
  return [set, get];
}
const [set, get] = pair();
set(42);
console.log(get());
set('changed');
console.log(get());
