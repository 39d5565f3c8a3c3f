const log = [];
for (let i = 0; i < 4; i++) {
  try {
    if (i === 1) continue;
    if (i === 3) break;
    log.push('t' + i);
  } finally {
    log.push('f' + i);
  }
}
console.log(log.join(' '));
