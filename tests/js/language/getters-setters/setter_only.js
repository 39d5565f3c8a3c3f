const log = [];
const o = { set w(v) { log.push(v); } };
o.w = 1;
o.w = 2;
console.log(o.w, log);
