// toString(radix) like V8: shortest fraction digits that round-trip, and
// zeros for the integer digits a large double does not hold.
const vals = [0.1, 1 / 3, Math.PI, 0.5e-10, 255.255, -4294967295.5, 2 ** 60 + 2 ** 10, 2 ** 70, 1e21, 1e300];
for (const v of vals) {
  console.log([2, 3, 5, 7, 16, 36].map((r) => v.toString(r)).join(' '));
}
console.log((1.7976931348623157e308).toString(36));
console.log((5e-324).toString(2).length, (255).toString(16), (-255).toString(36), (0).toString(2), (-0).toString(7));
console.log(NaN.toString(2), Infinity.toString(16), (-Infinity).toString(36));
for (const bad of [1, 37, NaN]) {
  try {
    (1).toString(bad);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
