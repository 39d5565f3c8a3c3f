try { (function () { const a = a + 1; })(); } catch (e) { console.log(e.constructor.name, e.message); }
try { (function () { x; let x = 1; })(); } catch (e) { console.log(e.constructor.name, e.message); }
try { (function () { let y = [y]; })(); } catch (e) { console.log(e.constructor.name, e.message); }
(function () { for (let i = 0; i < 3; i++) { const c = i * 2; let d; console.log(c, d); d = c; } })();
(function () { let o = { v: 1 }; o.v = o.v + 1; o['w'] = o.v; const k = 'w'; o[k] = o[k] + 1; console.log(o); })();
(function () { let s = 0; for (const v of [1, 2, 3]) { const t = v * s; s += t + v; } console.log(s); })();
