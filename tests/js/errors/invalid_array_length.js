const size = -1;
const a = new Array(size);
