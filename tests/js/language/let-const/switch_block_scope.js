function pick(n) {
  switch (n) {
    case 1: {
      let msg = 'one';
      return msg;
    }
    case 2: {
      let msg = 'two';
      return msg;
    }
    default:
      return 'many';
  }
}
console.log(pick(1), pick(2), pick(3));
