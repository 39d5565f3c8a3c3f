const a = 10, b = 2, g = 5;
console.log(a / b / g, a /b/ g);
let x = 8;
x /= 2;
console.log(x, /=/.test('a=b'), /=+/.exec('a==b')[0]);
console.log((/[(]/).test('('), ((s) => /[)]/.test(s))(')'), [(v) => /\)/.test(v)][0](')'));
function f() { return /x/g.flags; }
console.log(f(), typeof /x/, [/a/, /b/].length, { r: /c/ }.r.source);
console.log(`${/a\/b/.source}|${'q'.replace(/q/, '/')}`);
console.log(/[/]/.test('/'), /\//.test('/'), /a/.source.length, 1 < 2 ? /t/.source : /f/.source);
const obj = { n: 4 };
console.log(obj.n / 2 / 1, (obj.n) / 2, [8][0] / 4);
const re = /ab+c/i
console.log(re.test('ABBC'))
if (/^k/.test('kite')) console.log('kite');
console.log(!/x/.test('y'), void /x/, /a/ instanceof RegExp, /a/ !== /a/);
console.log(/\u{41}/u.test('A'), /[\]/]+/.exec('a]/]b')[0], /a|/.test(''));
