#pragma once
// What a reader shows for a verdict: the signal per hub verdict, the LED and
// buzzer pattern of each signal, and how that pattern is written to a PN532's
// GPIO pins or put in an ACR122U LED/buzzer pseudo-APDU. Pure values; nothing
// here touches a device. Mapping documented in docs/agent.md.

#include "protocol/messages.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollcall::agent {

/// The few things an attendee must tell apart at a glance.
enum class Signal {
    Accepted, ///< present, checked_out: green, one short beep
    Late,     ///< late: green, two short beeps
    Notice,   ///< walk_in, duplicate, not_in_window: amber (red + green), one beep
    Rejected, ///< unknown_badge, revoked_badge, unknown_reader: red, three beeps
    Offline,  ///< hub unreachable, tap saved and will be sent: amber blinking, two beeps
};

[[nodiscard]] Signal signalFor(protocol::Verdict verdict) noexcept;
/// The signal for an ack: its verdict's, except that leaving early (checked_out
/// with early_minutes) is a notice (amber), not a green acceptance.
[[nodiscard]] Signal signalFor(const protocol::Ack& ack) noexcept;
/// "accepted", "late", "notice", "rejected", "offline".
[[nodiscard]] std::string_view to_string(Signal signal) noexcept;

/// One step of a pattern: which outputs are on, for how long.
struct IndicatorStep {
    bool green = false;
    bool red = false;
    bool buzzer = false;
    std::chrono::milliseconds duration{0};
    bool operator==(const IndicatorStep&) const = default;
};

/// A signal as a request to a reader: what to show, and which outputs may be used.
struct Indication {
    Signal signal = Signal::Accepted;
    bool led = true;
    bool buzzer = true;
    /// Total time the pattern lasts; the last step is stretched to fill it.
    std::chrono::milliseconds duration{1000};
    bool operator==(const Indication&) const = default;
};

/// The steps of an indication, ending with everything off. LED/buzzer
/// outputs that are disabled in `indication` stay off.
[[nodiscard]] std::vector<IndicatorStep> patternFor(const Indication& indication);

// ---------------------------------------------------------------- PN532 GPIO

/// A PN532 GPIO pin: port 3 (P30..P35) or port 7 (P71, P72).
struct Pn532Pin {
    int port = 7;
    int bit = 1;
    bool operator==(const Pn532Pin&) const = default;
};

/// Parses "P30".."P35", "P71", "P72" (case-insensitive); nullopt otherwise.
[[nodiscard]] std::optional<Pn532Pin> parsePn532Pin(std::string_view text);
[[nodiscard]] std::string to_string(Pn532Pin pin);

/// Which PN532 pins drive the green LED, the red LED and the buzzer (active high).
struct Pn532Wiring {
    Pn532Pin green{7, 1};
    Pn532Pin red{7, 2};
    Pn532Pin buzzer{3, 5};
    bool operator==(const Pn532Wiring&) const = default;
};

/// The PN532 WriteGPIO command for one step: {0x0E, 0x80 | P3, 0x80 | P7}
/// (bit 7 = "apply this port").
[[nodiscard]] std::array<std::uint8_t, 3> pn532WriteGpio(const IndicatorStep& step, const Pn532Wiring& wiring);

// ---------------------------------------------------------------- ACR122U

/// The ACR122U "bi-color LED and buzzer control" pseudo-APDU for a signal:
/// FF 00 40 <LED state control> 04 <T1> <T2> <repetitions> <buzzer link>
/// (ACR122U API v2.04 §6.2; T1/T2 in units of 100 ms). The reader times the
/// pattern itself, so it is one command.
[[nodiscard]] std::array<std::uint8_t, 9> acr122uLedBuzzerApdu(const Indication& indication);

} // namespace rollcall::agent
