#include "reader-agent/indication.h"

#include <algorithm>
#include <cctype>

namespace rollcall::agent {

using namespace std::chrono_literals;
using protocol::Verdict;

Signal signalFor(Verdict verdict) noexcept
{
    switch (verdict) {
    case Verdict::Present:
    case Verdict::CheckedOut: return Signal::Accepted;
    case Verdict::Late: return Signal::Late;
    case Verdict::WalkIn:
    case Verdict::Duplicate:
    case Verdict::NotInWindow: return Signal::Notice;
    case Verdict::UnknownBadge:
    case Verdict::RevokedBadge:
    case Verdict::UnknownReader: return Signal::Rejected;
    }
    return Signal::Rejected;
}

Signal signalFor(const protocol::Ack& ack) noexcept
{
    if (ack.verdict == Verdict::CheckedOut && ack.early_minutes.value_or(0) > 0) return Signal::Notice;
    return signalFor(ack.verdict);
}

std::string_view to_string(Signal signal) noexcept
{
    switch (signal) {
    case Signal::Accepted: return "accepted";
    case Signal::Late: return "late";
    case Signal::Notice: return "notice";
    case Signal::Rejected: return "rejected";
    case Signal::Offline: return "offline";
    }
    return "?";
}

std::vector<IndicatorStep> patternFor(const Indication& indication)
{
    const bool g = true;
    const bool r = true;
    std::vector<IndicatorStep> steps;
    switch (indication.signal) {
    case Signal::Accepted: steps = {{g, false, true, 150ms}, {g, false, false, 0ms}}; break;
    case Signal::Late:
        steps = {{g, false, true, 120ms}, {g, false, false, 120ms}, {g, false, true, 120ms}, {g, false, false, 0ms}};
        break;
    case Signal::Notice: steps = {{g, r, true, 150ms}, {g, r, false, 0ms}}; break;
    case Signal::Rejected:
        steps = {{false, r, true, 100ms},  {false, r, false, 100ms}, {false, r, true, 100ms},
                 {false, r, false, 100ms}, {false, r, true, 100ms},  {false, r, false, 0ms}};
        break;
    case Signal::Offline:
        steps = {{g, r, true, 150ms},
                 {false, false, false, 150ms},
                 {g, r, true, 150ms},
                 {false, false, false, 150ms},
                 {g, r, false, 0ms}};
        break;
    }
    std::chrono::milliseconds used{0};
    for (auto& s : steps) {
        if (!indication.led) s.green = s.red = false;
        if (!indication.buzzer) s.buzzer = false;
        used += s.duration;
    }
    // The last step holds the verdict colour for the rest of the duration.
    steps.back().duration = std::max(std::chrono::milliseconds(0), indication.duration - used);
    steps.push_back({false, false, false, 0ms});
    return steps;
}

std::optional<Pn532Pin> parsePn532Pin(std::string_view text)
{
    if (text.size() != 3 || std::toupper(static_cast<unsigned char>(text[0])) != 'P') return std::nullopt;
    const int port = text[1] - '0';
    const int bit = text[2] - '0';
    if (port == 3 && bit >= 0 && bit <= 5) return Pn532Pin{3, bit};
    if (port == 7 && (bit == 1 || bit == 2)) return Pn532Pin{7, bit};
    return std::nullopt;
}

std::string to_string(Pn532Pin pin) { return "P" + std::to_string(pin.port) + std::to_string(pin.bit); }

std::array<std::uint8_t, 3> pn532WriteGpio(const IndicatorStep& step, const Pn532Wiring& wiring)
{
    std::uint8_t p3 = 0;
    std::uint8_t p7 = 0;
    const auto set = [&](const Pn532Pin& pin, bool on) {
        if (!on) return;
        (pin.port == 3 ? p3 : p7) |= static_cast<std::uint8_t>(1u << pin.bit);
    };
    set(wiring.green, step.green);
    set(wiring.red, step.red);
    set(wiring.buzzer, step.buzzer);
    return {0x0E, static_cast<std::uint8_t>(0x80 | p3), static_cast<std::uint8_t>(0x80 | p7)};
}

std::array<std::uint8_t, 9> acr122uLedBuzzerApdu(const Indication& indication)
{
    // LED state control (P2): bit0/1 final red/green, bit2/3 red/green update
    // mask, bit4/5 initial red/green blink state, bit6/7 red/green blink mask.
    constexpr std::uint8_t kGreenBlink = 0x80 | 0x20; // blink green, starting on
    constexpr std::uint8_t kRedBlink = 0x40 | 0x10;
    constexpr std::uint8_t kBothMasks = 0x0C; // final state: both off
    std::uint8_t p2 = 0;
    std::uint8_t t1 = 1;
    std::uint8_t t2 = 1;
    std::uint8_t repeat = 1;
    switch (indication.signal) {
    case Signal::Accepted:
        p2 = kGreenBlink | kBothMasks;
        t1 = 5;
        t2 = 1;
        repeat = 1;
        break;
    case Signal::Late:
        p2 = kGreenBlink | kBothMasks;
        t1 = 2;
        t2 = 1;
        repeat = 2;
        break;
    case Signal::Notice:
        p2 = kGreenBlink | kRedBlink | kBothMasks;
        t1 = 5;
        t2 = 1;
        repeat = 1;
        break;
    case Signal::Rejected:
        p2 = kRedBlink | kBothMasks;
        t1 = 2;
        t2 = 1;
        repeat = 3;
        break;
    case Signal::Offline:
        p2 = kGreenBlink | kRedBlink | kBothMasks;
        t1 = 2;
        t2 = 2;
        repeat = 2;
        break;
    }
    if (!indication.led) p2 = 0;                                 // no LED change
    const std::uint8_t buzzer = indication.buzzer ? 0x01 : 0x00; // 01: buzz during T1
    return {0xFF, 0x00, 0x40, p2, 0x04, t1, t2, repeat, buzzer};
}

} // namespace rollcall::agent
