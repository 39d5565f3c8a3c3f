#!/usr/bin/env bash
# Runs tc39/test262 directories through `kite run` and prints the pass rate
# per directory. See README.md here for how to get a checkout and the skip
# policy. Usage:
#
#   tests/test262/run.sh [-j JOBS] [-t SECONDS] [-o OUTDIR] [-s] [-m PCT] [-r] KITE TEST262 [DIR...]
#
#   KITE     the kite binary (e.g. build/release/runtime/kite)
#   TEST262  a tc39/test262 checkout (e.g. /tmp/test262)
#   DIR      directories under TEST262/test (default: DEFAULT_DIRS below)
#   -j       parallel jobs (default 2; the machine is shared)
#   -t       per-test timeout in seconds (default 10)
#   -o       where results.tsv, failures.txt and summary.txt go
#            (default build/test262 in the repository)
#   -s       one table row per direct subdirectory of each DIR
#   -m PCT   exit 1 when the total pass % is below PCT (the CTest gate)
#   -r       run nothing: print the table again from OUTDIR/results.tsv
#
# Exit status: 0 when the run completed (and met -m), 1 below -m, 2 on a
# usage error. Each test's outcome is one of
#   pass    kite exited 0 and printed no "Test262Error" (negative tests:
#           exited non-zero and stderr names the expected error type)
#   fail    anything else; failures.txt has the path and kite's first line
#   unsup   kite failed with an out-of-scope error (UNSUPPORTED_PATTERN
#           below) the frontmatter does not declare
#   skip    excluded before running by the policy below
# pass % = pass / (pass + fail).
set -euo pipefail

# --- skip policy (the only place it lives) -----------------------------------

# Frontmatter `features:` the engine does not implement yet (issue 14:
# eval) or that are newer than
# ES2023 (the issue's scope). A test naming any of these is skipped.
SKIP_FEATURES="
  Array.fromAsync
  regexp-v-flag regexp-modifiers regexp-duplicate-named-groups RegExp.escape
  decorators auto-accessor
  resizable-arraybuffer Float16Array uint8array-base64
  immutable-arraybuffer
  promise-with-resolvers promise-try await-dictionary
  import-attributes import-defer json-modules source-phase-imports
  source-phase-imports-module-source import-text
  explicit-resource-management ShadowRealm Temporal Intl cross-realm tail-call-optimization
  caller iterator-helpers iterator-sequencing Iterator.concat
  joint-iteration iterator-chunking iterator-includes Iterator.prototype.join
  set-methods upsert array-grouping Math.sumPrecise Error.isError
  error-stack-accessor json-parse-with-source Atomics.waitAsync Atomics.pause legacy-regexp
  IsHTMLDDA host-gc-required
"

# Frontmatter `flags:`. Kite runs every script in strict mode, so noStrict
# tests (sloppy-only semantics) are skipped; onlyStrict and unflagged tests
# run once, as they are (no "use strict" is added). module tests run in
# place (their fixtures are beside them) with `kite run --module`, the
# harness prelude given as a --preload script. async tests get
# harness/doneprintHandle.js and pass when they print
# Test262:AsyncTestComplete (kite run drains the job queue and timers before
# it exits). raw tests run without the harness prelude. Kite's one agent
# cannot block ([[CanBlock]] false: Atomics.wait throws a TypeError), so
# CanBlockIsTrue tests are skipped and CanBlockIsFalse tests run.
SKIP_FLAGS="noStrict CanBlockIsTrue"

# Paths (relative to test/) skipped wholesale: none since RegExp landed.
SKIP_PATHS=""

# Tests that call the host's $262 object for what Kite has no hook for
# (createRealm, evalScript, agent, gc, IsHTMLDDA, AbstractModuleSource) are
# skipped. $262.detachArrayBuffer is in host.js.
SKIP_HOST_PATTERN='\$262\.(agent|createRealm|evalScript|IsHTMLDDA|gc|AbstractModuleSource)'


