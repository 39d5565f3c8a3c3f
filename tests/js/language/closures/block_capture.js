let f;
{
  const hidden = 'secret';
  f = () => hidden.toUpperCase();
}
console.log(f());
const gs = [];
for (const name of ['a', 'b']) {
  const upper = name.toUpperCase();
  gs.push(() => name + upper);
}
console.log(gs[0](), gs[1]());
