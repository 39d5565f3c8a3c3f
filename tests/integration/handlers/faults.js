// Handler for the fault-path integration tests (tests/integration/server_test.cpp).
let kept = [];
function handler(req) {
  switch (req.path) {
    case '/ok':
      return Response.text('ok');
    case '/throw':
      throw new TypeError('handler failed on purpose');
    case '/loop':
      for (;;) {}
    case '/catch-loop':
      // The interrupt is uncatchable: this still stops.
      while (true) {
        try {
          for (;;) {}
        } catch (e) {}
      }
    case '/regex-catastrophic':
      // Exponential backtracking: the matcher polls the interrupt.
      return Response.json({ m: /^(a+)+$/.test('a'.repeat(40) + 'b') });
    case '/regex-route': {
      const m = /^\/users\/(?<id>\d+)$/.exec(req.query.p || '');
      return Response.json(m ? { id: Number(m.groups.id) } : { id: null });
    }
    case '/not-response':
      return { status: 200, body: 'plain object' };
    case '/oom': {
      const a = [];
      for (;;) a.push('x'.repeat(4096) + a.length);
    }
    case '/slow': {
      const end = Date.now() + 400;
      let n = 0;
      while (Date.now() < end) n++;
      return Response.json({ slow: true, spins: n > 0 });
    }
    case '/headers':
      return Response.text('h', { status: 201, headers: { 'x-kite': 'yes', 'Content-Type': 'text/x-test' } });
    case '/bad-header':
      return Response.text('h', { headers: { 'x-bad': 'a\r\nInjected: 1' } });
    case '/promise':
      // A promise of a Response, settled by the jobs the handler queued.
      return Promise.resolve(req.path).then((p) => Response.json({ via: p }));
    case '/promise-rejects':
      return Promise.reject(new Error('rejected on purpose'));
    case '/promise-pending':
      return new Promise(() => {});
    case '/microtask-loop': {
      // A job queue that never empties: stopped by the time limit.
      const again = () => queueMicrotask(again);
      again();
      return Response.text('never sent');
    }
    case '/microtask-throws':
      queueMicrotask(() => {
        throw new Error('a job failed on purpose');
      });
      Promise.reject(new Error('nobody handles this'));
      return Response.text('sent anyway');
    case '/html':
      return Response.html('<p>hi</p>');
    case '/unicode':
      return Response.text('héllo ✓');
    case '/keep':
      kept.push(req.path);
      return Response.json({ kept: kept.length });
    default:
      return Response.json({ error: 'Not Found' }, { status: 404 });
  }
}
