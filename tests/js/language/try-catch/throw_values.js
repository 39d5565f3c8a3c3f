const values = [42, 'str', null, undefined, { code: 7 }, [1, 2], true];
for (const v of values) {
  try {
    throw v;
  } catch (e) {
    console.log(typeof e, e === v);
  }
}
