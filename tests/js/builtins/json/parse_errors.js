const bad = ['{a:1}', "{'a':1}", '[1,]', '{"a":1,}', '', 'undefined', '01', '1.', '"\t"', 'NaN', '[1] x', '{"a" 1}'];
for (const s of bad) {
  try {
    JSON.parse(s);
    console.log('parsed', s);
  } catch (e) {
    console.log(e.name, JSON.stringify(s));
  }
}
