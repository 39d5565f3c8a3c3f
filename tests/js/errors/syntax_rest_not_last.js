function f(a, ...rest, b) {
  return rest;
}
