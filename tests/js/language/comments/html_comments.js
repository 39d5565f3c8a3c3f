--> first line comment
var x = 1; <!-- html open
/*
*/ --> after multiline
var y = 3;
y-->0;
console.log(x, y, x-->0, x);
