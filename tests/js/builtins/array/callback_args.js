const seen = [];
['a', 'b'].map(function (v, i, arr) { seen.push([v, i, arr.length, this.tag]); return v; }, { tag: 't' });
console.log(seen);
const r = [1, 2, 3].reduce((acc, v, i, arr) => acc + v * i + arr.length, 0);
console.log(r);
