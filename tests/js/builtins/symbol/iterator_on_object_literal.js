const obj = {
  items: ['x', 'y', 'z'],
  [Symbol.iterator]() {
    let i = 0;
    const items = this.items;
    return { next() { return i < items.length ? { value: items[i++].toUpperCase(), done: false } : { done: true, value: undefined }; } };
  },
};
for (const v of obj) console.log(v);
console.log(new Set(obj).size, new Map([...obj].map(v => [v, v])).size);
