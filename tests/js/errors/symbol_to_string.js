const sym = Symbol('s');
const text = 'value: ' + sym;
