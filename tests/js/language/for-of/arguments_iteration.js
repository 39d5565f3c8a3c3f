function f() {
  const out = [];
  for (const a of arguments) out.push(a);
  return out;
}
console.log(f(1, 'two', 3));
