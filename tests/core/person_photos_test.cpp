// Persons' photos in the record (hub/core/person_photos.h): stored byte for
// byte (binary, NULs included), replaced by a new one, and bad photos refused
// naming the problem, changing nothing.
#include "hub/core/person_photos.h"
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;

namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR", 8) + "pixels";
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(1000, '\0') + "JFIF";

class PersonPhotosTest : public ::testing::Test {
protected:
    PersonPhotosTest() : db_(dir_.file("rollcall.sqlite"))
    {
        core::migrate(db_);
        core::Record record(db_);
        record.addPerson({"p1", "张三", record.ensureUnitPath("州直机关"), "州直机关", std::nullopt});
    }

    std::string refusal(const std::string& personId, const std::string& bytes)
    {
        try {
            core::setPersonPhoto(db_, {personId, "", bytes, common::TimePoint{}, "会务组"});
        } catch (const common::InputError& e) {
            return e.what();
        }
        return "(accepted)";
    }

    test::TempDir dir_;
    common::Database db_;
};

struct BadPhoto {
    const char* name;
    std::string personId;
    std::string bytes;
    std::string message;
};

class PersonPhotosRefusal : public PersonPhotosTest, public ::testing::WithParamInterface<BadPhoto> {};

} // namespace

TEST_F(PersonPhotosTest, aPhotoIsStoredByteForByteAndReplacedByANewOne)
{
    EXPECT_FALSE(core::personPhoto(db_, "p1"));
    core::setPersonPhoto(db_, {"p1", "", kJpeg, common::fromMillis(5), "会务组"});
    auto photo = core::personPhoto(db_, "p1");
    ASSERT_TRUE(photo);
    EXPECT_EQ(photo->mime, "image/jpeg");
    EXPECT_EQ(photo->data, kJpeg) << "binary, NULs included";
    core::setPersonPhoto(db_, {"p1", "", kPng, common::fromMillis(6), "会务组"});
    photo = core::personPhoto(db_, "p1");
    EXPECT_EQ(photo->mime, "image/png");
    EXPECT_EQ(photo->data, kPng);
    auto s = db_.prepare("SELECT count(*), typeof(data) FROM person_photos");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.getInt(0), 1);
    EXPECT_EQ(s.getText(1), "blob");
}

TEST_P(PersonPhotosRefusal, isRefusedNamingTheProblem)
{
    const auto& row = GetParam();
    EXPECT_EQ(refusal(row.personId, row.bytes), row.message) << row.name;
    EXPECT_FALSE(core::personPhoto(db_, "p1")) << "nothing stored";
}

INSTANTIATE_TEST_SUITE_P(Rows, PersonPhotosRefusal,
                         ::testing::Values(BadPhoto{"unknownPerson", "p9", kPng, "person \"p9\" does not exist"},
                                           BadPhoto{"empty", "p1", "", "the photo is empty"},
                                           BadPhoto{"tooLarge", "p1", kPng + std::string(core::kMaxPhotoBytes, 'x'),
                                                    "the photo is " + std::to_string(kPng.size() + core::kMaxPhotoBytes)
                                                        + " bytes, at most 262144 (256 KiB) allowed"},
                                           BadPhoto{"notAnImage", "p1", "GIF89a......",
                                                    "the photo is neither a JPEG nor a PNG image"}),
                         [](const auto& info) { return std::string(info.param.name); });
