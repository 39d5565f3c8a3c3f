const arr = [1, 2];
const it = arr[Symbol.iterator]();
console.log(it.next(), it.next(), it.next());
console.log(typeof 'x'[Symbol.iterator], typeof (123)[Symbol.iterator], typeof {}[Symbol.iterator]);
console.log(Symbol.iterator.toString(), typeof Symbol.iterator);
