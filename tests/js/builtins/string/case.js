console.log('Hello World'.toUpperCase(), 'Hello World'.toLowerCase());
console.log('ÀÉÎõü'.toLowerCase(), 'straße'.toUpperCase(), 'İ'.toLowerCase().length);
console.log('123abc!'.toUpperCase(), ''.toUpperCase() === '');
