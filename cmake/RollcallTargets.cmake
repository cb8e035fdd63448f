# Warnings as a target, never through CMAKE_CXX_FLAGS (global flags would reach every target, third-party code too).
add_library(rollcall_warnings INTERFACE)
target_compile_options(rollcall_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
# A unity build includes each .cpp into a batch file, so GCC takes the .cpp for
# a header and warns that a class there uses the anonymous namespace
# (-Wsubobject-linkage, meant for headers only): meaningless for a batch.
if(CMAKE_UNITY_BUILD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(rollcall_warnings INTERFACE -Wno-subobject-linkage)
endif()

# rollcall_add_gtest(NAME SOURCES a_test.cpp b_test.cpp LIBS lib1 lib2)
# One executable per test folder (tests/<area>/ builds <area>_tests); every
# case is registered with ctest separately, so ctest names each behaviour.
function(rollcall_add_gtest name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} rollcall_test_support GTest::gtest GTest::gtest_main rollcall_warnings)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 30 PROPERTIES ENVIRONMENT "TZ=UTC;LIBNFC_AUTO_SCAN=no")
endfunction()
