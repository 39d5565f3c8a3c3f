const results = [];
for (let i = 0; i < 3; i++) results.push(i * i);
console.log(results);
try {
  null.prop;
} catch (e) {
  console.log('caught once: ' + e.message);
  throw e;
}
