console.log('a' + 'b', 'a' + 1, 1 + 'a', 'a' + null, 'a' + undefined, 'a' + true);
console.log('x' + [1, 2], 'x' + {}, 'x' + [], [] + [], [] + {});
console.log(1 + 2 + 'px', 'px' + 1 + 2, 'n=' + 1.50, 'big' + 1e21, 'small' + 1e-7);
