#!/usr/bin/env bash
# expect_exit.sh CODE REGEX COMMAND...: runs COMMAND and passes when it
# exits with CODE and its combined stdout+stderr matches the extended
# regular expression REGEX. Used to pin kite-bench's exit statuses.
set -uo pipefail
want=$1
pattern=$2
shift 2
output=$("$@" 2>&1)
got=$?
printf '%s\n' "$output"
if [ "$got" -ne "$want" ]; then
  echo "expect_exit: '$*' exited with $got, expected $want" >&2
  exit 1
fi
if ! printf '%s\n' "$output" | grep -Eq -- "$pattern"; then
  echo "expect_exit: output does not match /$pattern/" >&2
  exit 1
fi
