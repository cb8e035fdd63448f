// Photos from the real hub over TCP (issue 14, "a person's photo on the venue
// screen"): a board asks with photo_request and gets the stored bytes back,
// base64; a person without a photo is answered no_photo; a photo is never in
// the live feed.
#include "hub/core/person_photos.h"
#include "protocol/base64.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;

TEST(HubPhotos, aBoardGetsAStoredPhotoAndNoPhotoForAPersonWithout)
{
    TempDir dir;
    const auto db = dir.file("record.db");
    seedHubRecord(db);
    // Binary bytes, NULs included, as large as a photo may be.
    std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4);
    while (jpeg.size() < core::kMaxPhotoBytes) jpeg += static_cast<char>(jpeg.size() * 31 % 256);
    {
        common::Database record(db);
        core::setPersonPhoto(record, {"p1", "", jpeg, common::fromMillis(nowMs()), "会务组"});
    }
    HubProcess hub(db);
    zmq::context_t ctx;
    QueryClient query(ctx, hub.endpoints().query);
    const auto reply = query.ask(protocol::PhotoRequest{"p1"});
    const auto* photo = std::get_if<protocol::Photo>(&reply);
    ASSERT_NE(photo, nullptr) << hub.process().output();
    EXPECT_EQ(photo->person_id, "p1");
    EXPECT_EQ(photo->mime, "image/jpeg");
    EXPECT_EQ(protocol::fromBase64(photo->data), jpeg);

    const auto none = query.ask(protocol::PhotoRequest{"p2"});
    const auto* error = std::get_if<protocol::Error>(&none);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->code, "no_photo");
}
