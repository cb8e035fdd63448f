#pragma once
// A small prefecture in a fresh record, with meetings placed around the real
// clock (the hub runs on the system clock):
//   m-soon  at hall: starts in 30 min  -> a check-in now is "present"
//   m-now   at annex: started 20 min ago, grace 5 min -> a check-in now is "late"
// Persons p1..p4 (badges 04A1B2C1..4) in 州直机关/州发改委 and 某县; p9 is not invited.
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "tests/support/hub_clients.h"

namespace rollcall::test {

inline void seedHubRecord(const std::string& path)
{
    common::Database db(path);
    core::migrate(db);
    core::Record r(db);
    common::Transaction tx(db);
    const common::TimePoint now = common::fromMillis(nowMs());
    const auto ndrc = r.ensureUnitPath("州直机关/州发改委");
    const auto county = r.ensureUnitPath("某县");
    r.addPerson({"p1", "张三", ndrc, "州直机关/州发改委", std::nullopt});
    r.addPerson({"p2", "阿依古丽·买买提", ndrc, "州直机关/州发改委", std::nullopt});
    r.addPerson({"p3", "ئابدۇرېھىم", county, "某县", std::nullopt});
    r.addPerson({"p4", "Нұрлан", county, "某县", std::nullopt});
    r.addPerson({"p9", "王五", county, "某县", std::nullopt});
    // Badges count from their issue (docs/semantics.md §10): issued a day
    // ago, so a tap stamped at any moment of the test resolves to its holder.
    const auto issued = now - std::chrono::hours(24);
    r.addBadge("04A1B2C1", "p1", issued);
    r.addBadge("04A1B2C2", "p2", issued);
    r.addBadge("04A1B2C3", "p3", issued);
    r.addBadge("04A1B2C4", "p4", issued);
    r.addBadge("04A1B2C9", "p9", issued);
    r.addVenue("hall", "州会议中心");
    r.addVenue("annex", "分会场");
    r.addReader({"r-hall", "hall", core::ReaderDirection::Both}, now);
    r.addReader({"r-annex", "annex", core::ReaderDirection::In}, now);
    core::Meeting soon;
    soon.id = "m-soon";
    soon.title = "全州工作会议";
    soon.venues = {"hall"};
    soon.times.start = now + std::chrono::minutes(30);
    soon.times.end = now + std::chrono::minutes(150);
    soon.times.opening = soon.times.start - std::chrono::minutes(60);
    r.addMeeting(soon, now);
    r.addInvite("m-soon", {std::string("州直机关"), std::nullopt});
    r.addInvite("m-soon", {std::nullopt, std::string("p3")});
    core::Meeting current;
    current.id = "m-now";
    current.title = "安全生产调度会";
    current.venues = {"annex"};
    current.times.start = now - std::chrono::minutes(20);
    current.times.end = now + std::chrono::minutes(60);
    current.times.opening = current.times.start - std::chrono::minutes(60);
    r.addMeeting(current, now);
    r.addInvite("m-now", {std::string("某县"), std::nullopt});
    tx.commit();
}

inline std::int64_t countRows(const std::string& path, const std::string& sql)
{
    common::Database db(path, common::Database::Mode::ReadOnly);
    auto s = db.prepare(sql);
    (void)s.step();
    return s.getInt(0);
}

} // namespace rollcall::test
