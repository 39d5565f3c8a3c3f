const service = { name: 'svc' };
service.run();
