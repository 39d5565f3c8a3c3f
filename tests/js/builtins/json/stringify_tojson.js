const o = {
  secret: 'hide',
  toJSON(key) { return { public: 'shown', key }; },
};
console.log(JSON.stringify(o), JSON.stringify({ wrap: o }), JSON.stringify([o]));
const v = { toJSON() { return undefined; } };
console.log(JSON.stringify({ a: v, b: 1 }));
