// Node peer: node:http, the idiomatic Node server. PORT from argv[2].
'use strict';
const http = require('node:http');
const { route, parseQuery } = require('../common.js');

const port = Number(process.argv[2] || 8080);
http
  .createServer((req, res) => {
    const q = req.url.indexOf('?');
    const path = q < 0 ? req.url : req.url.slice(0, q);
    const search = q < 0 ? '' : req.url.slice(q);
    const reply = (body) => {
      const [status, type, text] = route(
        req.method, path, parseQuery(search), Object.keys(req.headers).length, body);
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    if (req.method === 'GET' || req.method === 'HEAD') return reply(null);
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => reply(data));
  })
  .listen(port, '127.0.0.1', () => console.log(`node: listening on http://127.0.0.1:${port}`));
