#include "hub/service/rejection_log.h"

#include "hub/service/hub_log.h"

namespace rollcall::service {

RejectionLog::RejectionLog(std::string area, std::size_t linesPerWindow, common::Millis window)
    : area_(std::move(area)), linesPerWindow_(linesPerWindow), window_(window)
{}

void RejectionLog::reject(const std::string& reason, const std::string& detail, common::TimePoint now)
{
    ++counts_[reason];
    auto& w = windows_[reason];
    if (now - w.start >= window_) {
        if (w.suppressed > 0) {
            hubLog()->warn("{}{} more {} rejection(s) not logged in the last window", area_.empty() ? "" : area_ + ": ",
                           w.suppressed, reason);
        }
        w = Window{now, 0, 0};
    }
    if (w.logged < linesPerWindow_) {
        ++w.logged;
        hubLog()->warn("{}: {}{}", area_, detail,
                       w.logged == linesPerWindow_ ? " (further such lines this minute are only counted)" : "");
        return;
    }
    ++w.suppressed;
}

std::string RejectionLog::summary() const
{
    std::string s;
    for (const auto& [reason, n] : counts_) s += (s.empty() ? "" : " ") + reason + "=" + std::to_string(n);
    return s.empty() ? "none" : s;
}

} // namespace rollcall::service
