function risky() { throw new TypeError('bad type'); }
try {
  try {
    risky();
  } catch (e) {
    console.log('inner', e.name);
    throw e;
  } finally {
    console.log('inner finally');
  }
} catch (e) {
  console.log('outer', e.message, e instanceof TypeError, e instanceof Error);
}
