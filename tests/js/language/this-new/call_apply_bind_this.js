function show(greet) { return greet + ' ' + this.n; }
const o = { n: 'o' };
console.log(show.call(o, 'hi'), show.apply({ n: 'p' }, ['hey']));
const bound = show.bind({ n: 'bound' });
console.log(bound('yo'), bound.call(o, 'still'));
