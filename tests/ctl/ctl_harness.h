#pragma once
// rollcallctl driven in-process (runCtl) over a temp record with a fixed
// clock, for the command tests of this folder: run, expect success, expect
// a refusal that names the input and changes nothing.
#include "common/database.h"
#include "hub/ctl/ctl_app.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_day.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace rollcall::test {

struct CtlResult {
    int code = -1;
    std::string out;
    std::string err;
};

inline std::ostream& operator<<(std::ostream& os, const CtlResult& r)
{
    return os << "exit " << r.code << "\n--- out:\n" << r.out << "--- err:\n" << r.err;
}

/// rollcallctl --db DB --operator OPERATOR ARGS…, in process with `clock`.
inline CtlResult runRollcallctl(const std::string& db, const std::string& operatorName,
                                const std::vector<std::string>& args, const common::Clock& clock)
{
    std::vector<std::string> full{"rollcallctl", "--db", db, "--operator", operatorName};
    full.insert(full.end(), args.begin(), args.end());
    std::vector<const char*> argv;
    for (const auto& a : full) argv.push_back(a.c_str());
    std::ostringstream out, err;
    CtlResult r;
    r.code = ctl::runCtl(static_cast<int>(argv.size()), argv.data(), out, err, clock);
    r.out = out.str();
    r.err = err.str();
    return r;
}

class CtlHarness : public ::testing::Test {
protected:
    static common::TimePoint at(const std::string& local) { return atLocal(local); }

    CtlResult ctl(const std::vector<std::string>& args) { return runRollcallctl(db_, "会务组", args, clock_); }

    std::string ok(const std::vector<std::string>& args)
    {
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 0) << r;
        return r.out;
    }

    nlohmann::ordered_json okJson(const std::vector<std::string>& args)
    {
        return nlohmann::ordered_json::parse(ok(args));
    }

    /// Expects exit 1 with `message` and "nothing was changed", and every table's rows unchanged.
    void refused(const std::vector<std::string>& args, const std::string& message)
    {
        const auto before = rows();
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 1) << r;
        EXPECT_NE(r.err.find(message), std::string::npos) << "missing \"" << message << "\"\n" << r;
        EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r;
        EXPECT_EQ(rows(), before) << "after: " << args.front();
    }

    std::int64_t scalar(const std::string& sql)
    {
        common::Database db(db_, common::Database::Mode::ReadOnly);
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    /// Every row of the tables a command may change, as text.
    std::vector<std::string> rows()
    {
        std::vector<std::string> out;
        common::Database db(db_, common::Database::Mode::ReadOnly);
        for (const char* table : {"persons", "memberships", "badges", "units", "amendments", "meetings"}) {
            auto cols = db.prepare(std::string("SELECT name FROM pragma_table_info('") + table + "')");
            std::string row = "'" + std::string(table) + "'";
            while (cols.step()) row += " || '|' || quote(" + cols.getText(0) + ")";
            auto s = db.prepare("SELECT " + row + " FROM " + table + " ORDER BY rowid");
            while (s.step()) out.push_back(s.getText(0));
        }
        return out;
    }

    std::string write(const std::string& name, const std::string& text) { return dir_.write(name, text); }

    /// A new record with venue "hall", its "in" reader "hall-in", and the
    /// roster `rosterCsv` (person_id,name,unit,badge_uid) effective 2026-11-01.
    void seedHall(const std::string& rosterCsv)
    {
        ok({"init"});
        ok({"venue", "add", "--id", "hall"});
        ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
        ok({"roster", "import", "--effective", "2026-11-01", write("roster.csv", rosterCsv)});
    }

    TempDir dir_;
    std::string db_ = dir_.file("rollcall.sqlite");
    common::FixedClock clock_{at("2026-11-02T08:00:00")};
};

} // namespace rollcall::test
