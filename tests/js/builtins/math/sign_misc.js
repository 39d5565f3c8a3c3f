console.log(Math.sign(-3), Math.sign(3), Math.sign(0), Object.is(Math.sign(-0), -0), Math.sign(NaN), Math.sign('-2'));
console.log(Math.fround(5.5), Math.fround(0.1), Math.clz32(1), Math.clz32(0), Math.imul(3, 4), Math.imul(0xffffffff, 5));
