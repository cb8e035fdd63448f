#pragma once
// The hub's allowed-keys directory ([security] keys_dir): one ZeroMQ public
// certificate (NAME.key, as `rollcallctl key allow` puts it there) per client,
// whose metadata says its role (reader, viewer, organizer, office) and, for a
// reader, the one reader id it may speak for. Re-read whenever a file in it
// changes, so a key allowed or revoked counts from its next connection,
// without a restart.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rollcall::service {

enum class KeyRole { Reader, Viewer, Organizer, Office };

[[nodiscard]] std::optional<KeyRole> keyRoleFromString(const std::string& s);
[[nodiscard]] const char* toString(KeyRole role);

/// One allowed client key.
struct AllowedKey {
    std::string name;
    KeyRole role = KeyRole::Viewer;
    std::string readerId; // set for a reader key only

    /// "ROLE/READER/NAME", the ZAP user id the socket thread reads per message.
    [[nodiscard]] std::string userId() const;
    /// The reverse of userId(); nullopt for an empty or foreign user id.
    [[nodiscard]] static std::optional<AllowedKey> fromUserId(const std::string& userId);

    bool operator==(const AllowedKey&) const = default;
};

class KeyDirectory {
public:
    explicit KeyDirectory(std::filesystem::path dir);

    /// Re-reads the directory if any file in it was added, removed or changed
    /// since the last read. Unusable files are skipped; what was wrong is in
    /// problems() (the caller logs it).
    void refresh();

    /// The key allowed with Z85 public key `publicKey`, or nullptr.
    [[nodiscard]] const AllowedKey* find(const std::string& publicKey) const;
    [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }
    /// What the last reload skipped and why (one line per file); empty if nothing.
    [[nodiscard]] const std::vector<std::string>& problems() const noexcept { return problems_; }
    /// True once after a reload (for a log line saying how many keys are allowed).
    [[nodiscard]] bool takeReloaded() noexcept { return std::exchange(reloaded_, false); }

private:
    [[nodiscard]] std::string signature() const;
    void reload();

    std::filesystem::path dir_;
    std::string signature_;
    std::map<std::string, AllowedKey> keys_; // by Z85 public key
    std::vector<std::string> problems_;
    bool reloaded_ = false;
};

} // namespace rollcall::service
