#pragma once
// A scripted fourth quarter of 2026 (Asia/Shanghai) for the report and
// discipline tests, with the outcomes worked out by hand in comments:
//
//   units 州直机关/州发改委: P001 张三, P002 李四
//         州直机关/州财政局: P003 王五, P004 赵六
//         县市/甲县: P005 钱七, P006 孙八      县市/乙县: P007 周九 (never invited)
//   every meeting 09:00–11:00 invites 州直机关 and 县市/甲县 (6 expected)
//   venue v1: r1 (in), r2 (out), no heartbeat history (taps imported)
//   venue v2: r3 (both), heartbeats with a gap 09:20–09:50 on 2026-11-10
//
//   M01 10-13  P002 late 12 min; P007 walks in; an unknown badge taps
//   M02 10-20  P002 leaves early (10:30, 30 min)
//   M03 11-03  P002 late 8 min (3rd in Q4: 效能告诫 in November);
//              P003 absent (效能告诫); P004 on leave (excused)
//   M04 11-10  at v2: P001 absent while r3 was offline (held: verify)
//   M05 11-17  P005 absent (appeals: held); P007 substitutes for P006
//   M06 12-01  P002 late 20 min (4th)
//   M07 12-08  P002 late 15 min and leaves early (5th: 诫勉谈话 in December)
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "hub/ctl/ctl_app.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rollcall::testing {

/// A temporary directory removed at the end of the test (tests/support's).
using TempDir = rollcall::test::TempDir;

inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Runs a shell command, returns its stdout (and the exit status through `status`).
inline std::string run(const std::string& command, int* status = nullptr)
{
    std::string out;
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int rc = ::pclose(p);
    if (status) *status = rc;
    return out;
}

/// Compares a written file with its golden copy in tests/data/reports/, line
/// by line. With ROLLCALL_UPDATE_GOLDEN=1 in the environment it rewrites the
/// golden copy instead (review the diff before committing it).
inline void expectGolden(const std::string& written, const std::string& goldenName)
{
    const std::string golden = std::string(ROLLCALL_TEST_DATA_DIR) + "/reports/" + goldenName;
    if (const char* update = std::getenv("ROLLCALL_UPDATE_GOLDEN"); update && std::string(update) == "1") {
        std::filesystem::copy_file(written, golden, std::filesystem::copy_options::overwrite_existing);
    }
    std::istringstream a(readFile(written)), b(readFile(golden));
    std::string x, y;
    int line = 0;
    while (true) {
        const bool hx = static_cast<bool>(std::getline(a, x));
        const bool hy = static_cast<bool>(std::getline(b, y));
        ++line;
        if (!hx && !hy) break;
        ASSERT_EQ(x, y) << goldenName << " line " << line << (hy ? "" : " (missing from the golden file)");
    }
    EXPECT_EQ(readFile(written), readFile(golden)) << goldenName << ": same lines, different bytes";
}

/// Text without ASCII spaces and line breaks: pdftotext drops or adds spaces
/// between CJK glyphs as layout suggests, so PDF text is compared squashed.
inline std::string squash(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    }
    return out;
}

/// rollcallctl in-process with a fixed clock.
struct CtlRun {
    int code = 0;
    std::string out, err;
};
inline CtlRun runCtl(std::vector<std::string> args, common::TimePoint now)
{
    args.insert(args.begin(), "rollcallctl");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    common::FixedClock clock(now);
    CtlRun r;
    r.code = ctl::runCtl(static_cast<int>(argv.size()), argv.data(), out, err, clock);
    r.out = out.str();
    r.err = err.str();
    return r;
}

