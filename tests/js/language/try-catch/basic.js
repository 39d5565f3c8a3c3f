try {
  throw new Error('boom');
} catch (e) {
  console.log('caught', e.message);
}
try {
  console.log('no throw');
} catch (e) {
  console.log('never');
}
