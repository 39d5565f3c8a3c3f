// setTimeout / setInterval / clearTimeout / clearInterval and
// queueMicrotask: order by delay then by scheduling, arguments, cancelling,
// microtasks between timers. Delays far apart, so a loaded machine keeps the
// order.
const log = [];
const a = setTimeout(() => log.push('cancelled'), 1);
clearTimeout(a);
setTimeout(() => log.push('t200'), 200);
setTimeout((x, y) => log.push('t0 ' + x + y), 0, 'a', 'b');
setTimeout(() => {
  log.push('t1');
  Promise.resolve().then(() => log.push('micro after t1'));
  queueMicrotask(() => log.push('queued after t1'));
}, 1);
setTimeout(() => log.push('t1 second'), 1);
let ticks = 0;
const iv = setInterval(() => {
  ticks++;
  if (ticks === 3) {
    clearInterval(iv);
    log.push('interval x3');
  }
}, 2);
clearTimeout(undefined);
clearTimeout(12345);
try { setTimeout('code'); } catch (e) { log.push(e.constructor.name); }
try { queueMicrotask(null); } catch (e) { log.push(e.constructor.name); }
setTimeout(() => console.log(log.join('\n')), 400);
