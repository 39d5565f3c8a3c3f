const temp = {
  [Symbol.toPrimitive](hint) {
    return hint === 'number' ? 20 : hint === 'string' ? 'twenty' : 'default';
  },
};
console.log(+temp, `${temp}`, temp + '', temp * 2, String(temp));
