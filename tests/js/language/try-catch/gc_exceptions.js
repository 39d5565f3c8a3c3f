// gc-stress
let caught = 0;
let lastMessage = '';
for (let i = 0; i < 1000; i++) {
  try {
    if (i % 3 === 0) throw new RangeError('r' + i);
    if (i % 3 === 1) null.x;
    throw { code: i };
  } catch (e) {
    caught++;
    lastMessage = e.message || String(e.code);
  }
}
console.log(caught, lastMessage);
