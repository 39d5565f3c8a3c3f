function attempt(v) {
  try { throw v; } catch (e) { return e; }
}
console.log(attempt(1), attempt('s'), attempt(null), attempt([1]), attempt({ code: 1 }));
