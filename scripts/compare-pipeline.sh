#!/usr/bin/env bash
# Cold start + HTTP comparisons (Kite and every installed peer), their gates
# against baselines/<machine-class>/{coldstart,http}.json (Kite's entries
# only; HTTP 25% per entry / 15% geomean, cold start 50% / 25%:
# docs/harness.md, "Gating HTTP and cold start"), then the dated report with every result and gate output
# found in OUT. Called by scripts/bench.sh (quick) and scripts/nightly.sh
# (full); expects a release build.
#   scripts/compare-pipeline.sh --profile quick|full --out reports/<date>
# Exit 0, or 1 when KITE_BENCH_STRICT=1 and the HTTP or cold-start gate
# failed. A missing peer is a note, never a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
profile=quick
out="reports/$(date -u +%Y-%m-%d)"
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "compare-pipeline: unknown option $1" >&2; exit 2 ;;
  esac
done
bench=build/release/harness/src/bench/kite-bench
mkdir -p "$out"
export PATH="$PWD/build/peers/node_modules/.bin:$PATH"

echo "bench: cold start, profile $profile (kite-bench cold)"
"$bench" cold --profile "$profile" --out "$out/coldstart.json" | tee "$out/coldstart.txt"
echo "bench: HTTP, profile $profile (kite-bench http)"
"$bench" http --profile "$profile" --out "$out/http.json" | tee "$out/http.txt"

status=0
gate() {  # gate NAME RESULT FILTER MAX_REGRESSION MAX_GEOMEAN_REGRESSION
  local name=$1 result=$2 filter=$3 limit=$4 geomean=$5 class
  [ -f "$result" ] || { echo "gate: FAIL: no $result" > "$out/gate-$name.txt"; status=1; return; }
  class=$(sed -n 's/^ *"machine_class": "\(.*\)",$/\1/p' "$result" | head -1)
  echo "bench: $name gate (baselines/$class/$name.json, median, $limit% / $geomean% geomean)"
  "$bench" check --input "$result" --baseline "baselines/$class/$name.json" --statistic median \
    --max-regression "$limit" --max-geomean-regression "$geomean" --filter "$filter" \
    > "$out/gate-$name.txt" 2>&1
  local s=$?
  cat "$out/gate-$name.txt"
  if [ "$s" -ne 0 ]; then
    status=1
    grep -q '^gate:' "$out/gate-$name.txt" ||
      echo "gate: FAIL: unusable (exit $s, see above)" >> "$out/gate-$name.txt"
  fi
}
gate coldstart "$out/coldstart.json" '^(coldstart/kite$|memory/kite/)' 50 25
gate http "$out/http.json" '^(http|memory)/kite/' 25 15

results=()
for f in micro-instructions micro-time coldstart http; do
  [ -f "$out/$f.json" ] && results+=("$out/$f.json")
done
if [ ${#results[@]} -eq 0 ]; then
  echo "bench: no results in $out; no report" >&2
  [ "${KITE_BENCH_STRICT:-0}" = "1" ] && exit 1
  exit 0
fi
baselines=()
class=$(sed -n 's/^ *"machine_class": "\(.*\)",$/\1/p' "${results[0]}" | head -1)
arch=$(sed -n 's/^ *"arch": "\(.*\)",$/\1/p' "${results[0]}" | head -1)
[ -f "baselines/$arch/micro-instructions.json" ] && baselines+=("baselines/$arch/micro-instructions.json")
for f in micro coldstart http; do
  [ -f "baselines/$class/$f.json" ] && baselines+=("baselines/$class/$f.json")
done
gates=()
for f in "$out"/gate-*.txt; do [ -f "$f" ] && gates+=("$f"); done
args=("${results[@]}" -o "$out")
[ ${#baselines[@]} -gt 0 ] && args+=(--baseline "${baselines[@]}")
[ ${#gates[@]} -gt 0 ] && args+=(--gate "${gates[@]}")
"$bench" report "${args[@]}"
echo "bench: report $out/report.html ($out/report.md)"
for f in "${gates[@]}"; do echo "bench: $(basename "$f" .txt): $(grep '^gate:' "$f" | tail -1)"; done
if [ "$status" -ne 0 ] && [ "${KITE_BENCH_STRICT:-0}" = "1" ]; then exit 1; fi
exit 0
