const name = 'x';
const t = `hello ${name}
