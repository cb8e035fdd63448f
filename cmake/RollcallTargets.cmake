# Warnings as a target, never through CMAKE_CXX_FLAGS (global flags would reach every target, third-party code too).
add_library(rollcall_warnings INTERFACE)
target_compile_options(rollcall_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)

# rollcall_add_gtest(NAME SOURCES a.cpp b.cpp LIBS lib1 lib2)
# One executable per test file group; every case registered separately.
function(rollcall_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main rollcall_warnings)
  target_compile_definitions(${name} PRIVATE
    ROLLCALL_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
    ROLLCALL_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES ENVIRONMENT "TZ=UTC;LIBNFC_AUTO_SCAN=no")
endfunction()
