function f(opts) {
  const { verbose } = opts;
  return verbose;
}
f();
