const o = { name: 'root' };
o.self = o;
try {
  JSON.stringify(o);
} catch (e) {
  console.log(e.name, e.message.split('\n')[0]);
}
const shared = { s: 1 };
console.log(JSON.stringify({ a: shared, b: shared }));
