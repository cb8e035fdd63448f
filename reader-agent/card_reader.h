#pragma once
// CardReader: what the agent needs from an NFC reader, behind one small
// interface, so tests can run the agent without a reader: libnfc/ for real readers, fake/ for unit tests.
//
// Error policy: a device that fails (unplugged, I/O error, cannot be opened)
// throws ReaderError carrying the native (libnfc) code; routine outcomes ("no
// card came", "card still there") are return values. A CardReader is used
// from one thread (the ReaderPoller's) except interrupt(), which any thread
// may call.

#include "reader-agent/indication.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rollcall::agent {

class ReaderError : public std::runtime_error {
public:
    ReaderError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
    /// The native error code (a libnfc NFC_E* value), or 0 if there is none.
    [[nodiscard]] int code() const noexcept { return code_; }

private:
    int code_;
};

/// Raw UID bytes as the reader reports them (4, 7 or 10 bytes for ISO 14443-A).
using CardUid = std::vector<std::uint8_t>;

/// One NFC reader: open it, wait for a card, tell when the card has gone, show a verdict.
class CardReader {
public:
    virtual ~CardReader() = default;

    /// Opens the device. Throws ReaderError naming the device when it cannot be opened.
    virtual void open() = 0;
    /// Closes the device (also after a failure). Never throws; idempotent.
    virtual void close() noexcept = 0;
    [[nodiscard]] virtual bool isOpen() const noexcept = 0;

    /// Waits one poll cycle (bounded, about the configured poll period) for a card
    /// entering the field. Returns its UID, or nullopt when none came or the wait
    /// was interrupted. Throws ReaderError when the device fails.
    [[nodiscard]] virtual std::optional<CardUid> pollCard() = 0;

    /// Whether the card last returned by pollCard() is still in the field.
    /// Throws ReaderError when the device fails.
    [[nodiscard]] virtual bool cardStillPresent() = 0;

    /// Sets the reader's LEDs and buzzer to one step of an indication pattern
    /// (the ReaderPoller times the steps). Returns false when this reader has
    /// no indicator the agent can drive. Throws ReaderError on an I/O failure.
    virtual bool setIndicator(const IndicatorStep& step) = 0;

    /// Makes a pollCard() in progress on another thread return soon. Thread-safe;
    /// best effort (a real reader's poll may still run to its end).
    virtual void interrupt() noexcept = 0;

    /// Human-readable device name for logs ("pn532_uart:/dev/ttyUSB0 (PN532 v1.6)").
    [[nodiscard]] virtual std::string name() const = 0;
};

} // namespace rollcall::agent
