// toFixed on the exact binary value: 1.005 is below 1.005, ties round up.
console.log((1.005).toFixed(2), (1.45).toFixed(1), (2.5).toFixed(0), (1.25).toFixed(1), (1.35).toFixed(1), (-1.5).toFixed(0));
console.log((1e21).toFixed(2), (-1e21).toFixed(5), (999999999999999900000).toFixed(1), (0).toFixed(2), (-0).toFixed(2));
console.log((0.1).toFixed(20), (0.000001).toFixed(7), (1e-7).toFixed(3), (123.456).toFixed(), (8.345).toFixed(2));
console.log((0.5).toFixed(100));
console.log((5e-324).toFixed(100) === '0.' + '0'.repeat(100), (2 ** 70).toFixed(3), NaN.toFixed(2), (-Infinity).toFixed(1));
for (const bad of [-1, 101, Infinity]) {
  try {
    (1).toFixed(bad);
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
