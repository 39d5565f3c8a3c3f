let i = 0, log = [];
outer: while (i < 3) {
  i++;
  let j = 0;
  inner: do {
    j++;
    if (j === 2) continue outer;
    log.push(i + ':' + j);
  } while (j < 5);
}
console.log(log);
