// gc-stress
let arr = [];
for (let i = 0; i < 800; i++) {
  arr = arr.concat([i, { i }]);
  if (arr.length > 60) arr.splice(10, 30, 'cut' + i);
}
console.log(arr.length, arr.slice(0, 3), arr[10]);
