const o = {
  value: 42,
  regular() { return [1, 2].map(function (x) { return x + this.value; }, { value: 100 }); },
  arrow() { return [1, 2].map(() => this.value); },
  nested() { return (() => (() => this === o)())(); },
};
console.log(o.regular(), o.arrow(), o.nested());
