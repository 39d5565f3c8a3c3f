#!/bin/sh
# Side-by-side table of several engines over the JS microbench suite, with
# each engine's ratio to the first one and the geometric mean of the ratios.
#
#   harness/js/compare.sh ENGINE_CMD ENGINE_CMD... [-- name...]
#   harness/js/compare.sh qjs 'node --jitless' node
#   harness/js/compare.sh 'build/release/runtime/kite run' qjs 'node --jitless' -- recursion jsonOps
#
# Runs run-peer.sh once per engine (same environment: BENCH_REPS,
# BENCH_MIN_MS; pin with e.g. CPU=1 to prefix every engine with
# `taskset -c 1`). Ratios are engine ops/s divided by the first engine's.
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
: > "$tmp/engines"
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  echo "$1" >> "$tmp/engines"
  shift
done
[ "${1:-}" = "--" ] && shift
if [ ! -s "$tmp/engines" ]; then
  echo "usage: $0 ENGINE_CMD... [-- name...]" >&2
  exit 2
fi
status=0
csv="$tmp/results.csv"
: > "$csv"
while IFS= read -r engine; do
  cmd=$engine
  [ -n "${CPU:-}" ] && cmd="taskset -c $CPU $engine"
  BENCH_CSV="$tmp/one.csv" "$here/run-peer.sh" "$cmd" "$@" >&2 || status=1
  # Label rows with the engine as given (without the taskset prefix).
  sed "s|^$cmd,|$engine,|" "$tmp/one.csv" >> "$csv"
  rm -f "$tmp/one.csv"
done < "$tmp/engines"

awk -F, -v engines="$tmp/engines" '
  BEGIN { while ((getline e < engines) > 0) order[++ne] = e }
  { ops[$1, $2] = $3; ok[$1, $2] = ($5 == "ok"); if (!($2 in seen)) { seen[$2] = 1; names[++nn] = $2 } }
  END {
    for (i = 1; i <= ne; i++) printf "engine %d: %s\n", i, order[i]
    printf "ratioK/1 = ops/s of engine K / ops/s of engine 1\n\n"
    printf "%-18s", "benchmark"
    for (i = 1; i <= ne; i++) printf " %16s", substr(order[i], 1, 16)
    for (i = 2; i <= ne; i++) printf " %12s", "ratio" i "/1"
    printf "\n"
    for (j = 1; j <= nn; j++) {
      b = names[j]; base = ops[order[1], b]
      printf "%-18s", b
      for (i = 1; i <= ne; i++) printf " %16s", ok[order[i], b] ? ops[order[i], b] : "FAIL"
      for (i = 2; i <= ne; i++) {
        v = ops[order[i], b]
        if (ok[order[i], b] && ok[order[1], b] && base > 0) {
          r = v / base; printf " %12.2f", r; ls[i] += log(r); lc[i]++
        } else printf " %12s", "-"
      }
      printf "\n"
    }
    printf "%-18s", "geomean ratio"
    for (i = 1; i <= ne; i++) printf " %16s", ""
    for (i = 2; i <= ne; i++) printf " %12.2f", lc[i] ? exp(ls[i] / lc[i]) : 0
    printf "\n"
  }' "$csv"
exit $status
