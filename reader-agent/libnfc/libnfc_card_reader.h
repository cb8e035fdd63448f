#pragma once
// LibnfcCardReader: a real reader through libnfc (PN532 on UART/I2C/SPI,
// ACR122U over USB, or the PN532 emulator on a pty), opened by connstring,
// never by scanning.
//
// Polls with InAutoPoll (nfc_initiator_poll_target, PollNr 1) so a poll is
// bounded; detects removal with nfc_initiator_target_is_present, falling back
// to a re-poll for type-A cards libnfc cannot check (NFC_EDEVNOTSUPP). Drives
// LEDs/buzzer on a PN532's GPIO with WriteGPIO through pn53x_transceive
// (exported by libnfc.so.6, not in its headers). libnfc 1.8.0 offers no way
// to send the ACR122U's LED/buzzer pseudo-APDU (see docs/agent.md).
// Errors: ReaderError with the libnfc code (NFC_E*).

#include "reader-agent/card_reader.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

struct nfc_context;
struct nfc_device;

namespace rollcall::agent {

struct LibnfcReaderOptions {
    std::string connstring;                    ///< e.g. "pn532_uart:/dev/ttyUSB0", "acr122_usb"
    std::chrono::milliseconds pollPeriod{150}; ///< InAutoPoll period (units of 150 ms, 1..15)
    bool indicator = true;                     ///< drive the PN532 GPIO for verdicts
    Pn532Wiring wiring;
};

class LibnfcCardReader final : public CardReader {
public:
    explicit LibnfcCardReader(LibnfcReaderOptions options);
    ~LibnfcCardReader() override;
    LibnfcCardReader(const LibnfcCardReader&) = delete;
    LibnfcCardReader& operator=(const LibnfcCardReader&) = delete;

    void open() override;
    void close() noexcept override;
    [[nodiscard]] bool isOpen() const noexcept override;
    [[nodiscard]] std::optional<CardUid> pollCard() override;
    [[nodiscard]] bool cardStillPresent() override;
    bool setIndicator(const IndicatorStep& step) override;
    void interrupt() noexcept override;
    [[nodiscard]] std::string name() const override;

    /// InAutoPoll "Period" byte for a poll period: round(ms / 150), clamped to 1..15.
    [[nodiscard]] static std::uint8_t pollPeriodUnits(std::chrono::milliseconds period) noexcept;

private:
    struct ContextCloser {
        void operator()(nfc_context* c) const noexcept;
    };
    struct DeviceCloser {
        void operator()(nfc_device* d) const noexcept;
    };
    enum class Chip { Pn532, Acr122, Other };

    [[noreturn]] void fail(int code, const std::string& what);
    /// One InAutoPoll; returns 1 with target_ set, 0 when none came, < 0 on error.
    int pollOnce();

    LibnfcReaderOptions options_;
    std::unique_ptr<nfc_context, ContextCloser> context_;
    std::unique_ptr<nfc_device, DeviceCloser> device_;
    mutable std::mutex deviceMutex_; // device_ lifetime vs interrupt() from another thread
    struct Target;
    std::unique_ptr<Target> target_;
    Chip chip_ = Chip::Other;
    std::string name_;
};

} // namespace rollcall::agent
