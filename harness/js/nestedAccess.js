// nestedAccess: chains of property loads through nested objects and arrays
// (config.server.limits.max, req.headers['x'], list[i].meta.score).
function bench(n) {
  const config = { server: { host: 'localhost', port: 8080, limits: { max: 64, min: 1 } }, debug: false };
  const list = [];
  for (let i = 0; i < 10; i++) list.push({ id: i, meta: { score: i * 3, tags: ['t' + i] } });
  const req = { headers: { 'x-count': 3 }, user: { profile: { level: 2 } } };
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const item = list[i % 10];
    acc = (acc + config.server.limits.max + config.server.port + item.meta.score + item.meta.tags.length) % 1000000;
    acc = (acc + req.headers['x-count'] * req.user.profile.level) % 1000000;
    item.meta.score = (item.meta.score + 1) % 100;
  }
  return acc;
}
