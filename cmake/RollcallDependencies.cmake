# Every external dependency is a Debian package; scripts/setup.sh installs them.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBNFC REQUIRED IMPORTED_TARGET libnfc)
pkg_check_modules(LIBZMQ REQUIRED IMPORTED_TARGET libzmq)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium) # base64 on the wire; SHA-256 of the record's hash chain
find_package(cppzmq REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(Threads REQUIRED)
# The hub's own (an agent-only build without tests does not need it).
if(ROLLCALL_WITH_HUB)
  find_package(date REQUIRED)        # date::date-tz: IANA zones (GCC 12 lacks std::chrono::zoned_time)
endif()
if(BUILD_TESTING)
  find_package(GTest REQUIRED)
endif()
# Qt (dashboard/) and cairo, pango, libxlsxwriter (hub/reports/) are looked for
# in their own folders, so an agent-only build never asks for them.
