const got = [];
let i = 0;
while (i < 3) {
  let captured = i * 10;
  got.push(() => captured);
  i++;
}
console.log(got.map(g => g()));
