#!/bin/sh
# Run the JS microbench suite through any engine command and print a table.
#
#   harness/js/run-peer.sh ENGINE_CMD [name...]
#
#   harness/js/run-peer.sh qjs
#   harness/js/run-peer.sh 'node --jitless' recursion jsonOps
#   harness/js/run-peer.sh 'taskset -c 1 node'
#   harness/js/run-peer.sh 'deno run' ; harness/js/run-peer.sh 'bun run'
#   harness/js/run-peer.sh 'build/release/runtime/kite run'
#
# ENGINE_CMD is split on spaces and given one file: the program with a line of
# settings in front and driver.js after it. Environment:
#   BENCH_REPS=5     timed repetitions per program (best one counts)
#   BENCH_MIN_MS=100 minimum length of one repetition in ms
#   BENCH_CSV=file   also append "engine,name,ops_per_sec,result,status" rows
# Output: one row per program (name, iterations, ops/s, result, ok/FAIL) and
# the geometric mean of ops/s over the programs that ran correctly.
# Exit status: 0 if every program ran and returned its expected result.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
  echo "usage: $0 ENGINE_CMD [name...]" >&2
  exit 2
fi
engine=$1
shift
reps=${BENCH_REPS:-5}
min_ms=${BENCH_MIN_MS:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

grep -v '^#' "$here/suite.txt" | grep -v '^[[:space:]]*$' > "$tmp/suite"
if [ $# -gt 0 ]; then
  : > "$tmp/selected"
  for want in "$@"; do
    if ! grep -q "^$want " "$tmp/suite"; then
      echo "run-peer: unknown benchmark '$want' (see $here/suite.txt)" >&2
      exit 2
    fi
    grep "^$want " "$tmp/suite" >> "$tmp/selected"
  done
  mv "$tmp/selected" "$tmp/suite"
fi

echo "engine: $engine   (best of $reps, >= ${min_ms} ms per repetition)"
printf '%-18s %10s %14s %10s  %s\n' benchmark iterations ops/s result status
status=0
: > "$tmp/rates"
while read -r name iters expected; do
  prog="$tmp/$name.js"
  {
    echo "var BENCH_NAME = '$name', BENCH_N = $iters, BENCH_EXPECTED = '$expected', BENCH_REPS = $reps, BENCH_MIN_MS = $min_ms;"
    cat "$here/$name.js"
    echo
    cat "$here/driver.js"
  } > "$prog"
  # shellcheck disable=SC2086 # ENGINE_CMD is deliberately word-split
  line=$($engine "$prog" 2> "$tmp/stderr" | grep "^$name " | tail -n 1)
  ops=$(printf '%s\n' "$line" | sed -n 's/.* ops_per_sec=\([^ ]*\).*/\1/p')
  result=$(printf '%s\n' "$line" | sed -n 's/.* result=\(.*\)$/\1/p')
  if [ -n "$ops" ] && [ "$result" = "$expected" ]; then
    verdict=ok
    echo "$ops" >> "$tmp/rates"
  else
    verdict=FAIL
    status=1
    [ -n "$result" ] || result=-
    [ -n "$ops" ] || ops=-
    sed -n '1,3p' "$tmp/stderr" | sed 's/^/    /' >&2
  fi
  printf '%-18s %10s %14s %10s  %s\n' "$name" "$iters" "$ops" "$result" "$verdict"
  if [ -n "${BENCH_CSV:-}" ]; then
    echo "$engine,$name,$ops,$result,$verdict" >> "$BENCH_CSV"
  fi
done < "$tmp/suite"
awk '$1 > 0 { s += log($1); k++ } END { if (k) printf "%-18s %10s %14.0f   (%d programs)\n", "geomean", "", exp(s / k), k }' "$tmp/rates"
exit $status
