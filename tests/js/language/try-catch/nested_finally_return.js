function f() {
  const log = [];
  try {
    try {
      throw new Error('x');
    } finally {
      log.push('inner');
    }
  } catch (e) {
    log.push('caught ' + e.message);
  } finally {
    log.push('outer');
  }
  return log;
}
console.log(f());
