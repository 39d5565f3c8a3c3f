const a = { b: null };
try {
  console.log((a?.b).c);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
console.log(a?.b?.c);
