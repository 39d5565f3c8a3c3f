const words = ['banana', 'Apple', 'cherry', 'apple', '10', '9'];
console.log(words.slice().sort());
console.log('a' < 'aa', 'Z' < 'a', 'é' > 'z', '' < 'a');
