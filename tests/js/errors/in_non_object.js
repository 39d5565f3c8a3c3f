const key = 'a';
console.log(key in 5);
