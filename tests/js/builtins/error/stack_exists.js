function inner() { return new Error('where'); }
const e = inner();
console.log(typeof e.stack, e.stack.includes('Error: where'));
console.log(e.stack.includes('inner'), e.stack.includes('stack_exists.js:1'));
