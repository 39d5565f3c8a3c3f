console.log('a1b22c333'.match(/\d+/g));
console.log('a1b22c333'.match(/\d+/).index);
console.log('abc'.match(/x/g), 'abc'.match(/x/));
console.log('2026-12-06'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1'));
console.log('x-y-z'.replace(/-/g, '+'), 'x-y-z'.replace(/-/, '+'));
console.log('John Smith'.replace(/(?<first>\w+)\s(?<last>\w+)/, '$<last>, $<first>'));
console.log('abc'.replace(/b/, "[$&|$`|$'|$$|$0|$9]"));
console.log('aaa'.replace(/a/g, (m, i) => i));
console.log('a-b_c'.replace(/[-_](\w)/g, (m, c, off, s) => c.toUpperCase() + off + s.length));
console.log('x'.replace(/(?<n>x)/, (...args) => JSON.stringify(args)));
console.log('aXbXc'.replaceAll(/x/gi, '.'));
try { 'a'.replaceAll(/a/, 'b'); } catch (e) { console.log(e.name); }
console.log('one two  three'.split(/\s+/), 'a1b2c'.split(/(\d)/), 'abc'.split(/(?:)/));
console.log('a,b,c'.split(/,/, 2), ''.split(/x/), ''.split(/(?:)/));
console.log('hello world'.search(/o/), 'hello'.search(/z/));
console.log([...'a1b2c3'.matchAll(/[a-z](\d)/g)].map((m) => m[1] + '@' + m.index));
try { 'a'.matchAll(/a/); } catch (e) { console.log(e.name); }
console.log('aaa'.match(/a*?/g), 'abc'.replace(/(?:)/g, '-'));
