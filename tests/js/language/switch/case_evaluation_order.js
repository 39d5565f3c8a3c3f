const log = [];
function c(v) { log.push(v); return v; }
switch (3) {
  case c(1): log.push('hit1'); break;
  case c(3): log.push('hit3'); break;
  case c(5): log.push('hit5'); break;
}
console.log(log);
