console.log((1.005).toFixed(2), (1.45).toFixed(1), (0).toFixed(2), (-1.5).toFixed(0), (2.5).toFixed(0));
console.log((123.456).toFixed(), (123.456).toFixed(1), (0.000001).toFixed(7), (1e21).toFixed(2), (-0).toFixed(1));
console.log((1234.5678).toFixed(10), (0.5).toFixed(0), (1.5).toFixed(0), (10.235).toFixed(2));
try {
  (1).toFixed(101);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
