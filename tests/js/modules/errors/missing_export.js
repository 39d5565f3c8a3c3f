// Linking fails: the module does not export the name (a SyntaxError before anything runs).
import { nothing } from '../fixtures/order.mjs';
console.log('not reached', nothing);
