// The example handler: what the main job, the integration tests and the
// peer comparisons serve (harness/peers/* answer the same endpoints).
//   kite serve examples/handler.js

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

function handler(req) {
  const path = req.path;
  if (path === '/api/noop') return Response.rawJson('{"ok":true}');
  if (path === '/api/health') {
    return Response.json({ status: 'ok', runtime: 'kite', timestamp: 0 });
  }
  if (path.startsWith('/api/greet/')) {
    return Response.json({ greeting: 'Hello, ' + path.slice(11) + '!' });
  }
  if (path === '/api/echo') {
    return Response.json({
      method: req.method,
      path: path,
      query: req.query,
      headers: Object.keys(req.headers).length,
      body: req.body,
    });
  }
  if (path === '/api/compute') {
    return Response.json({ result: fibonacci(30) });
  }
  return Response.json({ error: 'Not Found', path: path }, { status: 404 });
}
