// objectCreate: small object literals pushed into an array that is dropped
// every 101 objects. Returns the final array length.
function bench(n) {
  let objs = [];
  for (let i = 0; i < n; i++) {
    objs.push({ id: i, name: 'item' });
    if (objs.length > 100) objs = [];
  }
  return objs.length;
}
