const re = /a/g;
re.lastIndex = 5;
console.log(re.test('aaa'), re.lastIndex);
const custom = { [Symbol.replace](s, r) { return 'custom:' + s + ':' + r; } };
console.log('abc'.replace(custom, 'x'));
const splitter = { [Symbol.split](s, lim) { return ['split', s, lim]; } };
console.log('abc'.split(splitter, 3));
class MyRE extends RegExp {
  exec(s) { const m = super.exec(s); if (m) m[0] = m[0].toUpperCase(); return m; }
}
const my = new MyRE('b+', 'g');
console.log('abbcbd'.replace(my, '<$&>'), my instanceof RegExp, my.flags);
console.log('abbcbd'.match(my));
const fake = { exec() { return { 0: 'zz', length: 1, index: 1 }; }, flags: '', lastIndex: 0 };
console.log(RegExp.prototype[Symbol.replace].call(fake, 'abc', 'Q'));
console.log(RegExp.prototype.test.call({ exec: () => null }, 'x'));
const it = 'x1x2'.matchAll(/x(\d)/g);
console.log(Object.prototype.toString.call(it), it.next().value[1], it.next().value[1], it.next().done);
console.log(RegExp.prototype[Symbol.split].call(/-/, 'a-b-c', 2));