# A test that fails with one of these messages is counted as `unsup`, not
# `fail`: Kite rejected a feature the engine issue leaves out (its own "...
# is not supported yet" errors for regex literals, generators, async,
# private members, static blocks, BigInt and Date objects; eval and the
# Function constructor, which compile code from strings) although the
# frontmatter did not declare it.
UNSUPPORTED_PATTERN='not supported yet|eval is not defined|Code generation from strings disallowed'
# ... and so do the built-ins the issue leaves out, used without a tag.
UNSUPPORTED_PATTERN+='|(RegExp|Proxy|Reflect|WeakMap|WeakSet|WeakRef|BigInt|DataView|ArrayBuffer|SharedArrayBuffer|[A-Za-z0-9]+Array) is not defined'

# The issue's features (see README.md for why each is there).
DEFAULT_DIRS="
  language/arguments-object language/asi language/block-scope language/comments
  language/computed-property-names language/destructuring language/directive-prologue
  language/expressions language/function-code language/future-reserved-words
  language/global-code language/identifier-resolution language/identifiers
  language/keywords language/line-terminators language/literals language/punctuators
  language/reserved-words language/rest-parameters language/source-text
  language/statementList language/statements language/types language/white-space
  built-ins/Object built-ins/Array built-ins/ArrayIteratorPrototype built-ins/String
  built-ins/StringIteratorPrototype built-ins/Number built-ins/Boolean built-ins/Math
  built-ins/JSON built-ins/Map built-ins/MapIteratorPrototype built-ins/Set
  built-ins/SetIteratorPrototype built-ins/Symbol built-ins/Error built-ins/NativeErrors
  built-ins/Function built-ins/ThrowTypeError built-ins/global built-ins/Infinity
  built-ins/NaN built-ins/undefined built-ins/parseInt built-ins/parseFloat
  built-ins/isNaN built-ins/isFinite built-ins/encodeURIComponent
  built-ins/decodeURIComponent
"

# --- one test ------------------------------------------------------------------

