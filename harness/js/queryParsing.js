// queryParsing: split a URL query string into a params object with
// split('&'), indexOf('=') and decodeURIComponent, then read it back.
function parseQuery(qs) {
  const params = {};
  if (qs.length === 0) return params;
  const pairs = qs.split('&');
  for (let j = 0; j < pairs.length; j++) {
    const pair = pairs[j];
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.substring(0, eq);
    const value = eq < 0 ? '' : decodeURIComponent(pair.substring(eq + 1));
    params[key] = value;
  }
  return params;
}
function bench(n) {
  const queries = [
    'limit=10&offset=5&sort=name',
    'q=hello%20world&page=2',
    'name=kite%2Frun&lang=js&debug=1&v=3',
    'single',
    '',
  ];
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const p = parseQuery(queries[i % queries.length]);
    const keys = Object.keys(p);
    acc = (acc + keys.length) % 1000000;
    for (let k = 0; k < keys.length; k++) acc = (acc + p[keys[k]].length) % 1000000;
  }
  return acc;
}
