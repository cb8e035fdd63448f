#include "hub/ctl/photo_import.h"

#include "common/input_error.h"
#include "hub/core/person_photos.h"
#include "hub/ctl/wire_fields.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace rollcall::ctl {
namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

PhotoImportResult importPhotos(common::Database& db, const std::string& dir, const std::string& author,
                               common::TimePoint now)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw common::InputError("--photos " + dir + ": is not a directory");
    std::map<std::string, fs::path> files; // by file name, so the order (and the first error) is stable
    for (const auto& entry : fs::directory_iterator(dir, ec))
        files.emplace(entry.path().filename().string(), entry.path());
    if (ec) throw common::InputError("--photos " + dir + ": " + ec.message());

    PhotoImportResult result;
    std::map<std::string, std::string> seen; // person id -> file
    for (const auto& [name, path] : files) {
        if (name.front() == '.') continue; // .DS_Store and the like
        const std::string where = path.string() + ": ";
        if (!fs::is_regular_file(path, ec))
            throw common::InputError(where + "is not a file (name photos PERSON_ID.jpg, .jpeg or .png)");
        const auto ext = lower(path.extension().string());
        const std::string expectedMime = ext == ".png" ? "image/png" : "image/jpeg";
        if (ext != ".jpg" && ext != ".jpeg" && ext != ".png")
            throw common::InputError(where + "is not named PERSON_ID.jpg, .jpeg or .png");
        const auto personId = path.stem().string();
        if (const auto problem = wireIdProblem(personId))
            throw common::InputError(where + "the person id \"" + personId + "\" " + *problem);
        if (const auto it = seen.find(personId); it != seen.end())
            throw common::InputError(where + "a second photo of person \"" + personId + "\" (also " + it->second + ")");
        seen.emplace(personId, name);
        if (fs::file_size(path, ec) > core::kMaxPhotoBytes) {
            throw common::InputError(where + "is " + std::to_string(fs::file_size(path, ec)) + " bytes, at most "
                                     + std::to_string(core::kMaxPhotoBytes) + " (256 KiB) allowed");
        }
        std::ifstream in(path, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in.good() && !in.eof()) throw common::InputError(where + "cannot be read");
        core::PersonPhoto photo{personId, expectedMime, bytes.str(), now, author};
        const auto mime = core::photoMimeOf(photo.data);
        if (mime && *mime != expectedMime) {
            throw common::InputError(where + "is a " + (*mime == "image/png" ? "PNG" : "JPEG") + " image named " + ext);
        }
        const bool had = core::personPhoto(db, personId).has_value();
        try {
            core::setPersonPhoto(db, photo);
        } catch (const common::InputError& e) {
            throw common::InputError(where + e.what());
        }
        ++result.photos;
        if (had) ++result.replaced;
    }
    return result;
}

} // namespace rollcall::ctl
