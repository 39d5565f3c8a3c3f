const e = Error('no new');
const t = TypeError('t');
console.log(e instanceof Error, e.message, t.name, t instanceof TypeError);
