const k = 'dyn';
const o = {
  get [k]() { return 'dyn-get'; },
  get ['lit' + 1]() { return 'lit1'; },
};
console.log(o.dyn, o.lit1);
