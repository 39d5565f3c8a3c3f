const tests = [
  () => null.x,
  () => undefinedVariable,
  () => (1).toFixed(500),
  () => { const f = 5; f(); },
  () => new Array(-1),
  () => decodeURIComponent('%'),
];
for (const t of tests) {
  try {
    t();
    console.log('no error');
  } catch (e) {
    console.log(e.name, e instanceof Error);
  }
}
