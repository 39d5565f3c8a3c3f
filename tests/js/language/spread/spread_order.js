const log = [];
function t(tag, v) { log.push(tag); return v; }
const r = [t('a', 1), ...t('b', [2, 3]), t('c', 4)];
console.log(r, log.join(''));
const o = { x: 1, ...{ x: 2, y: 2 }, y: 3 };
console.log(o);
