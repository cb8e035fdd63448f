#pragma once

#include "Pn532Card.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace rollcall::hardware {

struct Pn532EmulatorOptions {
    /// Symlink created to point at the pty slave; libnfc opens "pn532_uart:<linkPath>".
    /// Must not contain ':' (libnfc splits connstrings on it).
    std::filesystem::path linkPath;
    /// Multiplies the chip's InAutoPoll period (PollNr x types x Period x 150 ms);
    /// below 1 makes "no card" answers come sooner in tests.
    double pollTimeScale = 1.0;
};

/// What the chip has seen and said so far; tests wait on these instead of sleeping.
struct Pn532EmulatorCounters {
    std::uint64_t commands = 0;           ///< well-formed command frames acted on
    std::uint64_t autoPolls = 0;          ///< InAutoPoll commands received
    std::uint64_t listPassiveTargets = 0; ///< InListPassiveTarget commands received (incl. re-selects)
    std::uint64_t cardReports = 0;        ///< InAutoPoll / InListPassiveTarget (no UID) answers that reported a card
    std::uint64_t reselects = 0;          ///< InListPassiveTarget by UID that found the card (MIFARE Classic presence checks)
    std::uint64_t emptyReports = 0;       ///< ... that reported no card
    std::uint64_t aborts = 0;             ///< pending commands dropped because the host sent ACK
    std::uint64_t badFrames = 0;          ///< frames ignored for a bad length or data checksum
    std::uint64_t unknownCommands = 0;    ///< commands answered with the error frame
    std::uint64_t gpioWrites = 0;         ///< WriteGPIO commands (or writes to the P3/P7 SFRs)
};

/// GPIO port bytes as the host wrote them (bit 7 = "apply this port").
struct Pn532Gpio {
    std::uint8_t p3 = 0;
    std::uint8_t p7 = 0;
    friend bool operator==(const Pn532Gpio&, const Pn532Gpio&) = default;
};

/// A PN532 on a pseudo-terminal, speaking HSU frames to the real libnfc pn532_uart driver.
///
/// Owns the pty (master and its own slave fd, kept open and raw), the link
/// symlink and a worker thread that parses frames and replies. Card
/// placement methods are thread-safe and take effect at once: a pending
/// InAutoPoll is answered as soon as a card arrives. start() throws
/// std::system_error when the pty or link cannot be made; nothing else throws
/// except on invalid arguments (std::invalid_argument).
class Pn532Emulator {
public:
    explicit Pn532Emulator(Pn532EmulatorOptions options);
    ~Pn532Emulator();
    Pn532Emulator(const Pn532Emulator&) = delete;
    Pn532Emulator& operator=(const Pn532Emulator&) = delete;
    Pn532Emulator(Pn532Emulator&&) = delete;
    Pn532Emulator& operator=(Pn532Emulator&&) = delete;

    /// Creates the pty, points the link at it and starts the worker thread.
    void start();
    /// Stops the worker, closes the pty and removes the link. Idempotent.
    void stop() noexcept;

    [[nodiscard]] const std::filesystem::path& linkPath() const noexcept;
    /// The pty slave the link points at (/dev/pts/N); empty before start().
    [[nodiscard]] std::string slavePath() const;

    /// Puts `card` in the field until remove() or another card replaces it.
    void present(const Pn532Card& card);
    /// Puts `card` in the field for `duration`, then takes it away.
    void tap(const Pn532Card& card, std::chrono::milliseconds duration = std::chrono::milliseconds(300));
    /// Takes any card out of the field; a selected target is then gone.
    void remove();

    [[nodiscard]] std::optional<Pn532Card> card() const;
    [[nodiscard]] Pn532EmulatorCounters counters() const;
    /// Last WriteGPIO (or P3/P7 register write) from the host; nullopt if none yet.
    [[nodiscard]] std::optional<Pn532Gpio> lastGpioWrite() const;

    /// Blocks until `predicate(counters)` holds or `timeout` passes; returns whether it held.
    [[nodiscard]] bool waitFor(const std::function<bool(const Pn532EmulatorCounters&)>& predicate,
                               std::chrono::milliseconds timeout) const;
    [[nodiscard]] bool waitForCardReports(std::uint64_t atLeast, std::chrono::milliseconds timeout) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace rollcall::hardware
