// Deno peer: Deno.serve, the idiomatic Deno server. PORT from Deno.args[0].
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { route, parseQuery } = require('../common.js');

const port = Number(Deno.args[0] || 8080);
Deno.serve({ hostname: '127.0.0.1', port, onListen: () =>
  console.log(`deno: listening on http://127.0.0.1:${port}`) }, async (req) => {
  const url = new URL(req.url);
  const body = req.method === 'GET' || req.method === 'HEAD' ? null : await req.text();
  let headers = 0;
  for (const _ of req.headers.keys()) headers++;
  const [status, type, text] = route(req.method, url.pathname, parseQuery(url.search), headers, body);
  return new Response(text, { status, headers: { 'content-type': type } });
});
