const sparse = [1, , 3];
const dense = [...sparse];
console.log(dense, 1 in dense, 1 in sparse);
