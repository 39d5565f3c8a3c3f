console.log(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger('5'), Number.isInteger(Infinity));
console.log(Number.isFinite(1), Number.isFinite(Infinity), Number.isFinite('1'), isFinite('1'));
console.log(Number.isNaN(NaN), Number.isNaN('abc'), isNaN('abc'), isNaN(undefined), isNaN(null));
console.log(Number.isSafeInteger(2 ** 53 - 1), Number.isSafeInteger(2 ** 53));
