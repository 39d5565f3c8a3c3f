const e = new Error('outer', { cause: 'root' });
console.log(e.message, e.cause);
const plain = new Error(undefined);
console.log(JSON.stringify(plain.message), 'message' in plain);
const numMsg = new Error(42);
console.log(typeof numMsg.message, numMsg.message);
