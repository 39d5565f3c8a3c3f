# Warnings, sanitizers and the compiler launcher, shared by every target.

if(KITE_USE_CCACHE)
  find_program(KITE_CCACHE ccache)
  if(KITE_CCACHE)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${KITE_CCACHE}")
  endif()
endif()

add_library(kite_warnings INTERFACE)
target_compile_options(kite_warnings INTERFACE -Wall -Wextra)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports -Wrestrict false positives inside std::string operator+
  # at -O2 and above (GCC bug 105651).
  target_compile_options(kite_warnings INTERFACE -Wno-restrict)
endif()
if(KITE_WERROR)
  target_compile_options(kite_warnings INTERFACE -Werror)
endif()

if(KITE_SANITIZE STREQUAL "address")
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
elseif(KITE_SANITIZE STREQUAL "fuzzer")
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "The fuzz preset needs clang: cmake --preset fuzz")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
elseif(NOT KITE_SANITIZE STREQUAL "")
  message(FATAL_ERROR "KITE_SANITIZE must be empty, 'address' or 'fuzzer' (got '${KITE_SANITIZE}')")
endif()
