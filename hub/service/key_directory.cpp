#include "hub/service/key_directory.h"

#include "common/input_error.h"
#include "protocol/curve_certificate.h"
#include "protocol/field_rules.h"

#include <algorithm>
#include <sys/stat.h>

namespace rollcall::service {

std::optional<KeyRole> keyRoleFromString(const std::string& s)
{
    if (s == "reader") return KeyRole::Reader;
    if (s == "viewer") return KeyRole::Viewer;
    if (s == "organizer") return KeyRole::Organizer;
    if (s == "office") return KeyRole::Office;
    return std::nullopt;
}

const char* toString(KeyRole role)
{
    switch (role) {
    case KeyRole::Reader: return "reader";
    case KeyRole::Viewer: return "viewer";
    case KeyRole::Organizer: return "organizer";
    case KeyRole::Office: return "office";
    }
    return "?";
}

// '/' is in no id ([A-Za-z0-9._:-]), and names and reader ids are ids, so the three parts split back.
std::string AllowedKey::userId() const { return std::string(toString(role)) + "/" + readerId + "/" + name; }

std::optional<AllowedKey> AllowedKey::fromUserId(const std::string& userId)
{
    const auto first = userId.find('/');
    const auto last = userId.rfind('/');
    if (first == std::string::npos || last == first) return std::nullopt;
    const auto role = keyRoleFromString(userId.substr(0, first));
    if (!role) return std::nullopt;
    return AllowedKey{userId.substr(last + 1), *role, userId.substr(first + 1, last - first - 1)};
}

KeyDirectory::KeyDirectory(std::filesystem::path dir) : dir_(std::move(dir)) { refresh(); }

std::string KeyDirectory::signature() const
{
    // Names, sizes and change times of every file: an edit, an addition, a
    // removal or a rename all change it.
    std::vector<std::string> parts;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        struct stat st {};
        if (::stat(it->path().c_str(), &st) != 0) continue;
        parts.push_back(it->path().filename().string() + "|" + std::to_string(st.st_size) + "|"
                        + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + "|"
                        + std::to_string(st.st_ctim.tv_sec) + "." + std::to_string(st.st_ctim.tv_nsec));
    }
    if (ec) return "unreadable: " + ec.message();
    std::sort(parts.begin(), parts.end());
    std::string s;
    for (const auto& p : parts) s += p + "\n";
    return s;
}

void KeyDirectory::refresh()
{
    auto now = signature();
    if (now == signature_ && !signature_.empty()) return;
    signature_ = std::move(now);
    reload();
}

void KeyDirectory::reload()
{
    std::map<std::string, AllowedKey> keys;
    std::vector<std::string> problems;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
        const auto path = it->path();
        if (path.extension() != ".key") continue; // secrets never belong here, and other files are not keys
        try {
            const auto cert = protocol::readCurveCertificate(path.string());
            const auto roleText = cert.meta("role");
            const auto role = keyRoleFromString(roleText);
            if (!role) {
                problems.push_back(path.string() + ": role \"" + roleText
                                   + "\" is not reader, viewer, organizer or office; not allowed");
                continue;
            }
            AllowedKey key{cert.meta("name"), *role, {}};
            if (key.name.empty()) key.name = path.stem().string();
            if (const auto bad = protocol::idRuleViolation(key.name)) {
                problems.push_back(path.string() + ": name \"" + key.name + "\": " + *bad + "; not allowed");
                continue;
            }
            if (*role == KeyRole::Reader) {
                key.readerId = cert.meta("reader");
                if (const auto bad = protocol::idRuleViolation(key.readerId)) {
                    problems.push_back(path.string() + ": reader \"" + key.readerId + "\": " + *bad + "; not allowed");
                    continue;
                }
            }
            keys[cert.publicKey] = std::move(key);
        } catch (const common::InputError& e) {
            problems.push_back(e.what());
        }
    }
    if (ec) problems.push_back(dir_.string() + ": cannot read the allowed-keys directory: " + ec.message());
    keys_ = std::move(keys);
    problems_ = std::move(problems);
    reloaded_ = true;
}

const AllowedKey* KeyDirectory::find(const std::string& publicKey) const
{
    const auto it = keys_.find(publicKey);
    return it == keys_.end() ? nullptr : &it->second;
}

} // namespace rollcall::service
