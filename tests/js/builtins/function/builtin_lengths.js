console.log(Array.prototype.push.length, Array.prototype.slice.length, Array.prototype.reduce.length, Math.max.length);
console.log(JSON.stringify.length, JSON.parse.length, Object.assign.length, String.prototype.split.length, parseInt.length);
console.log(Array.prototype.map.name, Math.max.name, Object.keys.name, Function.prototype.call.name);
