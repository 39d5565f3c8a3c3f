// regexRoute: a router of 20 route patterns with capture groups (numeric
// ids, slugs, named groups, optional trailing parts), matched in order
// against realistic request paths; the first match wins and its groups are
// read back.
const ROUTES = [
  /^\/$/,
  /^\/health$/,
  /^\/api\/v1\/users$/,
  /^\/api\/v1\/users\/(\d+)$/,
  /^\/api\/v1\/users\/(\d+)\/posts$/,
  /^\/api\/v1\/users\/(\d+)\/posts\/(\d+)$/,
  /^\/api\/v1\/items\/([a-z0-9-]+)$/,
  /^\/api\/v1\/items\/([a-z0-9-]+)\/comments\/(\d+)$/,
  /^\/api\/v1\/search\/?$/,
  /^\/api\/v2\/orders\/(?<order>[A-Z]{2}-\d{6})$/,
  /^\/api\/v2\/orders\/(?<order>[A-Z]{2}-\d{6})\/lines\/(?<line>\d+)$/,
  /^\/static\/(.+)\.(css|js|png|svg)$/,
  /^\/blog\/(\d{4})\/(\d{2})\/([\w-]+)\/?$/,
  /^\/files\/(.*)$/,
  /^\/auth\/(login|logout|refresh)$/,
  /^\/admin(?:\/(\w+))?$/,
  /^\/v(\d+)\/status$/i,
  /^\/tenants\/([0-9a-f]{8})\/settings$/,
  /^\/webhooks\/(github|stripe|slack)\/([\w.-]+)$/,
  /^\/(\w+)\/(\w+)$/,
];
const PATHS = [
  '/', '/health', '/api/v1/users', '/api/v1/users/42', '/api/v1/users/1234/posts',
  '/api/v1/users/7/posts/99', '/api/v1/items/blue-widget-3', '/api/v1/items/x9/comments/12',
  '/api/v1/search/', '/api/v2/orders/AB-123456', '/api/v2/orders/ZZ-000001/lines/3',
  '/static/css/site.min.css', '/blog/2026/12/regex-routes-in-kite/', '/files/a/b/c.txt',
  '/auth/refresh', '/admin', '/admin/users', '/V2/STATUS', '/tenants/deadbeef/settings',
  '/webhooks/github/push.event', '/about/team', '/no/such/route/here', '/api/v1/users/abc',
];
function route(path) {
  for (let r = 0; r < ROUTES.length; r++) {
    const m = ROUTES[r].exec(path);
    if (m !== null) {
      let acc = r * 31 + m.length;
      for (let g = 1; g < m.length; g++) {
        if (m[g] !== undefined) acc += m[g].length;
      }
      if (m.groups !== undefined) acc += m.groups.order.length;
      return acc;
    }
  }
  return 7;
}
function bench(n) {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc = (acc + route(PATHS[i % PATHS.length])) % 1000000;
  }
  return acc;
}
