console.log(Number(undefined), Number(null), Number(false), Number('  \n42\t'), Number('4 2'));
console.log(Number('1e1000'), Number('-1e-1000'), Object.is(Number('-0'), -0), Number('.'), Number('0.0e0'));