/// Reads a CSV file written by the reports (BOM, CRLF) into rows of cells,
/// via Python's csv module so quoting is checked by an independent reader,
/// and compares them with the XLSX cells as a spreadsheet shows them (a
/// rate 0.8333 with the format 0.0% as "83.3%").
inline std::string xlsxMatchesCsv(const std::string& xlsx, const std::string& csv)
{
    const std::string script =
        "import csv, sys, openpyxl\n"
        "rows = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig', newline='')))\n"
        "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
        "import math\n"
        "def shown(c):\n"
        "    v = c.value\n"
        "    if v is None: return ''\n"
        "    num = isinstance(v, (int, float)) and not isinstance(v, bool)\n"
        "    if num and c.number_format.endswith('%'): return '%.1f%%' % (math.floor(v * 1000 + 0.5 + 1e-9) / 10)\n"
        "    if num and c.number_format in ('0.0', '0.00'): return ('%.' + str(len(c.number_format) - 2) + 'f') % v\n"
        "    if isinstance(v, float) and v == int(v): return str(int(v))\n"
        "    return str(v)\n"
        "cells = [[shown(c) for c in r] for r in ws.iter_rows()]\n"
        "width = max([len(r) for r in rows] + [0])\n"
        "norm = lambda rs: [r + [''] * (width - len(r)) for r in rs]\n"
        "a, b = norm(rows), norm([c[:width] for c in cells])\n"
        "if len(a) != len(b): print('rows: csv %d, xlsx %d' % (len(a), len(b)))\n"
        "for i, (x, y) in enumerate(zip(a, b)):\n"
        "    if x != y: print('row %d: csv %r xlsx %r' % (i + 1, x, y))\n"
        "print('checked', len(a))\n";
    // Debian's interpreter: python3-openpyxl is installed for it, whatever python3 is first on PATH.
    const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    return run(python + " -c \"" + script + "\" '" + xlsx + "' '" + csv + "' 2>&1");
}

struct Scenario {
    core::Zone zone{"Asia/Shanghai"};
    common::TimePoint now = core::parseTime("2027-01-05T10:00:00+08:00", "now");

    common::TimePoint at(const std::string& local) const { return core::parseTime(local, "t", &zone); }

    void build(common::Database& db, bool finalize = true)
    {
        core::migrate(db);
        core::Record r(db);
        common::Transaction tx(db);
        const auto created = at("2026-09-01T08:00");
        const struct {
            const char* id;
            const char* name;
            const char* unit;
            const char* badge;
        } people[] = {
            {"P001", "张三", "州直机关/州发改委", "04A00001"}, {"P002", "李四", "州直机关/州发改委", "04A00002"},
            {"P003", "王五", "州直机关/州财政局", "04A00003"}, {"P004", "赵六", "州直机关/州财政局", "04A00004"},
            {"P005", "钱七", "县市/甲县", "04A00005"},         {"P006", "孙八", "县市/甲县", "04A00006"},
            {"P007", "周九", "县市/乙县", "04A00007"}};
        for (const auto& p : people) {
            r.addPerson(core::Person{p.id, p.name, r.ensureUnitPath(p.unit), "", std::nullopt});
            r.addBadge(p.badge, p.id, created);
        }
        r.addVenue("v1", "第一会议室");
        r.addVenue("v2", "第二会议室");
        r.addReader({"r1", "v1", core::ReaderDirection::In}, created);
        r.addReader({"r2", "v1", core::ReaderDirection::Out}, created);
        r.addReader({"r3", "v2", core::ReaderDirection::Both}, created);
        auto up = db.prepare("INSERT INTO reader_uptime(reader_id, from_ms, to_ms) VALUES ('r3', ?, ?)");
        up.bind(1, common::toMillis(at("2026-10-01T00:00"))).bind(2, common::toMillis(at("2026-11-10T09:20"))).run();
        up.bind(1, common::toMillis(at("2026-11-10T09:50"))).bind(2, common::toMillis(at("2027-01-01T00:00"))).run();

        const char* everyone[] = {"P001", "P002", "P003", "P004", "P005", "P006"};
        struct Plan {
            const char* id;
            const char* date;
            const char* venue;
        };
        const Plan meetings[] = {{"M01", "2026-10-13", "v1"}, {"M02", "2026-10-20", "v1"}, {"M03", "2026-11-03", "v1"},
                                 {"M04", "2026-11-10", "v2"}, {"M05", "2026-11-17", "v1"}, {"M06", "2026-12-01", "v1"},
                                 {"M07", "2026-12-08", "v1"}};
        for (const auto& p : meetings) {
            core::Meeting m;
            m.id = p.id;
            m.title = std::string("州直机关工作例会（") + p.date + "）";
            m.venues = {p.venue};
            m.times.start = at(std::string(p.date) + "T09:00");
            m.times.end = at(std::string(p.date) + "T11:00");
            m.times.opening = m.times.start - std::chrono::minutes(60);
            r.addMeeting(m, created);
            r.addInvite(m.id, core::RosterInvite{"州直机关", std::nullopt});
            r.addInvite(m.id, core::RosterInvite{"县市/甲县", std::nullopt});
        }
        // Default: everyone in at 08:50 and out at 11:05, except as scripted.
        auto day = [&](const std::string& meeting, const std::string& date, const std::string& venue,
                       const std::map<std::string, std::pair<std::string, std::string>>& special) {
            for (const char* person : everyone) {
                std::pair<std::string, std::string> times{"08:50", "11:05"};
                if (auto it = special.find(person); it != special.end()) times = it->second;
                if (!times.first.empty()) tap(r, venue, person, date + "T" + times.first, true);
                if (!times.second.empty()) tap(r, venue, person, date + "T" + times.second, false);
            }
            (void)meeting;
        };
        day("M01", "2026-10-13", "v1", {{"P002", {"09:12", "11:05"}}});
        tap(r, "v1", "P007", "2026-10-13T08:58", true);
        tapBadge(r, "r1", "04FFFF01", "2026-10-13T08:59");
        day("M02", "2026-10-20", "v1", {{"P002", {"08:55", "10:30"}}});
        day("M03", "2026-11-03", "v1", {{"P002", {"09:08", "11:05"}}, {"P003", {"", ""}}, {"P004", {"", ""}}});
        day("M04", "2026-11-10", "v2", {{"P001", {"", ""}}});
        day("M05", "2026-11-17", "v1", {{"P005", {"", ""}}, {"P006", {"", ""}}});
        tap(r, "v1", "P007", "2026-11-17T08:57", true);
        day("M06", "2026-12-01", "v1", {{"P002", {"09:20", "11:05"}}});
        day("M07", "2026-12-08", "v1", {{"P002", {"09:15", "10:20"}}});

        amend(r, core::AmendmentKind::Leave, "M03", "P004", "因公出差", at("2026-11-02T16:00"));
        auto sub =
            amend(r, core::AmendmentKind::Substitute, "M05", "P006", "代会已批准", at("2026-11-16T10:00"), false);
        sub.otherPersonId = "P007";
        r.addAmendment(sub);
        if (finalize) {
            auto f = db.prepare("UPDATE meetings SET finalized_ms = end_ms + 7200000");
            f.run();
        }
        tx.commit();
    }

