#!/usr/bin/env bash
# clang-tidy (the repo's .clang-tidy) over our C++ translation units, with
# the compile commands of a built build tree. Every warning is an error.
#
# Usage: scripts/tidy.sh (--all | --changed REF) [--build DIR] [-j N]
#   --all          every translation unit of ours in DIR/compile_commands.json
#                  (engine, runtime, harness, tests); CI runs this
#   --changed REF  the translation units that differ from REF (git diff REF,
#                  so uncommitted changes count) or that include a header
#                  that does, by the build's recorded header dependencies
#                  (ninja -t deps); e.g. --changed main, --changed HEAD~5
#   --build DIR    the build tree (default build/release). It must be built:
#                  generated headers and header dependencies come from the
#                  build (cmake --preset release && cmake --build --preset release)
#   -j N           parallel clang-tidy processes (default: online CPUs)
#
# Prints each finding once (a header's finding shows up once, not once per
# file that includes it) and exits 0 when clean, 1 on findings, 2 on bad
# usage or a missing build. Findings that are right as written carry a
# NOLINT(check) with the reason beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
  exit 2
}

mode=""
ref=""
build=build/release
jobs=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --all) mode=all; shift ;;
    --changed) [ $# -ge 2 ] || usage; mode=changed; ref=$2; shift 2 ;;
    --build) [ $# -ge 2 ] || usage; build=$2; shift 2 ;;
    -j) [ $# -ge 2 ] || usage; jobs=$2; shift 2 ;;
    -h | --help) usage ;;
    *) echo "tidy: unknown argument '$1'" >&2; usage ;;
  esac
done
[ -n "$mode" ] || usage

if ! command -v clang-tidy >/dev/null; then
  echo "tidy: clang-tidy is not installed (scripts/setup.sh installs it)" >&2
  exit 2
fi
db="$build/compile_commands.json"
if [ ! -f "$db" ]; then
  echo "tidy: no $db: configure and build first (cmake --preset release && cmake --build --preset release)" >&2
  exit 2
fi
root=$(pwd)

# Every translation unit of ours in the compilation database (absolute paths;
# the build tree's generated sources are not ours).
mapfile -t units < <(grep -o '"file": *"[^"]*"' "$db" | sed 's/^"file": *"//; s/"$//' |
  grep -E "^$root/(engine|runtime|harness|tests)/" | sort -u)

if [ "$mode" = changed ]; then
  if ! git rev-parse --verify --quiet "$ref^{commit}" >/dev/null; then
    echo "tidy: '$ref' is not a commit" >&2
    exit 2
  fi
  mapfile -t changed < <(git diff --name-only "$ref" -- '*.cpp' '*.h' | sed "s|^|$root/|")
  declare -A wanted=()
  declare -A is_unit=()
  for u in "${units[@]}"; do is_unit[$u]=1; done
  declare -A changed_header=()
  for f in "${changed[@]}"; do
    if [ -n "${is_unit[$f]:-}" ]; then
      wanted[$f]=1
    elif [[ "$f" == *.h ]]; then
      changed_header[$f]=1
    fi
  done
  if [ ${#changed_header[@]} -gt 0 ]; then
    # ninja -t deps: "<object>: #deps N, ..." then one indented path per
    # line, the source first. A unit is wanted when a changed header is
    # among its dependencies.
    headers=$(mktemp)
    printf '%s\n' "${!changed_header[@]}" >"$headers"
    while IFS= read -r src; do
      if [ -n "${is_unit[$src]:-}" ]; then wanted[$src]=1; fi
    done < <(ninja -C "$build" -t deps | awk -v root="$root" -v list="$headers" '
      function abs(p) { return p ~ /^\// ? p : root "/" p }
      BEGIN { while ((getline line < list) > 0) headers[line] = 1 }
      /^[^ ]/ { src = ""; next }
      /^    / {
        p = $0; sub(/^ +/, "", p)
        if (src == "") { src = abs(p); next }
        if (abs(p) in headers) print src
      }')
    rm -f "$headers"
  fi
  units=("${!wanted[@]}")
fi

if [ ${#units[@]} -eq 0 ]; then
  echo "tidy: no translation units to check ($mode${ref:+ $ref})"
  exit 0
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "tidy: clang-tidy over ${#units[@]} translation units ($mode${ref:+ $ref}, $jobs jobs)"
start=$(date +%s)
# The compile commands are GCC's, with -Werror under KITE_WERROR (CI). The
# checks are .clang-tidy's; clang's own compiler warnings are not among them,
# so -Wno-error keeps them from turning into errors (GCC's warnings are the
# build's gate), and GCC-only flags (-Wno-restrict) are not clang's business.
printf '%s\n' "${units[@]}" | sort | xargs -P "$jobs" -I{} sh -c '
  log="$2/$(printf %s "$1" | tr / _).log"
  clang-tidy -p "$0" --quiet --warnings-as-errors="*" \
    --extra-arg=-Wno-error --extra-arg=-Wno-unknown-warning-option \
    "$1" >"$log" 2>&1 || echo "$1" >>"$2/failed"
' "$build" {} "$out"
elapsed=$(($(date +%s) - start))

if [ ! -s "$out/failed" ]; then
  echo "tidy: ${#units[@]} translation units clean (${elapsed}s)"
  exit 0
fi
# One block per diagnostic (its file:line:col line and the lines under it,
# up to the next diagnostic), each printed once.
sort "$out/failed" | while IFS= read -r f; do cat "$out/$(printf %s "$f" | tr / _).log"; done |
  sed -E '/^[0-9]+ (warnings?|errors?)( and [0-9]+ errors?)? (generated|treated as errors)\.?$/d; /^Error while processing /d' |
  awk '
    /^[^ ].*:[0-9]+:[0-9]+: (warning|error): / {
      if (block != "" && !(block in seen)) { seen[block] = 1; printf "%s", block }
      block = ""
    }
    { block = block $0 "\n" }
    END { if (block != "" && !(block in seen)) printf "%s", block }
  '
echo "tidy: findings in $(sort -u "$out/failed" | wc -l) of ${#units[@]} translation units (${elapsed}s)" >&2
exit 1
