// gc-stress
let total = 0;
for (let i = 0; i < 3000; i++) {
  const s = JSON.stringify({ i, sq: i * i, s: 'v' + i, arr: [i, i + 1] });
  const o = JSON.parse(s);
  total = (total + o.sq + o.arr[1] + o.s.length) % 1000003;
}
console.log(total);
