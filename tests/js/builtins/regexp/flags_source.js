const re = /a\/b[/]c/gimsuy;
console.log(re.source, re.flags, re.global, re.ignoreCase, re.multiline, re.dotAll, re.unicode, re.sticky, re.hasIndices);
console.log(String(re), re.toString());
console.log(new RegExp('').source, String(new RegExp('')), new RegExp('a/b').source);
console.log(new RegExp('\n').source, new RegExp('x', 'dg').flags);
console.log(RegExp.prototype.source, RegExp.prototype.flags, RegExp.prototype.global);
const copy = new RegExp(re, 'i');
console.log(copy.source, copy.flags, copy.lastIndex);
console.log(RegExp(re) === re, new RegExp(re) === re);
try { new RegExp('a', 'gg'); } catch (e) { console.log(e.name, e.message); }
try { new RegExp('(', ''); } catch (e) { console.log(e.name); }
try { new RegExp('a**'); } catch (e) { console.log(e.name); }
console.log(Object.prototype.toString.call(/x/), typeof /x/, /x/ instanceof RegExp);
console.log(RegExp[Symbol.species] === RegExp, RegExp.length, RegExp.name);
console.log(/a\/b/g, [/b/i], { r: /c/y });
