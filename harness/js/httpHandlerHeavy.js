// httpHandlerHeavy: routing, query-string reading with indexOf, JSON.parse of
// a payload, a headers object and a JSON response body.
//   path:  i%3 === 0 ? '/api/users' : '/api/users/42'
//   query: i%2 === 0 ? '?limit=10&offset=5' : '?limit=25&offset=0'
// The list route returns status 200 with data = the payload plus limit and
// offset; the item route returns status 200 with data = the payload plus
// limit, offset and the id from the path. Accumulates body length + status.
function readParam(query, name) {
  const key = name + '=';
  const start = query.indexOf(key);
  if (start < 0) return -1;
  let end = query.indexOf('&', start);
  if (end < 0) end = query.length;
  return parseInt(query.substring(start + key.length, end), 10);
}
function bench(n) {
  const payloadText = JSON.stringify({ id: 1, name: 'User1', tags: ['alpha', 'beta', 'gamma'] });
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const path = i % 3 === 0 ? '/api/users' : '/api/users/42';
    const query = i % 2 === 0 ? '?limit=10&offset=5' : '?limit=25&offset=0';
    const limit = readParam(query, 'limit');
    const offset = readParam(query, 'offset');
    const data = JSON.parse(payloadText);
    data.limit = limit;
    data.offset = offset;
    let status = 404;
    if (path === '/api/users') {
      status = 200;
    } else if (path.indexOf('/api/users/') === 0) {
      data.userId = parseInt(path.substring(11), 10);
      status = 200;
    }
    const headers = {
      'content-type': 'application/json',
      'cache-control': 'no-cache',
      'x-request-id': 'req-' + (i % 1000),
    };
    const response = { status: status, headers: headers, body: JSON.stringify({ ok: true, path: path, data: data }) };
    acc = (acc + response.body.length + response.status) % 1000000;
  }
  return acc;
}
