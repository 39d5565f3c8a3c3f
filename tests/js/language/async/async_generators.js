// gc-stress
async function* g() {
  try { yield 1; yield await Promise.resolve(2); yield* [3, 4]; return 5; }
  finally { console.log('finally'); }
}
(async () => {
  for await (const x of g()) console.log('x', x);
  const it = g();
  console.log(await it.next(), await it.return(9), await it.next());
  const it2 = g();
  const ps = [it2.next(), it2.next(), it2.next(), it2.next(), it2.next(), it2.next()];
  for (const p of ps) console.log(await p);
  for await (const v of [Promise.resolve('a'), 'b']) console.log(v);
  async function* inner() { yield 'i1'; yield 'i2'; return 'ir'; }
  async function* outer() { const r = yield* inner(); console.log('r', r); }
  for await (const v of outer()) console.log(v);
  for await (const v of g()) { if (v === 2) break; console.log('b', v); }
  try { for await (const v of g()) { throw new Error('boom'); } } catch (e) { console.log(e.message); }
  const o = { async *m() { yield 'm'; } };
  for await (const v of o.m()) console.log(v);
  class C { static async *s() { yield 's'; } }
  for await (const v of C.s()) console.log(v);
  console.log(Object.prototype.toString.call(g()), typeof g.prototype);
  // throw() and return() on a generator suspended at its start.
  const s1 = g();
  await s1.throw(new Error('early')).catch((e) => console.log('rejected', e.message));
  console.log(await s1.next());
  const s2 = g();
  console.log(await s2.return(Promise.resolve('awaited')));
  await g().return(Promise.reject(new Error('rej'))).catch((e) => console.log('return rejected', e.message));
  // throw() into a yield inside try/catch.
  async function* catcher() {
    while (true) {
      try { yield 'ready'; } catch (e) { console.log('caught', e); }
    }
  }
  const c = catcher();
  console.log(await c.next(), await c.throw('t1'), await c.return('end'), await c.next());
  // A rejected yielded promise throws at the yield.
  async function* rejecter() {
    try { yield Promise.reject(new Error('yielded rejection')); } catch (e) { console.log('in gen', e.message); yield 'after'; }
  }
  for await (const v of rejecter()) console.log(v);
  // Sync iterables in for await are closed on break.
  const iterable = {
    [Symbol.iterator]() {
      let i = 0;
      return { next() { return { value: i++, done: false }; }, return() { console.log('sync closed'); return {}; } };
    },
  };
  for await (const v of iterable) { if (v > 1) break; console.log('sync', v); }
  // Custom async iterator whose return is awaited on break.
  const custom = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next() { return Promise.resolve({ value: i++, done: i > 3 }); },
        return() { console.log('async closed'); return Promise.resolve({ done: true }); },
      };
    },
  };
  for await (const v of custom) console.log('custom', v);
  for await (const v of custom) { console.log('custom break', v); break; }
  // Requests queue up while the body awaits.
  async function* slow() { for (let i = 0; i < 3; i++) { await null; yield i; } }
  const sl = slow();
  const all = await Promise.all([sl.next(), sl.next(), sl.next(), sl.next()]);
  console.log(JSON.stringify(all));
  // Not async iterable.
  try { for await (const v of 5) console.log(v); } catch (e) { console.log(e instanceof TypeError); }
  // Receiver checks reject, not throw.
  await g.prototype.next.call({}).catch((e) => console.log('bad receiver', e instanceof TypeError));
  // Parameters throw synchronously.
  async function* params(a = (() => { throw new Error('param'); })()) {}
  try { params(); } catch (e) { console.log('sync', e.message); }
  console.log('done');
})();
