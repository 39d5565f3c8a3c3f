const config = {};
console.log('start');
console.log(config.server.port);
