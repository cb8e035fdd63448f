#pragma once
// The PN532's command interpreter: decoded HSU frames in, the chip's answer
// frames out. No file descriptors, no threads, no clock of its own, so the
// chip's behaviour is testable without a pty (tests/hardware/pn532_chip_test.cpp).

#include "hardware/emulator/pn532_card.h"
#include "hardware/emulator/pn532_frame_codec.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace rollcall::emulator {

/// What the chip has seen and said so far; tests wait on these instead of sleeping.
struct Pn532EmulatorCounters {
    std::uint64_t commands = 0;           ///< well-formed command frames acted on
    std::uint64_t autoPolls = 0;          ///< InAutoPoll commands received
    std::uint64_t listPassiveTargets = 0; ///< InListPassiveTarget commands received (incl. re-selects)
    std::uint64_t cardReports = 0;        ///< InAutoPoll / InListPassiveTarget (no UID) answers that reported a card
    std::uint64_t reselects = 0;    ///< InListPassiveTarget by UID that found the card (MIFARE Classic presence checks)
    std::uint64_t emptyReports = 0; ///< ... that reported no card
    std::uint64_t aborts = 0;       ///< pending commands dropped because the host sent ACK
    std::uint64_t badFrames = 0;    ///< frames ignored for a bad length or data checksum
    std::uint64_t unknownCommands = 0; ///< commands answered with the error frame
    std::uint64_t gpioWrites = 0;      ///< WriteGPIO commands (or writes to the P3/P7 SFRs)
};

/// GPIO port bytes as the host wrote them (bit 7 = "apply this port").
struct Pn532Gpio {
    std::uint8_t p3 = 0;
    std::uint8_t p7 = 0;
    friend bool operator==(const Pn532Gpio&, const Pn532Gpio&) = default;
};

/// A PN532's command interpreter and state, driven by decoded frames and the time.
///
/// Every call returns the frames the chip puts on the line, in order (an ACK
/// and then the answer, each a complete HSU frame); the caller writes them.
/// Commands that wait for a card (InAutoPoll, InListPassiveTarget with
/// infinite retries) are held until service() finds a card in the field or
/// the poll period runs out. Untrusted input never throws: malformed and
/// unknown commands get the chip's error frame.
class Pn532Chip {
public:
    using Clock = std::chrono::steady_clock;
    using Bytes = std::vector<std::uint8_t>;
    using Frames = std::vector<Bytes>;

    /// `pollTimeScale` multiplies InAutoPoll's PollNr x types x Period x 150 ms.
    explicit Pn532Chip(double pollTimeScale = 1.0);

    /// Acts on one event of the frame decoder at `now`.
    [[nodiscard]] Frames onEvent(const Pn532FrameCodec::Event& event, Clock::time_point now);
    /// Acts on one command frame (TFI D4 stripped: command code + parameters).
    [[nodiscard]] Frames onCommand(std::span<const std::uint8_t> payload, Clock::time_point now);
    /// Answers a held command whose card has come or whose poll period has run out.
    [[nodiscard]] Frames service(Clock::time_point now);
    /// When service() must run at the latest (a held InAutoPoll's end); nullopt if no deadline.
    [[nodiscard]] std::optional<Clock::time_point> deadline() const;

    /// Puts a card in the field, or takes it away (nullopt); call service() after.
    void setCard(std::optional<Pn532Card> card);
    [[nodiscard]] const std::optional<Pn532Card>& card() const noexcept { return card_; }

    [[nodiscard]] const Pn532EmulatorCounters& counters() const noexcept { return counters_; }
    /// Last WriteGPIO (or P3/P7 register write) from the host; nullopt if none yet.
    [[nodiscard]] const std::optional<Pn532Gpio>& lastGpioWrite() const noexcept { return lastGpio_; }
    /// The command code held until a card comes (or its poll period ends); nullopt if none.
    [[nodiscard]] std::optional<std::uint8_t> pendingCommand() const;
    /// UID of the activated target (Tg 1), if any.
    [[nodiscard]] const std::optional<Bytes>& selectedUid() const noexcept { return selectedUid_; }
    [[nodiscard]] bool fieldOn() const noexcept { return fieldOn_; }

private:
    // A command the chip keeps working on until a card shows up (or its own
    // poll period runs out). Only commands for which libnfc waits without a
    // timeout are ever held, so a late answer cannot happen: the host either
    // gets the answer or aborts (ACK), which drops it.
    struct Pending {
        std::uint8_t command = 0;
        Bytes types;                               // InAutoPoll target types in order
        std::optional<Clock::time_point> deadline; // InAutoPoll: answer "none" then
    };

    void reply(Frames& out, std::uint8_t command, std::span<const std::uint8_t> data);
    void replyError(Frames& out);
    [[nodiscard]] bool selectedPresent() const { return selectedUid_ && card_ && card_->uid() == *selectedUid_; }
    void reportCard(Frames& out, std::uint8_t command, std::uint8_t type, bool withAts, bool reselect = false);

    void diagnose(Frames& out, std::span<const std::uint8_t> p);
    void readRegister(Frames& out, std::span<const std::uint8_t> p);
    void writeRegister(Frames& out, std::span<const std::uint8_t> p);
    void writeGpio(Frames& out, std::span<const std::uint8_t> p);
    void rfConfiguration(Frames& out, std::span<const std::uint8_t> p);
    void exchange(Frames& out, std::span<const std::uint8_t> p);
    void listPassiveTarget(Frames& out, std::span<const std::uint8_t> p);
    void autoPoll(Frames& out, std::span<const std::uint8_t> p, Clock::time_point now);
    void serviceInto(Frames& out, Clock::time_point now);
    [[nodiscard]] std::optional<std::uint8_t> matchAutoPollType(const Bytes& types) const;

    double pollTimeScale_;
    Pn532EmulatorCounters counters_;
    std::optional<Pn532Gpio> lastGpio_;
    std::optional<Pn532Card> card_;
    std::optional<Pending> pending_;
    std::optional<Bytes> selectedUid_; // the activated target (Tg 1)
    std::optional<Bytes> knownUid_;    // last reported target, for InSelect
    Bytes lastReply_;
    std::uint8_t parameters_ = 0;
    std::uint8_t maxRetriesPassive_ = 0xFF; // power-on default: infinite
    bool fieldOn_ = false;
    std::uint8_t p3_ = 0x3F; // pull-ups: pins read high at power-on
    std::uint8_t p7_ = 0x06;
    std::map<std::uint16_t, std::uint8_t> registers_;
};

} // namespace rollcall::emulator
