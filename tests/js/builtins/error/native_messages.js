const cases = [
  () => undefined.foo,
  () => null.bar,
  () => { const u = undefined; u.x = 1; },
  () => { let q = 1; q(); },
  () => { const o = {}; o.method(); },
  () => notDefinedAnywhere,
  () => { const num = 5; new num(); },
  () => { const five = 5; const [a] = five; },
  () => { const plain = {}; for (const x of plain) {} },
  () => new Array(-5),
  () => 'x'.repeat(Infinity),
  () => Object.keys(null),
  () => Object.defineProperty(1, 'x', {}),
  () => Object.setPrototypeOf({}, 5),
  () => Symbol() + '',
  () => { class A {} A(); },
];
for (const c of cases) {
  try { c(); } catch (e) { console.log(e.name + ': ' + e.message); }
}
