#include "hub/service/hub_status.h"

#include "common/fault_vfs.h"
#include "hub/service/key_directory.h"

#include <filesystem>
#include <sys/statvfs.h>

namespace rollcall::service {

std::vector<protocol::RejectionCount> rejectionCounts(const std::map<std::string, std::uint64_t>& byReason)
{
    std::vector<protocol::RejectionCount> out;
    for (const auto& [reason, n] : byReason) {
        if (out.size() == protocol::kMaxRejectionReasons) break; // far more than the hub has reasons
        out.push_back({reason, n});
    }
    return out;
}

std::optional<std::uint64_t> recordDiskFree(const std::string& dbPath)
{
    if (const auto injected = common::faultFreeBytes()) return *injected;
    auto dir = std::filesystem::path(dbPath).parent_path();
    if (dir.empty()) dir = ".";
    struct statvfs fs {};
    if (::statvfs(dir.c_str(), &fs) != 0) return std::nullopt;
    return static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
}

ChainTip chainTip(common::Database& db)
{
    static constexpr char kHex[] = "0123456789abcdef";
    auto s = db.prepare("SELECT pos, hash FROM record_chain ORDER BY pos DESC LIMIT 1");
    ChainTip tip{std::string(64, '0'), 0};
    if (!s.step()) return tip;
    tip.position = static_cast<std::uint64_t>(s.getInt(0));
    const auto bytes = s.getText(1);
    tip.hash.clear();
    for (const unsigned char c : bytes) {
        tip.hash += kHex[c >> 4];
        tip.hash += kHex[c & 0xf];
    }
    return tip;
}

bool mayAskForStatus(const std::string& userId, bool insecure)
{
    if (insecure) return true;
    const auto key = AllowedKey::fromUserId(userId);
    return key && key->role != KeyRole::Reader;
}

} // namespace rollcall::service
