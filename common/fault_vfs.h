#pragma once
// Fault injection for SQLite, for the fault suite (tests/fault) and hub tests
// only: a VFS that wraps the default one and makes writes fail on demand, and
// a stand-in for the free space of the record's disk.
//
// A program calls installFaultVfsFromEnvironment() before it opens a database;
// it does nothing unless ROLLCALL_FAULT_FILE names a control file. The test
// writes one word to that file at any time, and every later write obeys it:
//   (empty) or "ok"  nothing fails
//   "full"           every xWrite fails with SQLITE_FULL (a full disk)
//   "ioerr"          every xWrite and xSync fails with SQLITE_IOERR (a failing disk)
//   "sync"           only xSync fails (SQLITE_IOERR_FSYNC: the commit's fsync)
//   "free=<MB>"      writes succeed; faultFreeBytes() reports <MB> megabytes free
// Never used in production: without the variable the default VFS is untouched.

#include <cstdint>
#include <optional>
#include <string>

namespace rollcall::common {

/// Registers the fault VFS as the default if ROLLCALL_FAULT_FILE is set; returns whether it did.
bool installFaultVfsFromEnvironment();

/// Registers the fault VFS as the default, controlled by `controlFile`.
void installFaultVfs(const std::string& controlFile);

/// With the fault VFS installed and "free=<MB>" in the control file: that many bytes.
[[nodiscard]] std::optional<std::uint64_t> faultFreeBytes();

} // namespace rollcall::common
