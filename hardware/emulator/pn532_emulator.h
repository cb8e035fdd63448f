#pragma once
// The PN532 emulator's pty transport: a pseudo-terminal the real libnfc
// pn532_uart driver opens, whose bytes are framed and handed to a Pn532Chip.

#include "hardware/emulator/pn532_card.h"
#include "hardware/emulator/pn532_chip.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace rollcall::emulator {

struct Pn532EmulatorOptions {
    /// Symlink created to point at the pty slave; libnfc opens "pn532_uart:<linkPath>".
    /// Must not contain ':' (libnfc splits connstrings on it).
    std::filesystem::path linkPath;
    /// Multiplies the chip's InAutoPoll period (PollNr x types x Period x 150 ms);
    /// below 1 makes "no card" answers come sooner in tests.
    double pollTimeScale = 1.0;
};

/// A PN532 on a pseudo-terminal, speaking HSU frames to the real libnfc pn532_uart driver.
///
/// The transport around a Pn532Chip, which interprets the commands. Owns
/// the pty (master and its own slave fd, kept open and raw), the link
/// symlink and a worker thread that frames bytes, drives the chip and writes
/// its answers; the time a tapped card leaves the field is kept here. Card
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

} // namespace rollcall::emulator
