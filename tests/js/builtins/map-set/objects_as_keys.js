// gc-stress
const cache = new Map();
const keys = [];
for (let i = 0; i < 300; i++) {
  const k = { id: i };
  keys.push(k);
  cache.set(k, 'payload' + i);
}
let hits = 0;
for (const k of keys) if (cache.get(k) === 'payload' + k.id) hits++;
console.log(hits, cache.get({ id: 1 }));
