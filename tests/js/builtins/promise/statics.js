// gc-stress
// Promise.all/allSettled/any/race with iterables, empty inputs, rejection,
// subclasses and species; the constructor's checks.
const out = [];
const done = [];
done.push(Promise.all([]).then((v) => out.push('all [] ' + JSON.stringify(v))));
done.push(Promise.all(new Set([1, 2])).then((v) => out.push('all set ' + v.join())));
done.push(Promise.all([1, Promise.reject(new Error('no')), 3]).catch((e) => out.push('all rejects ' + e.message)));
done.push(Promise.allSettled([]).then((v) => out.push('allSettled [] ' + v.length)));
done.push(Promise.any([]).catch((e) => out.push('any [] ' + e.name + ' ' + e.errors.length)));
done.push(Promise.any([Promise.reject(1), 2]).then((v) => out.push('any ' + v)));
done.push(Promise.race([]).constructor === Promise ? 'pending race' : 'x');
done.push(Promise.race([Promise.reject(new Error('first')), 1]).catch((e) => out.push('race ' + e.message)));
done.push(Promise.all('ab').then((v) => out.push('all string ' + v.join('|'))));
done.push(Promise.all(5).catch((e) => out.push(e.constructor.name)));

class MyPromise extends Promise {}
const mp = MyPromise.resolve(1);
out.push('subclass ' + (mp instanceof MyPromise) + ' ' + (mp.then(() => {}) instanceof MyPromise));
out.push('resolve same ' + (Promise.resolve(mp) === mp) + ' ' + (MyPromise.resolve(mp) === mp));
for (const bad of [() => Promise(() => {}), () => new Promise(), () => new Promise(1)]) {
  try { bad(); } catch (e) { out.push(e.constructor.name + ': ' + e.message); }
}
try { Promise.prototype.then.call({}, () => {}); } catch (e) { out.push(e.constructor.name); }
out.push(Object.prototype.toString.call(Promise.resolve()));
out.push(String(Promise[Symbol.species] === Promise));
const agg = new AggregateError([1, 2], 'msg', { cause: 'c' });
out.push(agg.name + ' ' + agg.message + ' ' + agg.errors.join() + ' ' + agg.cause + ' ' + (agg instanceof Error));
setTimeout(() => console.log(out.join('\n')), 5);
