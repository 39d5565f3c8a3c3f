const cfg = { server: { port: 0 } };
console.log(cfg.server?.port ?? 8080);
console.log(cfg.client?.port ?? 8080);
console.log(cfg?.server?.host ?? 'localhost');
