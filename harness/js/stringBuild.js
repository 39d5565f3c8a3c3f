// stringBuild: build an HTML fragment from template literals, array push and
// join, flushing every 50 rows; accumulates the built lengths.
function bench(n) {
  let parts = [];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    parts.push(`<tr><td>${i}</td><td>${i % 7 === 0 ? 'seven' : 'other'}</td></tr>`);
    if (parts.length === 50) {
      const html = '<table>' + parts.join('\n') + '</table>';
      acc = (acc + html.length) % 1000000;
      parts = [];
    }
  }
  return acc + parts.join('').length;
}
