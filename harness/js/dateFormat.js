// dateFormat: parse ISO timestamps (as in a JSON API), read them back with
// UTC getters, step them by a day and format them with toISOString.
const STAMPS = [
  '2026-12-06T11:53:02.000Z', '2024-02-29T23:59:59.999Z', '1999-12-31T00:00:00Z',
  '2026-03-08T07:30:00.250Z', '2000-01-01', '2038-01-19T03:14:07Z', '1970-01-01T00:00:00.001Z',
];
function pad(n) {
  return n < 10 ? '0' + n : '' + n;
}
function bench(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const t = Date.parse(STAMPS[i % STAMPS.length]);
    const d = new Date(t + (i % 30) * 86400000);
    const day = d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
    const iso = d.toISOString();
    acc = (acc + day.length + iso.charCodeAt(i % iso.length) + d.getUTCHours() + d.getUTCDay()) % 1000000;
  }
  return acc;
}
