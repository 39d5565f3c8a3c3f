console.log((10).toString(2), (255).toString(16), (35).toString(36), (-8).toString(8), (0).toString(2));
console.log((3.75).toString(2), (0.5).toString(2), (-0.25).toString(4), (1024).toString(32));
try {
  (10).toString(1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
