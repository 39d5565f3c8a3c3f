#!/usr/bin/env bash
# The test command (README): set-up, configure, build, then ctest over every
# label but `slow`. In CI (CI=true) warnings are errors.
# Usage: scripts/test.sh [--preset release|debug|asan] [extra ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."

preset=release
if [ "${1:-}" = "--preset" ]; then preset=$2; shift 2; fi

scripts/setup.sh

werror=OFF
if [ "${CI:-}" = "true" ]; then werror=ON; fi

echo "test: configure (preset $preset, KITE_WERROR=$werror)"
cmake --preset "$preset" -DKITE_WERROR="$werror" >/dev/null
echo "test: build"
cmake --build --preset "$preset"
echo "test: ctest -LE slow"
ctest --test-dir "build/$preset" --output-on-failure -LE slow "$@"