    void tap(core::Record& r, const std::string& venue, const std::string& person, const std::string& local, bool in)
    {
        const std::string badge = "04A0000" + person.substr(3);
        const std::string reader = venue == "v2" ? "r3" : in ? "r1" : "r2";
        tapBadge(r, reader, badge, local);
    }

    void tapBadge(core::Record& r, const std::string& reader, const std::string& badge, const std::string& local)
    {
        core::TapRecord t;
        t.readerId = reader;
        t.seq = ++seq_;
        t.badgeUid = badge;
        t.at = at(local);
        t.venueId = reader == "r3" ? "v2" : "v1";
        t.source = reader == "r3" ? "reader" : "import";
        t.receivedAt = t.at + std::chrono::seconds(1);
        r.insertTap(t);
    }

    core::Amendment amend(core::Record& r, core::AmendmentKind kind, const std::string& meeting,
                          const std::string& person, const std::string& reason, common::TimePoint when, bool add = true)
    {
        core::Amendment a;
        a.kind = kind;
        a.meetingId = meeting;
        a.personId = person;
        a.author = "办公室";
        a.reason = reason;
        a.createdAt = when;
        if (add) r.addAmendment(a);
        return a;
    }

private:
    std::int64_t seq_ = 0;
};

/// A test over the scenario built into an in-memory record, with the quarter
/// of its meetings as [from, to).
class ScenarioRecordTest : public ::testing::Test {
protected:
    void SetUp() override { s.build(db); }
    Scenario s;
    common::Database db{":memory:"};
    core::Record record{db};
    common::TimePoint from = s.at("2026-10-01T00:00");
    common::TimePoint to = s.at("2027-01-01T00:00");
};

} // namespace rollcall::testing
