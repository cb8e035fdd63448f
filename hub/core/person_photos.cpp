#include "hub/core/person_photos.h"

#include "common/input_error.h"

namespace rollcall::core {

std::optional<std::string> photoMimeOf(std::string_view bytes)
{
    if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3)) return "image/jpeg";
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return "image/png";
    return std::nullopt;
}

void setPersonPhoto(common::Database& db, const PersonPhoto& photo)
{
    auto exists = db.prepare("SELECT 1 FROM persons WHERE id = ?");
    exists.bind(1, photo.personId);
    if (!exists.step()) throw common::InputError("person \"" + photo.personId + "\" does not exist");
    if (photo.data.empty()) throw common::InputError("the photo is empty");
    if (photo.data.size() > kMaxPhotoBytes) {
        throw common::InputError("the photo is " + std::to_string(photo.data.size()) + " bytes, at most "
                                 + std::to_string(kMaxPhotoBytes) + " (256 KiB) allowed");
    }
    const auto mime = photoMimeOf(photo.data);
    if (!mime) throw common::InputError("the photo is neither a JPEG nor a PNG image");
    if (photo.setBy.empty()) throw common::InputError("a photo needs the operator who set it");
    // Bound as text, stored as the blob of the same bytes.
    db.prepare("INSERT OR REPLACE INTO person_photos(person_id, mime, data, set_ms, set_by) "
               "VALUES (?, ?, CAST(? AS BLOB), ?, ?)")
        .bind(1, photo.personId)
        .bind(2, *mime)
        .bind(3, photo.data)
        .bind(4, common::toMillis(photo.setAt))
        .bind(5, photo.setBy)
        .run();
}

std::optional<PersonPhoto> personPhoto(common::Database& db, const std::string& personId)
{
    auto s = db.prepare("SELECT mime, data, set_ms, set_by FROM person_photos WHERE person_id = ?");
    s.bind(1, personId);
    if (!s.step()) return std::nullopt;
    return PersonPhoto{personId, s.getText(0), s.getText(1), common::fromMillis(s.getInt(2)), s.getText(3)};
}

} // namespace rollcall::core
