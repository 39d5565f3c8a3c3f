// An invalid pattern in a literal is an early error: nothing runs.
console.log('never printed');
const route = /^\/users\/(\d+$/;
