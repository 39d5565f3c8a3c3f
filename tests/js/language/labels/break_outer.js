let found = null;
outer: for (let i = 0; i < 5; i++) {
  for (let j = 0; j < 5; j++) {
    if (i * j === 6) {
      found = [i, j];
      break outer;
    }
  }
}
console.log(found);
