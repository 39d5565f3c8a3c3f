// Mixing BigInt and Number is a TypeError; BigInt's own RangeErrors.
const tries = [
  () => 1n + 1,
  () => 1n * 2,
  () => +1n,
  () => 1n >>> 0n,
  () => Math.max(1n),
  () => JSON.stringify({ a: 1n }),
  () => new BigInt(1),
  () => BigInt(1.5),
  () => BigInt("1.5"),
  () => 1n / 0n,
  () => 2n ** -1n,
  () => BigInt(Symbol()),
];
for (const t of tries) {
  try {
    console.log("no error", t());
  } catch (e) {
    console.log(e.name);
  }
}
