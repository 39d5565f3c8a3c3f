let count = 0;
a: for (let x = 0; x < 3; x++) {
  b: for (let y = 0; y < 3; y++) {
    for (let z = 0; z < 3; z++) {
      if (z === 1) continue b;
      if (y === 2) continue a;
      if (x === 2) break a;
      count++;
    }
  }
}
console.log(count);
