// A promise rejected with no handler by the time the jobs have run ends the
// program with exit code 1 and the reason's stack, as Node does.
const later = Promise.reject(new Error('handled later'));
later.catch(() => console.log('a handler attached in the same turn counts'));
Promise.reject(new TypeError('nobody listens'));
console.log('the script finishes first');
