#pragma once
// RAII wrappers over the SQLite C API: one owner per handle, so each is released exactly once, also on exceptions.
// Error policy: every SQLite failure throws DatabaseError carrying the native
// result code; "no more rows" is a value (Statement::step() returns false).

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace rollcall::common {

class DatabaseError : public std::runtime_error {
public:
    DatabaseError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    [[nodiscard]] int code() const noexcept { return code_; }
    /// True for SQLITE_CONSTRAINT and its extended codes (unique, foreign key, check).
    [[nodiscard]] bool isConstraint() const noexcept { return (code_ & 0xff) == 19; }

private:
    int code_;
};

class Statement;

/// An open SQLite database file (or ":memory:"), configured for Rollcall:
/// WAL journal, foreign keys on, synchronous=FULL, busy timeout.
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    explicit Database(const std::string& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;

    /// Runs one or more statements with no results; throws DatabaseError.
    void exec(std::string_view sql);
    [[nodiscard]] Statement prepare(std::string_view sql);
    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    /// PRAGMA data_version: changes when another connection commits.
    [[nodiscard]] std::int64_t dataVersion();
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] sqlite3* handle() const noexcept { return db_.get(); }

private:
    struct Closer {
        void operator()(sqlite3* db) const noexcept;
    };
    std::unique_ptr<sqlite3, Closer> db_;
    std::string path_;
};

/// A prepared statement. bind() indices are 1-based as in SQLite.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bindNull(int index);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Advances to the next row; false when done. Throws DatabaseError, after
    /// resetting the statement so it can be bound and run again.
    [[nodiscard]] bool step();
    /// Runs a statement that returns no rows; usable again after it throws.
    void run();
    void reset();

    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t getInt(int column) const;
    [[nodiscard]] double getDouble(int column) const;
    [[nodiscard]] std::string getText(int column) const;
    [[nodiscard]] std::optional<std::int64_t> getOptionalInt(int column) const;
    [[nodiscard]] std::optional<std::string> getOptionalText(int column) const;

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* stmt) const noexcept;
    };
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
    sqlite3* db_;
};

/// "?,?,?" with n markers, for an IN (…) list bound one value each.
[[nodiscard]] std::string placeholders(std::size_t n);

/// Rolls back unless commit() is called (SQLiteCpp Transaction).
class Transaction {
public:
    enum class Kind { Deferred, Immediate };
    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

} // namespace rollcall::common
