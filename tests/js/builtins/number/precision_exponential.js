// toPrecision and toExponential: exact digits, half-up ties, the 1..100 range.
const vals = [123.456, 0.000123, 1.5, 25, 35, 1e21, 1.7976931348623157e308, 5e-324, 2 ** 53 + 2];
for (const v of vals) {
  console.log(v.toPrecision(1), v.toPrecision(3), v.toPrecision(21), v.toExponential(0), v.toExponential(2), v.toExponential());
}
console.log((1.25).toExponential(1), (1.35).toExponential(1), (0).toExponential(2), (0).toPrecision(3), (-0).toExponential());
console.log((1 / 3).toPrecision(100));
console.log((123.456).toExponential(100));
console.log((1e-7).toPrecision(2), (1e-6).toPrecision(2), (123456).toPrecision(6), (123456).toPrecision(5), (0.5).toPrecision());
console.log(Infinity.toExponential(1000), NaN.toPrecision(0), (-Infinity).toPrecision(200));
for (const [m, arg] of [['toPrecision', 0], ['toPrecision', 101], ['toExponential', -1], ['toExponential', 101]]) {
  try {
    (1)[m](arg);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
