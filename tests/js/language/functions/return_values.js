function many() { return [1, 'two', { three: 3 }, null, undefined, true]; }
console.log(many());
function obj() { return { x: 1 }; }
console.log(obj().x);
function nothing() { return; }
console.log(nothing());
