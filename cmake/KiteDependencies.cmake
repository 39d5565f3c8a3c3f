# Every dependency is a Debian package found here; nothing is downloaded at
# configure or build time. A missing one stops configure with the package
# name and the command that installs it (all but asmjit, optional below).

set(KITE_SETUP_HINT "run: scripts/setup.sh (installs every Debian package Kite needs)")

macro(kite_require_package found debian_package what)
  if(NOT ${found})
    message(FATAL_ERROR
      "Kite needs ${what}: the Debian package '${debian_package}' is missing.\n"
      "  ${KITE_SETUP_HINT}\n"
      "  or: apt-get install ${debian_package}")
  endif()
endmacro()

find_package(Threads REQUIRED)
find_package(PkgConfig QUIET)
kite_require_package(PKG_CONFIG_FOUND pkg-config "pkg-config (to find liburing)")

pkg_check_modules(URING QUIET IMPORTED_TARGET liburing>=2.2)
kite_require_package(URING_FOUND liburing-dev "liburing >= 2.2 (io_uring I/O in the server and load generator)")
# The static archive, for the static `kite` binary (KITE_OPT_STATIC_BINARY).
find_library(KITE_URING_STATIC_LIB NAMES liburing.a HINTS ${URING_LIBRARY_DIRS})

find_package(fmt QUIET CONFIG)
kite_require_package(fmt_FOUND libfmt-dev "fmt (formatting)")
# The engine and the runtime use fmt header-only, so the `kite` binary can
# be linked statically (KITE_OPT_STATIC_BINARY: a faster cold start).
add_library(kite_fmt INTERFACE)
target_link_libraries(kite_fmt INTERFACE fmt::fmt-header-only)

# asmjit is for the baseline JIT (issue 16), which does not exist yet: no
# target links it, so it is optional until then and configure only records
# whether it is there (a status line, and asmjit_DIR in the cache).
find_package(asmjit QUIET CONFIG)
if(asmjit_FOUND)
  message(STATUS "asmjit: found in ${asmjit_DIR} (for the baseline JIT, issue 16; not used yet)")
else()
  message(STATUS "asmjit: not found; fine, nothing uses it yet (the baseline JIT, issue 16, will)")
endif()

if(KITE_BUILD_HARNESS)
  find_package(benchmark QUIET CONFIG)
  kite_require_package(benchmark_FOUND libbenchmark-dev "Google Benchmark (the microbench harness)")
  find_package(nlohmann_json 3.10 QUIET CONFIG)
  kite_require_package(nlohmann_json_FOUND nlohmann-json3-dev "nlohmann-json (the harness result JSON)")
endif()

if(KITE_BUILD_TESTS)
  find_package(GTest QUIET CONFIG)
  kite_require_package(GTest_FOUND "libgtest-dev libgmock-dev" "GoogleTest (unit tests)")
endif()

# ICU: the Unicode Character Database for the engine (RegExp \p{} property
# classes and case folding, String.prototype.normalize, full case mapping,
# localeCompare). Linked from the static archives so `kite` pays no dynamic
# loader cost for it at start-up and stays a static binary.
find_path(KITE_ICU_INCLUDE_DIR unicode/uchar.h)
find_library(KITE_ICU_I18N_LIB NAMES libicui18n.a)
find_library(KITE_ICU_UC_LIB NAMES libicuuc.a)
find_library(KITE_ICU_DATA_LIB NAMES libicudata.a)
if(KITE_ICU_INCLUDE_DIR AND KITE_ICU_I18N_LIB AND KITE_ICU_UC_LIB AND KITE_ICU_DATA_LIB)
  set(KITE_ICU_FOUND TRUE)
endif()
kite_require_package(KITE_ICU_FOUND libicu-dev "ICU (Unicode data for RegExp, normalize, case mapping)")
add_library(kite_icu INTERFACE)
target_include_directories(kite_icu SYSTEM INTERFACE "${KITE_ICU_INCLUDE_DIR}")
target_link_libraries(kite_icu INTERFACE
  "${KITE_ICU_I18N_LIB}" "${KITE_ICU_UC_LIB}" "${KITE_ICU_DATA_LIB}" ${CMAKE_DL_LIBS} Threads::Threads)
