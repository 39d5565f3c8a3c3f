console.log('2' > '12', 2 > '12', '2' > 12, 'a' > 12, 'a' < 12);
console.log(null >= 0, null > 0, null == 0, undefined >= 0);
