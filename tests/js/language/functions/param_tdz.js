function later(x = y, y) { return x; }
function self(x = x) { return x; }
function ok(a, b = a + 1) { return b; }
function closure(a = () => b, b = 2) { return a(); }
function early(a = () => b, b = a()) { return b; }
function pattern({ p } = q, q) { return p; }
for (const f of [later, self, ok, closure, early, pattern]) {
  try { console.log(f.name, f(undefined, undefined)); } catch (e) { console.log(f.name, e.constructor.name); }
}
console.log(ok(1), later(5, 6));
