#!/usr/bin/env bash
# A/B run of every perf flag off (A: preset perf-off) against the default
# release build (B: preset release): builds both, then runs
# `kite-bench ab` interleaved A B A B and writes the JSON report under
# reports/ab/. Extra arguments go to kite-bench ab (e.g. --rounds 20,
# --filter '^js/'). KITE_JOBS=N limits build parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."

for preset in perf-off release; do
  echo "ab: configure + build (preset $preset)"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" ${KITE_JOBS:+-j "$KITE_JOBS"}
done

mkdir -p reports/ab
out="reports/ab/perf-off-vs-release-$(date -u +%Y%m%dT%H%M%SZ).json"
echo "ab: kite-bench ab --a build/perf-off --b build/release -> $out"
build/release/harness/src/bench/kite-bench ab --a build/perf-off --b build/release \
  --out "$out" "$@"
