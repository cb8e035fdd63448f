#include "common/database.h"

#include <sqlite3.h>
#include <utility>

namespace rollcall::common {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context)
{
    std::string message(context);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw DatabaseError(db ? sqlite3_extended_errcode(db) : rc, message);
}

} // namespace

void Database::Closer::operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }

Database::Database(const std::string& path, Mode mode) : path_(path)
{
    // Once per process, before SQLite initializes: no memory statistics.
    // Rollcall never reads them, and keeping them takes a process-wide mutex
    // on every allocation — about 5 % of the hub's committer thread, and
    // 10–13 % of the benchmark's raw insert rate (README, "Performance"). One
    // of SQLite's recommended options (SQLITE_DEFAULT_MEMSTATUS=0). If SQLite
    // was already initialized (another library got there first), the call is
    // refused and nothing changes.
    static const int memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)memstatus;
    sqlite3* raw = nullptr;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
                      | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK) {
        fail(raw, rc, "cannot open database " + path);
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    exec("PRAGMA foreign_keys = ON");
    if (mode == Mode::ReadWrite) {
        // WAL lets the hub write while rollcallctl and reports read; FULL makes
        // a commit durable before we acknowledge a tap.
        exec("PRAGMA journal_mode = WAL");
        exec("PRAGMA synchronous = FULL");
    }
}

Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* error = nullptr;
    const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw DatabaseError(sqlite3_extended_errcode(db_.get()), message);
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(db_.get(), sql); }
std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_.get()); }
int Database::changes() const { return sqlite3_changes(db_.get()); }

std::int64_t Database::dataVersion()
{
    auto stmt = prepare("PRAGMA data_version");
    (void)stmt.step();
    return stmt.getInt(0);
}

void Statement::Finalizer::operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db)
{
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    stmt_.reset(raw);
    if (rc != SQLITE_OK) {
        fail(db, rc, "cannot prepare \"" + std::string(sql.substr(0, 80)) + "\"");
    }
}

Statement::~Statement() = default;

Statement& Statement::bind(int index, std::int64_t value)
{
    if (const int rc = sqlite3_bind_int64(stmt_.get(), index, value); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(stmt_.get(), index, value); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value)
{
    const int rc =
        sqlite3_bind_text(stmt_.get(), index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    if (const int rc = sqlite3_bind_null(stmt_.get(), index); rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // Reset before throwing: a statement left after a failed step refuses
    // every later bind ("bad parameter or other API misuse"), and the hub keeps
    // its statements for its lifetime. The message is taken first, because the
    // reset may replace the connection's error text.
    std::string message = "step: ";
    message += sqlite3_errmsg(db_);
    const int code = sqlite3_extended_errcode(db_);
    sqlite3_reset(stmt_.get());
    throw DatabaseError(code, message);
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
std::int64_t Statement::getInt(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::getDouble(int column) const { return sqlite3_column_double(stmt_.get(), column); }

std::string Statement::getText(int column) const
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)))
                : std::string();
}

std::optional<std::int64_t> Statement::getOptionalInt(int column) const
{
    if (isNull(column)) return std::nullopt;
    return getInt(column);
}

std::optional<std::string> Statement::getOptionalText(int column) const
{
    if (isNull(column)) return std::nullopt;
    return getText(column);
}

std::string placeholders(std::size_t n)
{
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
}

Transaction::Transaction(Database& db, Kind kind) : db_(db)
{
    db_.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) { // a destructor must not throw; the rollback failing leaves SQLite to roll back
        }
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    done_ = true;
}

} // namespace rollcall::common
