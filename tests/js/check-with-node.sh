#!/bin/sh
# Re-verify the corpus expectations with Node (v20 or later).
#
#   tests/js/check-with-node.sh [--regen] [PATH...]
#
# For every test (default: all of tests/js), checks that:
#   - non-error tests: `node name.js` exits 0 and prints exactly name.out,
#     and so does a strict-mode copy ("'use strict';" prepended on line 1,
#     so line numbers do not move) -- Kite runs every script strict, so a
#     test whose output depends on sloppy mode is a bug in the test;
#   - errors/ tests with runtime errors: the strict copy exits with name.code,
#     prints name.out, and its stderr contains each line of name.err;
#   - errors/ syntax tests (name.err has `file:LINE:COL: SyntaxError: msg`):
#     V8 rejects the program in strict mode with the same message on the same
#     line, and name.out is empty. (The column is Kite's, worked out by hand:
#     the start of the offending token; V8 sometimes points elsewhere.)
# --regen rewrites name.out of non-error tests from node instead of checking.
# Exit status: 0 when everything matches, 1 otherwise.
set -u
# The zone every test runs in (tests/js/CMakeLists.txt sets the same).
export TZ=America/New_York
here=$(cd "$(dirname "$0")" && pwd)
node=${NODE:-node}
regen=0
if [ "${1:-}" = "--regen" ]; then regen=1; shift; fi
[ $# -eq 0 ] && set -- "$here"
command -v "$node" >/dev/null 2>&1 || { echo "check-with-node: '$node' not found" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
note_fail() { fail=$((fail + 1)); echo "FAIL $1: $2"; }

# syntax_check FILE ERRLINE: compile FILE as a strict script with V8 and
# compare the message and line with ERRLINE (Kite format).
syntax_check() {
  "$node" - "$1" "$2" <<'EOF'
const fs = require('fs'), vm = require('vm'), path = require('path');
const [file, want] = process.argv.slice(2);
const m = /^(.*):(\d+):(\d+): SyntaxError: (.*)$/.exec(want);
if (!m) { console.log('bad .err line: ' + want); process.exit(1); }
const src = "'use strict';\n" + fs.readFileSync(file, 'utf8');
try {
  new vm.Script(src, { filename: path.basename(file) });
  console.log('V8 accepts the program'); process.exit(1);
} catch (e) {
  const line = Number(/:(\d+)$/.exec(e.stack.split('\n')[0])[1]) - 1;
  const problems = [];
  if (e.name !== 'SyntaxError') problems.push('V8 throws ' + e.name);
  if (e.message !== m[4]) problems.push(`V8 message '${e.message}'`);
  if (line !== Number(m[2])) problems.push(`V8 line ${line}`);
  if (m[1] !== path.basename(file)) problems.push('file name ' + m[1]);
  if (problems.length) { console.log(problems.join(', ')); process.exit(1); }
}
EOF
}

find "$@" -name '*.js' -not -path '*/node_modules/*' -not -path '*/fixtures/*' | sort > "$tmp/list"
# Module tests (modules/) run as ES modules from a copy of their directory
# marked "type": "module", so their imports find the fixtures beside them.
mkdir -p "$tmp/modules"
cp -r "$here/modules/." "$tmp/modules/"
echo '{ "type": "module" }' > "$tmp/modules/package.json"
while IFS= read -r js; do
  base=${js%.js}
  name=$(basename "$js")
  rel=${js#"$here"/}
  mkdir -p "$tmp/strict"
  { printf "'use strict';"; cat "$js"; } > "$tmp/strict/$name"
  case "$rel" in
    modules/*)
      (cd "$(dirname "$tmp/$rel")" && "$node" "$name") > "$tmp/out" 2> "$tmp/err"
      rc=$?
      want_rc=$(cat "$base.code" 2>/dev/null || echo 0)
      if [ "$rc" -ne "$want_rc" ]; then note_fail "$rel" "exit code $rc, expected $want_rc: $(head -c 300 "$tmp/err")"; continue; fi
      if [ $regen -eq 1 ]; then cp "$tmp/out" "$base.out"; fi
      if ! cmp -s "$tmp/out" "$base.out"; then note_fail "$rel" "stdout differs from .out"; diff "$base.out" "$tmp/out" | head -10; continue; fi
      ok=1
      if [ -f "$base.err" ]; then
        while IFS= read -r want; do
          [ -z "$want" ] && continue
          case "$want" in *.mjs:[0-9]*:[0-9]*) continue ;; esac   # Kite-only location lines
          if ! grep -qF -- "$want" "$tmp/err"; then note_fail "$rel" "stderr lacks: $want"; ok=0; break; fi
        done < "$base.err"
      fi
      [ $ok -eq 1 ] && pass=$((pass + 1))
      ;;
    errors/*|*/errors/*)
      if grep -q ': SyntaxError: ' "$base.err" 2>/dev/null; then
        if [ -s "$base.out" ]; then note_fail "$rel" "syntax error test must have an empty .out"; continue; fi
        if ! out=$(syntax_check "$js" "$(grep -m1 ': SyntaxError: ' "$base.err")"); then
          note_fail "$rel" "$out"; continue
        fi
        pass=$((pass + 1)); continue
      fi
      (cd "$(dirname "$js")" && "$node" "$tmp/strict/$name") > "$tmp/out" 2> "$tmp/err"
      rc=$?
      want_rc=$(cat "$base.code" 2>/dev/null || echo 0)
      ok=1
      if [ "$rc" -ne "$want_rc" ]; then note_fail "$rel" "exit code $rc, expected $want_rc"; ok=0; fi
      if [ $ok -eq 1 ] && ! cmp -s "$tmp/out" "$base.out"; then note_fail "$rel" "stdout differs from .out"; ok=0; fi
      if [ $ok -eq 1 ] && [ -f "$base.err" ]; then
        while IFS= read -r want; do
          [ -z "$want" ] && continue
          case "$want" in *.js:) continue ;; esac   # Kite-only location lines
          if ! grep -qF -- "$want" "$tmp/err"; then note_fail "$rel" "stderr lacks: $want"; ok=0; break; fi
        done < "$base.err"
      fi
      [ $ok -eq 1 ] && pass=$((pass + 1))
      ;;
    *)
      (cd "$(dirname "$js")" && "$node" "$name") > "$tmp/out" 2> "$tmp/err"
      rc=$?
      if [ $rc -ne 0 ]; then note_fail "$rel" "node exited $rc: $(head -c 300 "$tmp/err")"; continue; fi
      if [ $regen -eq 1 ]; then cp "$tmp/out" "$base.out"; fi
      if ! cmp -s "$tmp/out" "$base.out"; then
        note_fail "$rel" "stdout differs from .out"
        diff "$base.out" "$tmp/out" | head -10
        continue
      fi
      (cd "$(dirname "$js")" && "$node" "$tmp/strict/$name") > "$tmp/sout" 2>/dev/null
      if ! cmp -s "$tmp/sout" "$base.out"; then
        note_fail "$rel" "output differs in strict mode (the test depends on sloppy mode)"
        diff "$base.out" "$tmp/sout" | head -10
        continue
      fi
      pass=$((pass + 1))
      ;;
  esac
done < "$tmp/list"

echo "check-with-node: $pass passed, $fail failed ($("$node" --version))"
[ $fail -eq 0 ]
