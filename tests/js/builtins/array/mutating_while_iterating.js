const a = [1, 2, 3, 4];
const visited = [];
a.forEach((v, i) => {
  visited.push(v);
  if (i === 0) a.push(99);
  if (i === 1) a.pop();
});
console.log(visited, a);
