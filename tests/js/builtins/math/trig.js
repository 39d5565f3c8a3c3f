const r = v => Math.round(v * 1e10) / 1e10;
console.log(r(Math.sin(Math.PI / 2)), r(Math.cos(Math.PI)), r(Math.tan(Math.PI / 4)));
console.log(r(Math.asin(1)), r(Math.acos(0)), r(Math.atan(1)), r(Math.atan2(1, 1)), r(Math.atan2(-1, -1)));
console.log(Math.sin(0), Math.cos(0), Math.atan2(0, -0) === Math.PI);
