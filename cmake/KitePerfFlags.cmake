# Perf flags: one master switch and one option per optimization.
#
# Pattern (docs/perf-flags.md): every optimization that changes emitted code
# or dispatch is declared below with kite_perf_flag(NAME "what it changes").
# Each flag is a cache string ON, OFF or DEFAULT; DEFAULT (the initial value)
# follows the master KITE_PERF_OPTS, so `-DKITE_PERF_OPTS=OFF` turns every
# optimization off without touching the others, and `-DKITE_OPT_X=OFF` turns
# one off alone. The resolved values go to the generated header
# <kite/perf_flags.h> (a macro per flag plus a table), which `kite --version
# --verbose` prints and the harness writes into every result's context.

option(KITE_PERF_OPTS "Master switch: the default of every KITE_OPT_* flag" ON)

set(KITE_PERF_FLAG_NAMES "")
set(KITE_PERF_FLAG_TABLE "")
set(KITE_PERF_FLAG_DEFINES "")

function(kite_perf_flag name description)
  set(${name} "DEFAULT" CACHE STRING "${description} (ON, OFF, or DEFAULT = KITE_PERF_OPTS)")
  set_property(CACHE ${name} PROPERTY STRINGS DEFAULT ON OFF)
  set(requested "${${name}}")
  if(requested STREQUAL "DEFAULT")
    set(value ${KITE_PERF_OPTS})
  else()
    set(value ${requested})
  endif()
  if(value)
    set(bit 1)
    set(word true)
  else()
    set(bit 0)
    set(word false)
  endif()
  set(KITE_PERF_FLAG_NAMES "${KITE_PERF_FLAG_NAMES};${name}" PARENT_SCOPE)
  set(KITE_PERF_FLAG_DEFINES "${KITE_PERF_FLAG_DEFINES}#define ${name} ${bit}\n" PARENT_SCOPE)
  set(KITE_PERF_FLAG_TABLE
      "${KITE_PERF_FLAG_TABLE}    {\"${name}\", ${word}, \"${description}\"},\n" PARENT_SCOPE)
  set(${name}_VALUE ${bit} PARENT_SCOPE)
endfunction()

# ---- The flags. Keep docs/perf-flags.md in step with this list. ----
kite_perf_flag(KITE_OPT_COMPUTED_GOTO
  "Interpreter dispatch through a computed-goto table instead of a switch")
kite_perf_flag(KITE_OPT_INLINE_CACHE
  "Per-site inline caches for property loads and stores")
kite_perf_flag(KITE_OPT_INT_FASTPATH
  "int32 fast paths for arithmetic and comparison opcodes")
kite_perf_flag(KITE_OPT_FAST_CALL
  "JS-to-JS calls push their frame inline in the interpreter's Call opcode")
kite_perf_flag(KITE_OPT_DIRECT_STORE
  "Expression statements on register locals compute into the local, not a temporary")
kite_perf_flag(KITE_OPT_CONST_OPERANDS
  "Arithmetic and strict-equality jumps take a number-literal operand from the constant pool")
kite_perf_flag(KITE_OPT_LEAN_BYTECODE
  "Fewer instructions: negated and immediate compare-branches, bottom-tested loops, returns threaded through jumps, calls without a this register")
kite_perf_flag(KITE_OPT_FAST_MOD
  "x % k by a positive int32 literal multiplies by a precomputed constant instead of dividing")
kite_perf_flag(KITE_OPT_STATIC_BINARY
  "Link the kite binary statically (no dynamic loader work at start-up)")
kite_perf_flag(KITE_OPT_SIZE_CLASS_HEAP
  "Small GC cells from size-class pages with free lists instead of one malloc per cell")

if(KITE_PERF_OPTS)
  set(KITE_PERF_OPTS_BIT 1)
else()
  set(KITE_PERF_OPTS_BIT 0)
endif()

set(KITE_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")
configure_file("${CMAKE_SOURCE_DIR}/cmake/perf_flags.h.in"
               "${KITE_GENERATED_DIR}/kite/perf_flags.h" @ONLY)

# Build information (commit, compiler, build type), refreshed on every build
# so a result file never carries a stale commit.
add_custom_target(kite_build_info
  COMMAND "${CMAKE_COMMAND}"
          "-DSOURCE_DIR=${CMAKE_SOURCE_DIR}"
          "-DOUT=${KITE_GENERATED_DIR}/kite/build_info.h"
          "-DVERSION=${PROJECT_VERSION}"
          "-DCOMPILER=${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}"
          "-DBUILD_TYPE=${CMAKE_BUILD_TYPE}"
          "-DSANITIZE=${KITE_SANITIZE}"
          -P "${CMAKE_SOURCE_DIR}/cmake/BuildInfo.cmake"
  BYPRODUCTS "${KITE_GENERATED_DIR}/kite/build_info.h"
  COMMENT "Refreshing build info")

add_library(kite_config INTERFACE)
target_include_directories(kite_config INTERFACE "${KITE_GENERATED_DIR}")
add_dependencies(kite_config kite_build_info)
