console.log(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 'a' < 'b', 'B' < 'a', 'abc' < 'abd');
console.log('10' < '9', 10 < 9, '10' < 9, null < 1, undefined < 1);
console.log(NaN < 1, NaN >= 1, NaN == NaN, NaN != NaN);
console.log([2] > 1, '' < 1, 'a' > 1, true > false);
