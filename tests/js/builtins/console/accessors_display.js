const o = {
  get g() { return 1; },
  set s(v) {},
  get gs() { return 2; },
  set gs(v) {},
  plain: 3,
};
console.log(o);
