const words = ['delta', 'Alpha', 'charlie', 'bravo', 'alpha'];
console.log(words.slice().sort());
console.log(words.slice().sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
