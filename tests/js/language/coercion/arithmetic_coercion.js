console.log('6' * '7', '6' - 1, '6' / '2', '7' % '4', '2' ** '3');
console.log(true + true, null + 1, undefined + 1, [] * 2, [4] * [5]);
console.log('3' - -'3', '3' + -'3', - '', -' 1 ');