# frontmatter FILE: prints "flags ...", "includes ...", "features ...",
# "phase X" and "type Y" lines from the /*--- ... ---*/ YAML block. Handles
# both `key: [a, b]` and block lists (`key:` then `  - a` lines).
frontmatter() {
  awk '
    { sub(/\r$/, "") }
    /\/\*---/ { inside = 1; next }
    /---\*\// { if (inside) exit }
    !inside { next }
    {
      line = $0
      if (match(line, /^[A-Za-z_]+:/)) {
        key = substr(line, 1, RLENGTH - 1); rest = substr(line, RLENGTH + 1)
        list = (key == "flags" || key == "includes" || key == "features")
        if (list) {
          gsub(/[\[\],]/, " ", rest); gsub(/#.*/, "", rest)
          printf "%s %s\n", key, rest
        }
        in_negative = (key == "negative")
        next
      }
      if (list && match(line, /^[ \t]+-[ \t]+/)) {
        item = substr(line, RLENGTH + 1); gsub(/[ \t#].*/, "", item)
        printf "%s %s\n", key, item
        next
      }
      if (in_negative && match(line, /^[ \t]+(phase|type):/)) {
        sub(/^[ \t]+/, "", line); sub(/:/, " ", line)
        print line
      }
    }
  ' "$1"
}

# has WORD LIST: is WORD one of the space-separated LIST?
has() {
  case " $(echo $2) " in *" $1 "*) return 0 ;; esac
  return 1
}

# run_one TEST (path relative to test/): prints "status<TAB>path<TAB>detail".
run_one() {
  local rel=$1 file="$T262_ROOT/test/$1"
  local flags="" includes="" features="" phase="" type="" key value
  local p
  for p in $SKIP_PATHS; do
    case "$rel" in "$p"*) printf 'skip\t%s\tpath %s\n' "$rel" "$p"; return ;; esac
  done
  while read -r key value; do
    case "$key" in
      flags) flags="$flags $value" ;;
      includes) includes="$includes $value" ;;
      features) features="$features $value" ;;
      phase) phase=$value ;;
      type) type=$value ;;
    esac
  done < <(frontmatter "$file")
  local f
  for f in $flags; do
    if has "$f" "$SKIP_FLAGS"; then printf 'skip\t%s\tflag %s\n' "$rel" "$f"; return; fi
  done
  for f in $features; do
    if has "$f" "$SKIP_FEATURES"; then printf 'skip\t%s\tfeature %s\n' "$rel" "$f"; return; fi
  done
  if grep -Eq "$SKIP_HOST_PATTERN" "$file"; then
    printf 'skip\t%s\thost $262\n' "$rel"
    return
  fi

  local src="$T262_WORK/test-$BASHPID.js" mode=(--script)
  local inc parts=("$T262_HOST" "$T262_ROOT/harness/assert.js" "$T262_ROOT/harness/sta.js")
  if has async "$flags"; then parts+=("$T262_ROOT/harness/doneprintHandle.js"); fi
  for inc in $includes; do parts+=("$T262_ROOT/harness/$inc"); done
  if has module "$flags" || has dynamic-import "$features"; then
    # The prelude is a script of its own; the test runs where it is (the
    # fixtures it imports are beside it).
    local pre="$T262_WORK/prelude-$BASHPID.js"
    cat "${parts[@]}" > "$pre"
    mode=(--preload "$pre" --script)
    if has module "$flags"; then mode=(--preload "$pre" --module); fi
    if has raw "$flags"; then
      mode=(--script)
      if has module "$flags"; then mode=(--module); fi
    fi
    src=$file
  elif has raw "$flags"; then
    cp "$file" "$src"
  else
    cat "${parts[@]}" "$file" > "$src"
  fi
  local out="$T262_WORK/out-$BASHPID" err="$T262_WORK/err-$BASHPID" rc=0
  # test262 leaves unhandled rejections to the host: they do not fail a test.
  timeout "$T262_TIMEOUT" "$T262_KITE" run --unhandled-rejections=none "${mode[@]}" "$src" > "$out" 2> "$err" < /dev/null || rc=$?
  # The first 200 characters of stderr (stdout when stderr is empty), on one
  # line: enough for "TypeError: ..." or a Test262Error's message.
  local first
  first=$(head -c 4096 "$err" | tr -s '\n\t ' '  ')
  [ -n "${first// /}" ] || first=$(head -c 4096 "$out" | tr -s '\n\t ' '  ')
  first=${first//"$src:"/}
  first=${first:0:200}

  if [ "$rc" -eq 124 ]; then
    printf 'fail\t%s\ttimeout after %ss\n' "$rel" "$T262_TIMEOUT"
  elif grep -Eq "$UNSUPPORTED_PATTERN" "$err"; then
    printf 'unsup\t%s\t%s\n' "$rel" "$first"
  elif [ -n "$type" ]; then
    if [ "$rc" -ne 0 ] && grep -q "$type" "$err" &&
      ! grep -q 'This statement should not be evaluated' "$err"; then
      printf 'pass\t%s\t\n' "$rel"
    else
      printf 'fail\t%s\texpected %s %s, got exit %s: %s\n' "$rel" "$phase" "$type" "$rc" "$first"
    fi
  elif has async "$flags"; then
    if [ "$rc" -eq 0 ] && grep -q '^Test262:AsyncTestComplete$' "$out"; then
      printf 'pass\t%s\t\n' "$rel"
    else
      printf 'fail\t%s\tasync: exit %s: %s\n' "$rel" "$rc" "$first"
    fi
  elif [ "$rc" -eq 0 ] && ! grep -q 'Test262Error' "$out" "$err"; then
    printf 'pass\t%s\t\n' "$rel"
  else
    printf 'fail\t%s\texit %s: %s\n' "$rel" "$rc" "$first"
  fi
}

if [ "${1:-}" = "--worker" ]; then
  # Every test must print its line: a failing command here is not fatal.
  set +e
  shift
  for t in "$@"; do run_one "$t"; done
  exit 0
fi

# --- driver --------------------------------------------------------------------

usage() {
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

jobs=2
timeout_s=10
outdir=""
by_subdir=0
min_pass=""
report_only=0
while getopts "j:t:o:m:srh" opt; do
  case "$opt" in
    j) jobs=$OPTARG ;;
    t) timeout_s=$OPTARG ;;
    o) outdir=$OPTARG ;;
    s) by_subdir=1 ;;
    r) report_only=1 ;;
    m) min_pass=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 2 ] || usage
