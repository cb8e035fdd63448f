#pragma once
// Persons' photos, kept in the record (so a backup carries them) for the
// venue screen to show as a person taps: the door staff see whether the badge
// is in the right hands (代签). One photo per person; a new one replaces it.
// Photos go to boards on request only (docs/protocol.md §5.11), never to readers.
#include "common/database.h"
#include "hub/core/time_util.h"
#include "protocol/messages.h"

#include <optional>
#include <string>
#include <string_view>

namespace rollcall::core {

inline constexpr std::size_t kMaxPhotoBytes = protocol::kMaxPhotoBytes;

struct PersonPhoto {
    std::string personId;
    std::string mime; // image/jpeg or image/png
    std::string data; // the file's bytes
    common::TimePoint setAt;
    std::string setBy;
};

/// "image/jpeg" or "image/png" by the file's signature, or nullopt.
[[nodiscard]] std::optional<std::string> photoMimeOf(std::string_view bytes);

/// Stores (or replaces) a person's photo. Throws InputError for an unknown
/// person, an empty or too large file, or one that is neither JPEG nor PNG.
void setPersonPhoto(common::Database& db, const PersonPhoto& photo);

/// The person's photo, if there is one.
[[nodiscard]] std::optional<PersonPhoto> personPhoto(common::Database& db, const std::string& personId);

} // namespace rollcall::core
