const money = { valueOf() { return 42; }, toString() { return '$42'; } };
console.log(money + 1, `${money}`, money * 2, String(money), money > 41);
const onlyStr = { toString() { return '7'; } };
console.log(onlyStr * 2, onlyStr + 1);
const arr = [3];
arr.valueOf = () => 10;
console.log(arr + 1);
