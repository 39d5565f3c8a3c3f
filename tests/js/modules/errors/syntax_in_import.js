// A syntax error in an imported module fails the whole graph before any of it runs.
import '../fixtures/order.mjs';
import '../fixtures/bad-syntax.mjs';
console.log('not reached');
