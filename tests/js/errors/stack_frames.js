function outer() { return middle(); }
function middle() { return inner(); }
function inner() { throw new Error('deep failure'); }
outer();
