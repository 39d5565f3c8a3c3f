const items = [{ n: 'a', p: 2 }, { n: 'b', p: 3.5 }];
console.log(`total: ${items.reduce((s, i) => s + i.p, 0).toFixed(2)}`);
console.log(`${items.map(i => `<li>${i.n}</li>`).join('')}`);
const cond = false;
console.log(`status: ${cond ? 'on' : 'off'}`);
