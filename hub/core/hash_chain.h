#pragma once
// The record's hash chain (docs/security.md): every evidence row — taps and
// amendments (appeals are amendments) — is linked, in the order it was
// written, into record_chain. A link names its row (table, id) and stores one
// hash over the row's canonical content and the previous link:
// SHA-256(previous hash ‖ SHA-256(content)). Altering, inserting or deleting a
// row anywhere shows when the chain is walked, and a head printed on paper
// pins everything before it.
//
// Rows are chained by AFTER INSERT triggers (schema migration 6), so every
// writer — the hub's ingest, rollcallctl, imports — goes through one place.
// The triggers call SQL functions this file registers; core::migrate()
// registers them on every connection that opens the record.

#include "common/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollcall::core {

/// A chained table and the columns that make up its rows' canonical content,
/// in order. Extension point: a table that joins the chain later (the notice
/// register) is added here and gets an AFTER INSERT trigger like taps_chain in
/// its own migration.
struct ChainedTable {
    std::string_view name;
    std::string_view columns; // comma-separated, as in the table's chain trigger
};
[[nodiscard]] const std::vector<ChainedTable>& chainedTables();

/// Registers rollcall_row_hash(table, value…) and rollcall_link_hash(prev,
/// row_hash) on the connection, unless they are there already. migrate() and
/// Record's constructor call it, so any connection that writes taps or
/// amendments through them has the functions; one that has neither fails its
/// insert with "no such function" rather than writing an unchained row.
void registerChainFunctions(common::Database& db);

/// The last link: its hash (lower-case hex; 64 zeros for an empty chain) and
/// the number of rows chained.
struct ChainHead {
    std::string hash;
    std::int64_t rows = 0;
};
[[nodiscard]] ChainHead chainHead(common::Database& db);

/// The first place where the record and its chain disagree.
struct ChainProblem {
    std::string table;         // "taps", "amendments", or "record_chain" for a bad link
    std::int64_t rowId = 0;    // the row's id (the link's position for record_chain)
    std::int64_t position = 0; // where in the chain (0: the row was never chained)
    std::string what;          // "altered", "deleted", "inserted"
    std::string detail;        // one sentence for a person
    [[nodiscard]] std::string describe() const;
};

struct ChainVerification {
    ChainHead head;
    std::optional<ChainProblem> problem;
    /// With a head to look for: its position, if it is a link of the chain.
    std::optional<std::int64_t> headPosition;
};

/// Walks the whole chain: every link's hash, every chained row's content,
/// and every row of a chained table that no link names. `lookFor` (a head in
/// hex, any case) is searched among the links.
[[nodiscard]] ChainVerification verifyChain(common::Database& db,
                                            const std::optional<std::string>& lookFor = std::nullopt);

/// The same for the last `links` links and the rows written after the last
/// chained one: cheap enough for every start of the hub.
[[nodiscard]] std::optional<ChainProblem> verifyChainTail(common::Database& db, std::int64_t links = 1000);

} // namespace rollcall::core
