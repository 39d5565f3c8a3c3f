// Bun peer: Bun.serve, the idiomatic Bun server. PORT from argv[2].
const { route, parseQuery } = require('../common.js');

const port = Number(process.argv[2] || 8080);
Bun.serve({
  hostname: '127.0.0.1',
  port,
  async fetch(req) {
    const url = new URL(req.url);
    const body = req.method === 'GET' || req.method === 'HEAD' ? null : await req.text();
    let headers = 0;
    for (const _ of req.headers.keys()) headers++;
    const [status, type, text] = route(req.method, url.pathname, parseQuery(url.search), headers, body);
    return new Response(text, { status, headers: { 'content-type': type } });
  },
});
console.log(`bun: listening on http://127.0.0.1:${port}`);
