function early() {
  return late * 2;
}
console.log(early());
let late = 21;
