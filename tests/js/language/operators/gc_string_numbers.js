// gc-stress
let digits = 0;
let sample = [];
for (let i = 0; i < 3000; i++) {
  const s = String(i * 1.5) + '|' + (i / 7).toFixed(3) + '|' + (i * 31).toString(16);
  digits += s.length;
  if (i % 1000 === 1) sample.push(s);
}
console.log(digits, sample);
