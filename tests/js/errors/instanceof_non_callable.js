const notClass = {};
console.log({} instanceof notClass);
