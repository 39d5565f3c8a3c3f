// The endpoints of examples/handler.js, written once for the peers. Each
// peer's server.js adapts its own idiomatic HTTP API to route().
// route(method, path, query, headerCount, body) -> [status, contentType, bodyString]
'use strict';

function fibonacci(n) {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) {
    const t = a + b;
    a = b;
    b = t;
  }
  return a;
}

const JSON_TYPE = 'application/json';

function route(method, path, query, headerCount, body) {
  if (path === '/api/noop') return [200, JSON_TYPE, '{"ok":true}'];
  if (path === '/api/health') {
    return [200, JSON_TYPE, JSON.stringify({ status: 'ok', runtime: 'kite', timestamp: 0 })];
  }
  if (path.startsWith('/api/greet/')) {
    return [200, JSON_TYPE, JSON.stringify({ greeting: 'Hello, ' + path.slice(11) + '!' })];
  }
  if (path === '/api/echo') {
    return [200, JSON_TYPE, JSON.stringify({ method, path, query, headers: headerCount, body })];
  }
  if (path === '/api/compute') {
    return [200, JSON_TYPE, JSON.stringify({ result: fibonacci(30) })];
  }
  return [404, JSON_TYPE, JSON.stringify({ error: 'Not Found', path })];
}

function parseQuery(search) {
  const out = {};
  if (search.startsWith('?')) search = search.slice(1);
  for (const [k, v] of new URLSearchParams(search)) out[k] = v;
  return out;
}

module.exports = { route, parseQuery };
