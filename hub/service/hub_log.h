#pragma once
// The hub's log category ("hub"), looked up once: every thread of the hub
// writes through it (common/logging.h).

#include "common/logging.h"

#include <memory>

namespace rollcall::service {

[[nodiscard]] inline const std::shared_ptr<spdlog::logger>& hubLog()
{
    static const auto logger = common::namedLogger("hub");
    return logger;
}

} // namespace rollcall::service
