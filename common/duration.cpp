#include "common/duration.h"

#include "common/input_error.h"

#include <charconv>
#include <cstdint>
#include <string>

namespace rollcall::common {

Millis parseDuration(std::string_view text, std::string_view what)
{
    auto fail = [&]() -> Millis {
        throw InputError(std::string(what) + ": \"" + std::string(text)
                         + "\" is not a duration; use e.g. 5m, 90s, 250ms, 1h or 1h30m");
    };
    if (text.empty()) return fail();
    std::int64_t total = 0;
    std::size_t pos = 0;
    bool any = false;
    while (pos < text.size()) {
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), value);
        if (ec != std::errc() || value < 0 || value > 1'000'000) return fail();
        pos = static_cast<std::size_t>(end - text.data());
        std::int64_t unit = 60'000; // a bare number is minutes
        if (pos < text.size()) {
            if (text.substr(pos, 2) == "ms") {
                unit = 1;
                ++pos;
            } else {
                switch (text[pos]) {
                case 's': unit = 1000; break;
                case 'm': unit = 60'000; break;
                case 'h': unit = 3'600'000; break;
                default: return fail();
                }
            }
            ++pos;
        } else if (any) {
            return fail(); // "1h30" is ambiguous
        }
        total += value * unit;
        any = true;
    }
    return Millis(total);
}

} // namespace rollcall::common
