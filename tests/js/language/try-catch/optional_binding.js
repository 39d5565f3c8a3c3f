let ok = false;
try {
  JSON.parse('{bad');
} catch {
  ok = true;
}
console.log(ok);
