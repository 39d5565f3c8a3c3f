console.log([1, 2, 3].join(), [1, 2, 3].join(''), [1, 2, 3].join(' - '));
console.log([null, undefined, 1, [2, 3]].join('|'), [].join(), [5].join('x'));
const r = [1, 2, 3];
console.log(r.reverse(), r);
console.log([1, , 3].join('.'));
