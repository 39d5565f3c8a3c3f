# Runs one JS conformance test through `kite run` and checks it.
#
#   cmake -DKITE=/path/to/kite -DJS_FILE=/abs/tests/js/x/y.js
#         [-DJS_ROOT=/abs/tests/js] [-DJS_REL=x/y.js] [-DFLAGS=--gc-stress]
#         [-DMODE=normal|gc-stress] [-DTIMEOUT=20] -P run_js_test.cmake
#
# Checks (see tests/js/README.md):
#   - stdout equals y.out exactly (y.out is required);
#   - the exit code equals the number in y.code, or 0 when there is no y.code;
#   - every non-empty line of y.err appears somewhere in stderr (substring);
#   - the run finishes within TIMEOUT seconds (default 20).
# A test listed in pending.txt is inverted: it passes while it fails, and
# fails with "unexpectedly passing" as soon as it passes.
cmake_minimum_required(VERSION 3.25)

foreach(var KITE JS_FILE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_js_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED TIMEOUT)
  set(TIMEOUT 20)
endif()
if(NOT DEFINED MODE OR MODE STREQUAL "")
  set(MODE normal)
endif()
get_filename_component(test_dir "${JS_FILE}" DIRECTORY)
if(NOT DEFINED JS_ROOT OR JS_ROOT STREQUAL "")
  get_filename_component(JS_ROOT "${CMAKE_CURRENT_LIST_FILE}" DIRECTORY)
endif()
if(NOT DEFINED JS_REL OR JS_REL STREQUAL "")
  file(RELATIVE_PATH JS_REL "${JS_ROOT}" "${JS_FILE}")
endif()
string(REGEX REPLACE "\\.js$" "" base "${JS_FILE}")

# --- helpers ---------------------------------------------------------------

# _kite_split_lines(TEXT OUT_COUNT OUT_PREFIX): sets OUT_PREFIX_1..N in the
# caller to the lines of TEXT (without "\n") and OUT_COUNT to N. Works on the
# raw string, so ';', '[' and ']' in the output are safe. A trailing "\n"
# does not start a new line.
function(_kite_split_lines text out_count prefix)
  set(n 0)
  set(rest "${text}")
  while(NOT rest STREQUAL "")
    math(EXPR n "${n} + 1")
    string(FIND "${rest}" "\n" nl)
    if(nl EQUAL -1)
      set(${prefix}_${n} "${rest}" PARENT_SCOPE)
      set(rest "")
    else()
      string(SUBSTRING "${rest}" 0 ${nl} line)
      set(${prefix}_${n} "${line}" PARENT_SCOPE)
      math(EXPR from "${nl} + 1")
      string(SUBSTRING "${rest}" ${from} -1 rest)
    endif()
  endwhile()
  set(${out_count} ${n} PARENT_SCOPE)
endfunction()

# _kite_diff(EXPECTED ACTUAL OUT): a small unified-style report around the
# first differing line: up to 3 lines of context, then -expected / +actual.
function(_kite_diff expected actual out)
  _kite_split_lines("${expected}" ne exp)
  _kite_split_lines("${actual}" na act)
  set(first 0)
  set(i 1)
  if(ne GREATER na)
    set(max ${ne})
  else()
    set(max ${na})
  endif()
  while(i LESS_EQUAL max)
    set(e "<missing>")
    set(a "<missing>")
    if(i LESS_EQUAL ne)
      set(e "${exp_${i}}")
    endif()
    if(i LESS_EQUAL na)
      set(a "${act_${i}}")
    endif()
    if(NOT "${e}" STREQUAL "${a}")
      set(first ${i})
      break()
    endif()
    math(EXPR i "${i} + 1")
  endwhile()
  if(first EQUAL 0)
    # Same lines; the difference is a trailing newline.
    set(${out} "stdout differs only in the final newline (expected ${ne} lines, got ${na})" PARENT_SCOPE)
    return()
  endif()
  set(report "stdout differs at line ${first} (expected ${ne} lines, got ${na}):\n--- expected\n+++ actual\n@@ line ${first} @@\n")
  math(EXPR ctx "${first} - 3")
  if(ctx LESS 1)
    set(ctx 1)
  endif()
  while(ctx LESS first)
    string(APPEND report "  ${exp_${ctx}}\n")
    math(EXPR ctx "${ctx} + 1")
  endwhile()
  math(EXPR last "${first} + 3")
  set(j ${first})
  while(j LESS_EQUAL last AND j LESS_EQUAL ne)
    string(APPEND report "- ${exp_${j}}\n")
    math(EXPR j "${j} + 1")
  endwhile()
  set(j ${first})
  while(j LESS_EQUAL last AND j LESS_EQUAL na)
    string(APPEND report "+ ${act_${j}}\n")
    math(EXPR j "${j} + 1")
  endwhile()
  set(${out} "${report}" PARENT_SCOPE)
