const log = [];
out: for (let i = 0; i < 3; i++) {
  try {
    if (i === 1) break out;
    log.push('body' + i);
  } finally {
    log.push('finally' + i);
  }
}
console.log(log);
