#pragma once
// The hub's status query (`status_request` → `status`, docs/protocol.md
// §5.10): the pieces of the answer that are not plain fields of one thread's
// state. The socket thread fills in what it knows (rejections, subscribers,
// version), the writer thread the rest (readers, record, ingest, disk).
#include "common/database.h"
#include "protocol/messages.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::service {

/// Rejections by reason as the wire lists them (by reason, at most kMaxRejectionReasons).
[[nodiscard]] std::vector<protocol::RejectionCount>
rejectionCounts(const std::map<std::string, std::uint64_t>& byReason);

/// Free bytes on the file system that holds the record at `dbPath` (the fault
/// VFS's stand-in while one is injected); nullopt if it cannot be told.
[[nodiscard]] std::optional<std::uint64_t> recordDiskFree(const std::string& dbPath);

/// The record chain's last link and its position (= the rows chained in an
/// intact chain; `rollcallctl verify` checks that): one index lookup, cheap
/// enough for every status query, unlike counting the links.
struct ChainTip {
    std::string hash; ///< lower-case hex; 64 zeros for an empty chain
    std::uint64_t position = 0;
};
[[nodiscard]] ChainTip chainTip(common::Database& db);

/// Whether a client with this ZAP user id ("ROLE/READER/NAME") may ask for the
/// status: viewer and above. Everyone on a hub run --insecure.
[[nodiscard]] bool mayAskForStatus(const std::string& userId, bool insecure);

} // namespace rollcall::service
