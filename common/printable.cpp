#include "common/printable.h"

#include <cstdio>

namespace rollcall::common {

std::string printable(std::string_view value, std::size_t maxBytes)
{
    std::string out;
    for (std::size_t i = 0; i < value.size() && i < maxBytes; ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c < 0x20 || c == 0x7f) {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (value.size() > maxBytes) out += "…";
    return out;
}

} // namespace rollcall::common
