console.log(1 == '1', 1 === '1', 0 == '', 0 == '0', '' == '0');
console.log(null == undefined, null === undefined, null == 0, undefined == 0);
console.log(true == 1, true == '1', false == '', false == [], [] == '');
console.log([1] == 1, [1, 2] == '1,2', ({}) == '[object Object]');
const o = {};
console.log(o == o, o === o, o == {}, NaN === NaN, 0 === -0);
