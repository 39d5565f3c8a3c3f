const samples = ['simple', 'with space', 'q=a&b=c', '/path/to?x#y', 'ümlaut', '100%', '日本語', '+plus+'];
for (const s of samples) {
  const enc = encodeURIComponent(s);
  console.log(enc, decodeURIComponent(enc) === s);
}
