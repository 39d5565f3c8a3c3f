console.log(Boolean(0), Boolean('0'), Boolean(''), Boolean([]), Boolean(null), Boolean());
console.log(true.toString(), false.valueOf(), typeof Boolean(1), typeof new Boolean(false));
console.log(new Boolean(false) ? 'truthy object' : 'falsy');
