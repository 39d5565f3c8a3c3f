// An error thrown while an imported module runs: the importer never runs,
// the stack names the imported file, line and column.
import '../fixtures/throws.mjs';
console.log('not reached');