endfunction()

# --- run -------------------------------------------------------------------

set(args run)
if(DEFINED FLAGS AND NOT FLAGS STREQUAL "")
  separate_arguments(flag_list UNIX_COMMAND "${FLAGS}")
  list(APPEND args ${flag_list})
endif()
list(APPEND args "${JS_FILE}")

execute_process(
  COMMAND "${KITE}" ${args}
  WORKING_DIRECTORY "${test_dir}"
  OUTPUT_VARIABLE actual_out
  ERROR_VARIABLE actual_err
  RESULT_VARIABLE rc
  TIMEOUT ${TIMEOUT})

set(failures "")

# Exit code.
set(expected_rc 0)
if(EXISTS "${base}.code")
  file(READ "${base}.code" expected_rc)
  string(STRIP "${expected_rc}" expected_rc)
endif()
if(NOT rc MATCHES "^-?[0-9]+$")
  string(APPEND failures "process did not exit normally: ${rc} (timeout is ${TIMEOUT} s)\n")
elseif(NOT rc EQUAL expected_rc)
  string(APPEND failures "exit code: expected ${expected_rc}, got ${rc}\n")
endif()

# Stdout.
if(NOT EXISTS "${base}.out")
  string(APPEND failures "missing expected output file ${base}.out\n")
else()
  file(READ "${base}.out" expected_out)
  if(NOT "${actual_out}" STREQUAL "${expected_out}")
    _kite_diff("${expected_out}" "${actual_out}" diff)
    string(APPEND failures "${diff}")
  endif()
endif()

# Stderr must contain every line of .err.
if(EXISTS "${base}.err")
  file(READ "${base}.err" err_text)
  _kite_split_lines("${err_text}" nerr errline)
  foreach(k RANGE 1 ${nerr})
    if(nerr EQUAL 0)
      break()
    endif()
    set(want "${errline_${k}}")
    if(want STREQUAL "")
      continue()
    endif()
    string(FIND "${actual_err}" "${want}" pos)
    if(pos EQUAL -1)
      string(APPEND failures "stderr lacks expected line: ${want}\n")
    endif()
  endforeach()
endif()

if(NOT failures STREQUAL "")
  string(LENGTH "${actual_err}" err_len)
  if(err_len GREATER 2000)
    string(SUBSTRING "${actual_err}" 0 2000 shown_err)
    string(APPEND shown_err "\n... (${err_len} bytes of stderr)")
  else()
    set(shown_err "${actual_err}")
  endif()
  string(APPEND failures "--- stderr ---\n${shown_err}")
endif()

# --- pending.txt -----------------------------------------------------------

# Entries: "<path relative to tests/js> <reason>" (both modes) or
# "<path>@gc-stress <reason>" (only the --gc-stress run). '#' starts a comment.
set(pending_entry "")
set(pending_reason "")
set(pending_file "${JS_ROOT}/pending.txt")
if(EXISTS "${pending_file}")
  file(READ "${pending_file}" pending_text)
  # Make the text list-safe before splitting it into lines.
  string(REPLACE ";" "," pending_text "${pending_text}")
  string(REPLACE "[" "(" pending_text "${pending_text}")
  string(REPLACE "]" ")" pending_text "${pending_text}")
  string(REPLACE "\r" "" pending_text "${pending_text}")
  string(REPLACE "\n" ";" pending_lines "${pending_text}")
  foreach(line IN LISTS pending_lines)
    string(REGEX REPLACE "#.*$" "" line "${line}")
    string(STRIP "${line}" line)
    if(line STREQUAL "")
      continue()
    endif()
    string(REGEX MATCH "^[^ \t]+" entry "${line}")
    string(LENGTH "${entry}" entry_len)
    string(SUBSTRING "${line}" ${entry_len} -1 reason)
    string(STRIP "${reason}" reason)
    if(entry STREQUAL "${JS_REL}" OR (MODE STREQUAL "gc-stress" AND entry STREQUAL "${JS_REL}@gc-stress"))
      set(pending_entry "${entry}")
      set(pending_reason "${reason}")
    endif()
  endforeach()
endif()

if(NOT pending_entry STREQUAL "")
  if(pending_reason STREQUAL "")
    message(FATAL_ERROR "tests/js/pending.txt: entry '${pending_entry}' needs a reason after the path")
  endif()
  if(failures STREQUAL "")
    message(FATAL_ERROR "unexpectedly passing: remove '${pending_entry}' from tests/js/pending.txt")
  endif()
  message("pending (expected to fail for now): ${pending_entry} -- ${pending_reason}\n${failures}")
  return()
endif()

if(NOT failures STREQUAL "")
  string(JOIN " " cmdline "${KITE}" ${args})
  message("FAIL ${JS_REL} (${MODE}): ${cmdline}\n${failures}")
  message(FATAL_ERROR "FAIL ${JS_REL} (${MODE})")
endif()
