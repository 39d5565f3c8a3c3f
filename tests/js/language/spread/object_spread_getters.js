let reads = 0;
const src = { get g() { reads++; return 'got'; }, plain: 1 };
const copy = { ...src };
console.log(copy, reads);
const desc = Object.getOwnPropertyDescriptor(copy, 'g');
console.log(typeof desc.get, desc.value, desc.writable);
