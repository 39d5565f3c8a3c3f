// error.stack in V8's format: plain, method, constructor and accessor
// frames, built-ins between JS frames, and the column of each call.
// Each trace is cut after `main`, whose caller is Node's module wrapper.
function frames(e) {
  const lines = e.stack.split('\n');
  const end = lines.findIndex((l) => l.includes('at main ('));
  return lines.slice(0, end + 1).map((l) =>
    l.replace(/\(.*\//, '(').replace(/at \/.*\//, 'at ').replace(/^SyntaxError: .*/, 'SyntaxError'));
}
class Shape {
  constructor(fail) { if (fail) throw new Error('in constructor'); }
  area() { throw new Error('in method'); }
  static make() { throw new Error('in static method'); }
  get size() { throw new Error('in getter'); }
}
const tools = {
  run() { throw new Error('in object method'); },
  nested: { deep() { throw new RangeError('in nested method'); } },
};
function plain() { throw new TypeError('in plain function'); }
function* steps() { yield 1; plain(); }
function main(which) {
  switch (which) {
    case 0: return plain();
    case 1: return new Shape(true);
    case 2: return new Shape(false).area();
    case 3: return Shape.make();
    case 4: return new Shape(false).size;
    case 5: return tools.run();
    case 6: return tools.nested.deep();
    case 7: return [1, 2].map(function twice(x) { return x * plain(); });
    case 8: return [3, 1, 2].sort(() => { throw new Error('anonymous comparator'); });
    case 9: return JSON.parse('{');
    case 10: return new Map([[1, 2]]).forEach(function each() { plain(); });
    case 11: return 'abc'.replace(/b/, function swap() { return tools.run(); });
    case 12: return plain.call(null);
    case 13: return Reflect.apply(plain, null, []);
    case 14: return new Promise(function executor() {
      try { plain(); } catch (e) { console.log(frames(e).join('\n')); }
    });
    case 15: { const g = steps(); g.next(); return g.next(); }
  }
}
for (let i = 0; i <= 15; i++) {
  try {
    main(i);
  } catch (e) {
    console.log(frames(e).join('\n'));
  }
}
