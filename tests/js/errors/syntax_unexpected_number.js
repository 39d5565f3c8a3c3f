const list = [1, 2];
const n = list 3;
