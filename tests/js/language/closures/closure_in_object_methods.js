function makeStack() {
  const items = [];
  return {
    push: x => items.push(x),
    pop: () => items.pop(),
    peek: () => items[items.length - 1],
    size: () => items.length,
  };
}
const s = makeStack();
s.push(1); s.push(2); s.push(3);
console.log(s.pop(), s.peek(), s.size());
