console.log(parseInt('  123abc'), parseInt('-0x1f'), parseInt('ff', 16), parseInt('0.9'), parseInt(null), parseInt('Infinity'));
console.log(parseFloat('  3.5e2xyz'), parseFloat('-.5'), parseFloat('1e'), parseFloat([2.5]), parseFloat('0x10'));
console.log(isNaN('x'), isNaN('12'), isNaN(''), isFinite('12'), isFinite(Infinity), isFinite(null));
