// gc-stress
let acc = '';
const pieces = [];
for (let i = 0; i < 2000; i++) {
  acc = acc + 'ab' + i;
  if (i % 400 === 0) pieces.push(acc.slice(-6));
}
console.log(acc.length, pieces, acc.indexOf('ab1999'));
