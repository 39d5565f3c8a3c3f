const fns = [];
for (const v of [1, 2, 3]) {
  try {
    throw v * 100;
  } catch (err) {
    fns.push(() => err);
  }
}
console.log(fns.map(f => f()));
