// gc-stress
for (let i = 0; i < 6; i++) {
  const obj = { i, list: Array.from({ length: i }, (_, j) => ({ j })), label: 'item' + i };
  console.log(obj);
}
