const vals = [0.1, 0.2, 0.3, 1.1, 2.675, 1e-6, 1e-7, 123456789.123456789, 5e-7, 1.5e300, 4.9406564584124654e-324, 2.2250738585072014e-308, 0.1 + 0.2, 100 / 3];
for (const v of vals) {
  const s = String(v);
  console.log(s, Number(s) === v);
}
