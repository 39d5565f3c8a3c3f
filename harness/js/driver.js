// Microbench driver. Concatenate it after one program of the suite:
//
//   cat intArithmetic.js driver.js > /tmp/b.js && node /tmp/b.js
//
// Optional settings, as globals defined before this file (run-peer.sh
// prepends a line of `var` declarations):
//   BENCH_NAME      name printed in the result line        (default 'bench')
//   BENCH_N         iteration count passed to bench(n)      (default 20)
//   BENCH_EXPECTED  expected return value; a mismatch throws (default: no check)
//   BENCH_REPS      timed repetitions, the best one counts  (default 5)
//   BENCH_MIN_MS    minimum length of one repetition, ms    (default 100)
// One repetition calls bench(n) back to back until BENCH_MIN_MS has passed,
// so fast engines and coarse clocks still give stable numbers. Before the
// timed repetitions one warm-up repetition runs. The line printed is
//   <name> ops_per_sec=<n * calls / seconds of the best repetition> result=<r>
// Standard JavaScript only: runs on kite, node (also --jitless), deno, bun
// and qjs.
(function () {
  var g = typeof globalThis !== 'undefined' ? globalThis : this;
  function setting(name, fallback) {
    // Script-level `var`s and globalThis properties are both visible here;
    // under Node (a CommonJS module) only the former are.
    switch (name) {
      case 'BENCH_NAME': if (typeof BENCH_NAME !== 'undefined') return BENCH_NAME; break;
      case 'BENCH_N': if (typeof BENCH_N !== 'undefined') return BENCH_N; break;
      case 'BENCH_EXPECTED': if (typeof BENCH_EXPECTED !== 'undefined') return BENCH_EXPECTED; break;
      case 'BENCH_REPS': if (typeof BENCH_REPS !== 'undefined') return BENCH_REPS; break;
      case 'BENCH_MIN_MS': if (typeof BENCH_MIN_MS !== 'undefined') return BENCH_MIN_MS; break;
    }
    if (g && g[name] !== undefined) return g[name];
    return fallback;
  }
  var name = setting('BENCH_NAME', 'bench');
  var n = setting('BENCH_N', 20);
  var expected = setting('BENCH_EXPECTED', undefined);
  var reps = setting('BENCH_REPS', 5);
  var minMs = setting('BENCH_MIN_MS', 100);

  var now;
  if (typeof performance !== 'undefined' && performance && typeof performance.now === 'function') {
    now = function () { return performance.now(); };
  } else {
    now = function () { return Date.now(); };
  }

  var result;
  function repetition() {
    var calls = 0;
    var start = now();
    var elapsed = 0;
    do {
      result = bench(n);
      calls++;
      elapsed = now() - start;
    } while (elapsed < minMs);
    return (n * calls) / (elapsed / 1000);
  }

  function check() {
    if (expected !== undefined && String(result) !== String(expected)) {
      console.log(name + ' FAILED expected=' + expected + ' result=' + result);
      throw new Error(name + ': wrong result ' + result + ', expected ' + expected);
    }
  }

  function report(best) {
    var shown = best >= 100 ? String(Math.round(best)) : best.toFixed(2);
    console.log(name + ' ops_per_sec=' + shown + ' result=' + result);
  }

  // An async bench(n) returns a promise: each call is awaited (the timing
  // includes the jobs it queues), and the engine's job loop runs the rest.
  function repetitionAsync(done) {
    var calls = 0;
    var start = now();
    function step() {
      bench(n).then(function (v) {
        result = v;
        calls++;
        var elapsed = now() - start;
        if (elapsed < minMs) {
          step();
        } else {
          done((n * calls) / (elapsed / 1000));
        }
      });
    }
    step();
  }

  var probe = bench(n);
  if (probe && typeof probe.then === 'function') {
    probe.then(function () {
      repetitionAsync(function () {
        // warm-up done
        check();
        var best = 0;
        var r = 0;
        function next(rate) {
          if (rate > best) best = rate;
          if (++r < reps) {
            repetitionAsync(next);
          } else {
            report(best);
          }
        }
        repetitionAsync(next);
      });
    });
    return;
  }

  repetition(); // warm-up
  check();
  var best = 0;
  for (var r = 0; r < reps; r++) {
    var rate = repetition();
    if (rate > best) best = rate;
  }
  report(best);
})();
