// The venue screen's photo of whoever just checked in: asked for once per
// person (never for a check-out, a duplicate or an unknown badge), shown when
// it arrives if that person is still the newest, nothing for a person without
// one, and a data: URL an Image can show.
#include "dashboard/src/tap_photo.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {
p::TapEvent checkIn(const std::string& person, std::int64_t at, p::Verdict v = p::Verdict::Present)
{
    p::TapEvent t;
    t.tap_id = static_cast<std::uint64_t>(at);
    t.reader_id = "door-1";
    t.venue_id = "hall";
    t.badge_uid = "04A22B1C";
    t.person_id = person;
    t.name = "姓名" + person;
    t.at_ms = at;
    t.direction = p::Direction::In;
    t.verdict = v;
    return t;
}
} // namespace

TEST(TapPhoto, asksOncePerPersonAndShowsThePhotoOfTheNewestCheckIn)
{
    TapPhoto photo;
    QStringList asked;
    photo.setRequester([&](const QString& id) {
        asked << id;
        return true;
    });
    photo.showTap(checkIn("p1", kStartMs));
    EXPECT_EQ(asked, QStringList{"p1"});
    EXPECT_FALSE(photo.shown()) << "not here yet";
    photo.setPhoto("p1", "image/png", QByteArray("\x89PNG", 4));
    EXPECT_TRUE(photo.shown());
    EXPECT_EQ(photo.url(), "data:image/png;base64,iVBORw==");
    EXPECT_EQ(photo.name(), QString::fromUtf8("姓名p1"));

    photo.showTap(checkIn("p2", kStartMs + 1000)); // no photo: asked, then missing
    photo.setMissing("p2");
    EXPECT_FALSE(photo.shown());
    photo.showTap(checkIn("p2", kStartMs + 2000));
    photo.showTap(checkIn("p1", kStartMs + 3000));
    EXPECT_EQ(asked, (QStringList{"p1", "p2"})) << "each person asked for once";
    EXPECT_TRUE(photo.shown());

    // A check-out, a duplicate and an unknown badge change nothing.
    auto out = checkIn("p2", kStartMs + 4000, p::Verdict::CheckedOut);
    out.direction = p::Direction::Out;
    photo.showTap(out);
    photo.showTap(checkIn("p2", kStartMs + 5000, p::Verdict::Duplicate));
    auto unknown = checkIn("p3", kStartMs + 6000, p::Verdict::UnknownBadge);
    unknown.person_id.reset();
    photo.showTap(unknown);
    EXPECT_EQ(photo.name(), QString::fromUtf8("姓名p1"));
    EXPECT_EQ(asked.size(), 2);
}

TEST(TapPhoto, aPhotoArrivingLateIsShownOnlyIfItsPersonIsStillTheNewest)
{
    TapPhoto photo;
    photo.setRequester([](const QString&) { return true; });
    photo.showTap(checkIn("p1", kStartMs));
    photo.showTap(checkIn("p2", kStartMs + 1000));
    QSignalSpy changed(&photo, &TapPhoto::changed);
    photo.setPhoto("p1", "image/jpeg", QByteArray("\xFF\xD8\xFF", 3));
    EXPECT_EQ(changed.count(), 0);
    EXPECT_FALSE(photo.shown());
    photo.showTap(checkIn("p1", kStartMs + 2000));
    EXPECT_TRUE(photo.shown()) << "kept for the session";
}

TEST(TapPhoto, whenItCannotAskItAsksAgainLater)
{
    TapPhoto photo;
    bool canAsk = false;
    int asked = 0;
    photo.setRequester([&](const QString&) {
        if (canAsk) ++asked;
        return canAsk;
    });
    photo.showTap(checkIn("p1", kStartMs)); // the desktop board: not asked
    canAsk = true;                          // now the venue screen
    photo.showTap(checkIn("p1", kStartMs + 1000));
    EXPECT_EQ(asked, 1);
}
