#!/usr/bin/env bash
# clang-format over every C++ file of ours. --check: report, change nothing,
# exit 1 when a file is not formatted.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=fix
if [ "${1:-}" = "--check" ]; then mode=check; fi
mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.hpp' '*.cc' | grep -v '^tests/js/')
if [ ${#files[@]} -eq 0 ]; then echo "format: no files"; exit 0; fi
if [ "$mode" = check ]; then
  clang-format --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} files clean"
else
  clang-format -i "${files[@]}"
  echo "format: formatted ${#files[@]} files"
fi
