const proto = {
  get full() { return this.first + ' ' + this.last; },
  set full(v) { [this.first, this.last] = v.split(' '); },
};
const p = Object.create(proto);
p.full = 'Ada Lovelace';
console.log(p.first, p.last, p.full, Object.keys(p));
