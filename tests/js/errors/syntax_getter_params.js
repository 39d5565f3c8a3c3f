const o = {
  get value(x) { return x; },
};
