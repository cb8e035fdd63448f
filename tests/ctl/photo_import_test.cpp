// roster import --photos DIR through rollcallctl on a real record: photos
// named by person id stored with the roster (new persons included), a new
// photo replacing the old, and a bad folder or file refused naming it, with
// nothing of the import kept.
#include "hub/core/person_photos.h"
#include "tests/ctl/ctl_harness.h"

#include <filesystem>
#include <fstream>

using namespace rollcall;

namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR", 8) + "pixels";
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(64, '\0') + "JFIF";

class PhotoImportTest : public test::CtlHarness {
protected:
    void SetUp() override
    {
        ok({"init"});
        roster_ = write("roster.csv", "person_id,name,unit,badge_uid\np1,张三,州直机关,\np2,李四,州直机关,\n");
        photos_ = dir_.file("photos");
        std::filesystem::create_directory(photos_);
    }

    void photo(const std::string& name, const std::string& bytes)
    {
        std::ofstream(photos_ + "/" + name, std::ios::binary) << bytes;
    }

    std::optional<core::PersonPhoto> stored(const std::string& personId)
    {
        common::Database db(db_);
        return core::personPhoto(db, personId);
    }

    std::int64_t photoRows() { return scalar("SELECT count(*) FROM person_photos"); }

    std::string roster_, photos_;
};

} // namespace

TEST_F(PhotoImportTest, photosNamedByPersonIdAreStoredWithTheRoster)
{
    photo("p1.jpg", kJpeg);
    photo("p2.PNG", kPng);      // the extension in any case
    photo(".DS_Store", "junk"); // hidden files are skipped
    const auto out = ok({"roster", "import", roster_, "--photos", photos_});
    EXPECT_NE(out.find("2 photo(s) (0 replaced)"), std::string::npos) << out;
    EXPECT_EQ(stored("p1")->data, kJpeg);
    EXPECT_EQ(stored("p1")->mime, "image/jpeg");
    EXPECT_EQ(stored("p2")->mime, "image/png");
    std::filesystem::remove(photos_ + "/p2.PNG");
    photo("p1.jpg", kJpeg + "v2");
    const auto again = ok({"roster", "import", roster_, "--photos", photos_});
    EXPECT_NE(again.find("1 photo(s) (1 replaced)"), std::string::npos) << again;
    EXPECT_EQ(stored("p1")->data, kJpeg + "v2");
}

TEST_F(PhotoImportTest, aBadFolderOrFileIsRefusedNamingItAndNothingIsImported)
{
    refused({"roster", "import", roster_, "--photos", photos_ + "/none"},
            "--photos " + photos_ + "/none: is not a directory");
    EXPECT_EQ(scalar("SELECT count(*) FROM persons"), 0) << "the roster is not imported either";

    photo("p1.jpg", kJpeg);
    photo("p9.jpg", kJpeg);
    refused({"roster", "import", roster_, "--photos", photos_}, photos_ + "/p9.jpg: person \"p9\" does not exist");
    EXPECT_EQ(photoRows(), 0);
    std::filesystem::remove(photos_ + "/p9.jpg");

    photo("p2.png", kJpeg);
    refused({"roster", "import", roster_, "--photos", photos_}, photos_ + "/p2.png: is a JPEG image named .png");
    std::filesystem::remove(photos_ + "/p2.png");

    photo("p2.gif", "GIF89a");
    refused({"roster", "import", roster_, "--photos", photos_},
            photos_ + "/p2.gif: is not named PERSON_ID.jpg, .jpeg or .png");
    std::filesystem::remove(photos_ + "/p2.gif");

    photo("p2.jpeg", "not an image");
    refused({"roster", "import", roster_, "--photos", photos_},
            photos_ + "/p2.jpeg: the photo is neither a JPEG nor a PNG image");
    std::filesystem::remove(photos_ + "/p2.jpeg");

    photo("p1.png", kPng);
    refused({"roster", "import", roster_, "--photos", photos_},
            photos_ + "/p1.png: a second photo of person \"p1\" (also p1.jpg)");
    std::filesystem::remove(photos_ + "/p1.png");

    photo("p2.jpg", kJpeg + std::string(core::kMaxPhotoBytes, 'x'));
    refused({"roster", "import", roster_, "--photos", photos_}, photos_ + "/p2.jpg: is 262216 bytes, at most 262144");
    EXPECT_EQ(photoRows(), 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM persons"), 0);
}