kite=$(realpath "$1")
root=$(realpath "$2")
shift 2
[ -x "$kite" ] || { echo "run.sh: $kite is not an executable" >&2; exit 2; }
[ -f "$root/harness/assert.js" ] || { echo "run.sh: $root is not a test262 checkout" >&2; exit 2; }
if [ -z "$outdir" ]; then outdir="$(cd "$(dirname "$0")/../.." && pwd)/build/test262"; fi
mkdir -p "$outdir"
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then read -r -a dirs <<< "$(echo $DEFAULT_DIRS)"; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kite-test262.XXXXXX")
trap 'rm -rf "$work"' EXIT
export T262_HOST="$(cd "$(dirname "$0")" && pwd)/host.js" T262_KITE=$kite T262_ROOT=$root T262_WORK=$work T262_TIMEOUT=$timeout_s

# Every test file, one per line, relative to test/ (fixtures are not tests).
for d in "${dirs[@]}"; do
  d=${d%/}
  [ -d "$root/test/$d" ] || { echo "run.sh: no directory test/$d in $root" >&2; exit 2; }
  (cd "$root/test" && find "$d" -name '*.js' ! -name '*_FIXTURE*' | sort)
done > "$work/tests"
echo "test262 $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'):" \
  "$(wc -l < "$work/tests") tests in ${#dirs[@]} directories, $jobs jobs" >&2

if [ "$report_only" = 0 ]; then
  tr '\n' '\0' < "$work/tests" |
    nice -n 10 xargs -0 -P "$jobs" -n 25 bash "$0" --worker > "$work/results"
  # A test the runner produced no line for counts as failed.
  cut -f2 "$work/results" | sort > "$work/done"
  sort "$work/tests" | comm -23 - "$work/done" |
    sed 's/^/fail\t/; s/$/\tno result from the runner/' >> "$work/results"
  sort -t $'\t' -k2,2 "$work/results" > "$outdir/results.tsv"
fi

awk -F '\t' '$1 == "fail" { print $2 "\t" $3 }' "$outdir/results.tsv" > "$outdir/failures.txt"

# Group key: the DIR argument a test came from (plus its next path component
# with -s); the longest matching DIR wins.
printf '%s\n' "${dirs[@]}" | sed 's:/*$::' |
  awk -F '\t' -v by_subdir="$by_subdir" '
    NR == FNR { dir[$0] = 1; next }
    {
      path = $2; key = ""
      for (d in dir) if (index(path, d "/") == 1 && length(d) > length(key)) key = d
      if (by_subdir) {
        rest = substr(path, length(key) + 2)
        if (index(rest, "/")) key = key "/" substr(rest, 1, index(rest, "/") - 1)
      }
      if (!(key in seen)) { seen[key] = 1; order[++n] = key }
      count[key, $1]++; total[$1]++
    }
    function row(name, p, f, s, u) {
      printf "%-48s %6d %6d %6d %6d %6d %7s\n", name, p + f + u, p, f, s, u,
        (p + f) ? sprintf("%.1f%%", 100 * p / (p + f)) : "-"
    }
    END {
      printf "%-48s %6s %6s %6s %6s %6s %7s\n", "directory", "run", "pass", "fail", "skip", "unsup", "pass %"
      for (i = 1; i <= n; i++) {
        k = order[i]
        row(k, count[k, "pass"], count[k, "fail"], count[k, "skip"], count[k, "unsup"])
      }
      row("TOTAL", total["pass"], total["fail"], total["skip"], total["unsup"])
    }
  ' - "$outdir/results.tsv" | tee "$outdir/summary.txt"
echo "results: $outdir/results.tsv, failures: $outdir/failures.txt" >&2
if [ -n "$min_pass" ]; then
  awk -v min="$min_pass" '$1 == "TOTAL" {
    pct = $NF; sub(/%/, "", pct)
    if (pct + 0 < min + 0) { printf "pass rate %s%% is below the required %s%%\n", pct, min; exit 1 }
  }' "$outdir/summary.txt" >&2
fi
