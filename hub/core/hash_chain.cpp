#include "hub/core/hash_chain.h"

#include "common/input_error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <sodium.h>
#include <sqlite3.h>
#include <stdexcept>

namespace rollcall::core {
namespace {

constexpr std::size_t kHashBytes = crypto_hash_sha256_BYTES;

void update(crypto_hash_sha256_state& st, std::string_view bytes)
{
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

/// rollcall_row_hash(table, value…): SHA-256 of the values, each written with
/// its type and length so that no two different rows (or a NULL and an empty
/// text, or 7 and '7') encode alike.
void rowHashFunction(sqlite3_context* ctx, int argc, sqlite3_value** argv)
{
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    for (int i = 0; i < argc; ++i) {
        sqlite3_value* v = argv[i];
        switch (sqlite3_value_type(v)) {
        case SQLITE_NULL: update(st, "n;"); break;
        case SQLITE_INTEGER: update(st, "i" + std::to_string(sqlite3_value_int64(v)) + ";"); break;
        case SQLITE_FLOAT: {
            std::array<char, 40> buf{};
            std::snprintf(buf.data(), buf.size(), "f%.17g;", sqlite3_value_double(v));
            update(st, buf.data());
            break;
        }
        case SQLITE_TEXT: {
            const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
            const auto n = static_cast<std::size_t>(sqlite3_value_bytes(v));
            update(st, "t" + std::to_string(n) + ":");
            update(st, std::string_view(p, n));
            break;
        }
        default: { // BLOB
            const auto* p = static_cast<const char*>(sqlite3_value_blob(v));
            const auto n = static_cast<std::size_t>(sqlite3_value_bytes(v));
            update(st, "b" + std::to_string(n) + ":");
            if (n > 0) update(st, std::string_view(p, n));
            break;
        }
        }
    }
    std::array<unsigned char, kHashBytes> out{};
    crypto_hash_sha256_final(&st, out.data());
    sqlite3_result_blob(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

/// The bytes of a hash column as SQLite hands them over (any type an editor
/// may have stored in it).
std::string valueBytes(sqlite3_value* v)
{
    if (sqlite3_value_type(v) == SQLITE_NULL) return {};
    const auto* p = static_cast<const char*>(sqlite3_value_blob(v));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string();
}

std::string linkHash(const std::string& prev, const std::string& rowHash)
{
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    update(st, prev.empty() ? std::string(kHashBytes, '\0') : prev);
    update(st, rowHash);
    std::string out(kHashBytes, '\0');
    crypto_hash_sha256_final(&st, reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

/// rollcall_link_hash(prev, row_hash): SHA-256(prev ‖ row_hash); a NULL prev
/// (the first link) counts as 32 zero bytes.
void linkHashFunction(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    const auto out = linkHash(valueBytes(argv[0]), valueBytes(argv[1]));
    sqlite3_result_blob(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

std::string toHex(const std::string& bytes)
{
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    hex.pop_back();
    return hex;
}

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

/// The chain's links from position `after` on, each with its row's content
/// hash as recomputed now (NULL when the row is gone).
/// The chained tables this record has: one at an older schema lacks those
/// that joined the chain later (walk_in_units, migration 13).
std::vector<ChainedTable> presentTables(common::Database& db)
{
    std::vector<ChainedTable> present;
    auto s = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    for (const auto& t : chainedTables()) {
        s.bind(1, std::string(t.name));
        if (s.step()) present.push_back(t);
        s.reset();
    }
    return present;
}

std::string linksQuery(common::Database& db)
{
    std::string sql = "SELECT c.pos, c.row_table, c.row_id, c.hash, CASE c.row_table";
    for (const auto& t : presentTables(db)) {
        sql += " WHEN '" + std::string(t.name) + "' THEN (SELECT rollcall_row_hash('" + std::string(t.name) + "', "
               + std::string(t.columns) + ") FROM " + std::string(t.name) + " WHERE id = c.row_id)";
    }
    return sql + " END FROM record_chain c WHERE c.pos > ? ORDER BY c.pos";
}

/// Walks the links after position `after`; the first problem, if any.
/// `lookFor` (raw bytes) is matched against every link's hash.
std::optional<ChainProblem> walkLinks(common::Database& db, std::int64_t after, const std::string& lookFor,
                                      std::optional<std::int64_t>& found)
{
    std::string prev;
    if (after > 0) {
        auto p = db.prepare("SELECT hash FROM record_chain WHERE pos = ?");
        p.bind(1, after);
        if (p.step()) prev = p.getText(0);
    }
    std::int64_t expected = after + 1;
    std::optional<ChainProblem> problem;
    auto s = db.prepare(linksQuery(db));
    s.bind(1, after);
    while (s.step()) {
        const auto pos = s.getInt(0);
        const auto table = s.getText(1);
        const auto rowId = s.getInt(2);
        const auto hash = s.getText(3);
        const bool matches = !s.isNull(4) && hash == linkHash(prev, s.getText(4));
        if (problem) {
            // The link after an altered one: if it does not follow from the
            // stored hash either, that stored hash was rewritten, not the row.
            if (!matches && !s.isNull(4)) {
                problem = ChainProblem{"record_chain", problem->position, problem->position, "altered",
                                       "its hash was rewritten: neither it nor the next link follows from the rows"};
            }
            return problem;
        }
        if (pos != expected) {
            return ChainProblem{"record_chain", expected, expected, "deleted",
                                "the chain jumps from position " + std::to_string(expected - 1) + " to "
                                    + std::to_string(pos)};
        }
        if (s.isNull(4)) {
            bool known = false;
            for (const auto& t : chainedTables()) known = known || t.name == table;
            if (!known) {
                return ChainProblem{"record_chain", pos, pos, "altered",
                                    "it names table \"" + table + "\", which is not chained"};
            }
            return ChainProblem{table, rowId, pos, "deleted", "the chain names it but the row is gone"};
        }
        if (!matches) {
            problem = ChainProblem{table, rowId, pos, "altered",
                                   "its content no longer matches the hash chained when it was written"};
        }
        if (!lookFor.empty() && hash == lookFor) found = pos;
        prev = hash;
        ++expected;
    }
    return problem;
}

/// A row of a chained table that no link names (written with the chain
/// trigger dropped): anywhere, or only after the table's last chained row.
std::optional<ChainProblem> unchainedRow(common::Database& db, const ChainedTable& t, bool onlyAfterLast)
{
    const std::string name(t.name);
    std::string sql = "SELECT min(id) FROM " + name + " WHERE ";
    sql += onlyAfterLast ? "id > coalesce((SELECT row_id FROM record_chain WHERE row_table = ?1 ORDER BY pos DESC "
                           "LIMIT 1), 0)"
                         : "id NOT IN (SELECT row_id FROM record_chain WHERE row_table = ?1)";
    auto s = db.prepare(sql);
    s.bind(1, name);
    if (s.step() && !s.isNull(0)) {
        return ChainProblem{name, s.getInt(0), 0, "inserted", "no link of the chain names it"};
    }
    return std::nullopt;
}

} // namespace

const std::vector<ChainedTable>& chainedTables()
{
    static const std::vector<ChainedTable> tables{
        // verdict is left out: it is the hub's answer, set once after the
        // insert (migration 3), not what the reader sent.
        {"taps", "id, reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms, agent_at_ms, "
                 "clock_offset_ms"},
        {"amendments", "id, kind, meeting_id, person_id, other_person_id, at_ms, direction, status, ref_id, author, "
                       "reason, created_ms"},
        // The notice register and appeal filings (migration 9): what the office issued and received.
        {"notice_register", "id, kind, year, n, number, person_id, unit_id, measure, rule, grounds, evidence, body, "
                            "period, ref_id, appeal_id, reason, issued_ms, issued_by"},
        {"appeal_filings", "id, amendment_id, clerk, received_ms, new_evidence"},
        // Walk-ins attached to a unit (migration 13): for whom a walk-in was let in.
        {"walk_in_units", "id, amendment_id, unit_id"},
        // Alarms acknowledged at the desks (migration 14): how the meeting was run.
        {"alarm_acks", "id, source, code, note, acked_ms, acked_by"},
    };
    return tables;
}

std::string ChainProblem::describe() const
{
    std::string where = table + " id " + std::to_string(rowId);
    if (rowId == 0)
        where = table;
    else if (table == "record_chain")
        where = "record_chain position " + std::to_string(rowId);
    else if (position > 0)
        where += " (chain position " + std::to_string(position) + ")";
    return where + " was " + what + ": " + detail;
}

void registerChainFunctions(common::Database& db)
{
    // Already there (migrate() and every Record register them): nothing to do.
    // Probing by prepare keeps this safe while other statements run, when
    // replacing a function would fail with SQLITE_BUSY.
    sqlite3_stmt* probe = nullptr;
    const int found = sqlite3_prepare_v2(db.handle(), "SELECT rollcall_link_hash(NULL, NULL), rollcall_row_hash()", -1,
                                         &probe, nullptr);
    sqlite3_finalize(probe);
    if (found == SQLITE_OK) return;
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    // Deterministic and innocuous: usable from triggers even with trusted_schema off.
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    auto check = [&](int rc, const char* name) {
        if (rc != SQLITE_OK)
            throw common::DatabaseError(rc,
                                        std::string("cannot register ") + name + ": " + sqlite3_errmsg(db.handle()));
    };
    check(sqlite3_create_function_v2(db.handle(), "rollcall_row_hash", -1, flags, nullptr, rowHashFunction, nullptr,
                                     nullptr, nullptr),
          "rollcall_row_hash");
    check(sqlite3_create_function_v2(db.handle(), "rollcall_link_hash", 2, flags, nullptr, linkHashFunction, nullptr,
                                     nullptr, nullptr),
          "rollcall_link_hash");
}

ChainHead chainHead(common::Database& db)
{
    auto s = db.prepare("SELECT (SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1), "
                        "(SELECT count(*) FROM record_chain)");
    (void)s.step();
    ChainHead head;
    head.hash = s.isNull(0) ? std::string(kHashBytes * 2, '0') : toHex(s.getText(0));
    head.rows = s.getInt(1);
    return head;
}

ChainVerification verifyChain(common::Database& db, const std::optional<std::string>& lookFor)
{
    ChainVerification v;
    v.head = chainHead(db);
    std::string wanted;
    if (lookFor) {
        const auto hex = lower(*lookFor);
        wanted.assign(kHashBytes, '\0');
        std::size_t len = 0;
        if (hex.size() != kHashBytes * 2
            || sodium_hex2bin(reinterpret_cast<unsigned char*>(wanted.data()), wanted.size(), hex.data(), hex.size(),
                              nullptr, &len, nullptr)
                   != 0
            || len != kHashBytes) {
            throw common::InputError("--head: \"" + *lookFor + "\" is not a chain head (64 hex digits)");
        }
    }
    v.problem = walkLinks(db, 0, wanted, v.headPosition);
    for (const auto& t : presentTables(db)) {
        if (v.problem) break;
        v.problem = unchainedRow(db, t, false);
    }
    return v;
}

std::optional<ChainProblem> verifyChainTail(common::Database& db, std::int64_t links)
{
    auto last = db.prepare("SELECT coalesce(max(pos), 0) FROM record_chain");
    (void)last.step();
    const auto after = std::max<std::int64_t>(0, last.getInt(0) - links);
    std::optional<std::int64_t> unused;
    if (auto p = walkLinks(db, after, {}, unused)) return p;
    std::int64_t rows = 0;
    for (const auto& t : presentTables(db)) {
        if (auto p = unchainedRow(db, t, true)) return p;
        auto c = db.prepare("SELECT count(*) FROM " + std::string(t.name));
        (void)c.step();
        rows += c.getInt(0);
    }
    // Rows removed or added in the middle change the counts.
    auto c = db.prepare("SELECT count(*), coalesce(max(pos), 0) FROM record_chain");
    (void)c.step();
    const auto chained = c.getInt(0);
    if (chained != c.getInt(1)) {
        return ChainProblem{"record_chain", 0, 0, "deleted",
                            std::to_string(c.getInt(1) - chained)
                                + " link(s) are missing; rollcallctl verify names them"};
    }
    if (rows != chained) {
        return ChainProblem{"taps and amendments", 0, 0, rows < chained ? "deleted" : "inserted",
                            std::to_string(rows) + " rows, but the chain names " + std::to_string(chained)
                                + "; rollcallctl verify names the row"};
    }
    return std::nullopt;
}

} // namespace rollcall::core
