console.log((() => 'iife')());
console.log(((a, b) => a * b)(6, 7));
const v = (x => { if (x) return 'yes'; return 'no'; })(0);
console.log(v);
