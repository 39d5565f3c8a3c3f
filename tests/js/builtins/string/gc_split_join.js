// gc-stress
let text = 'alpha beta gamma delta epsilon';
let total = 0;
for (let i = 0; i < 800; i++) {
  const parts = text.split(' ');
  parts.push(parts.shift());
  text = parts.join(' ');
  total += parts.length;
}
console.log(text, total);
