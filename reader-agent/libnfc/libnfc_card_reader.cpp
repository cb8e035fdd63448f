#include "reader-agent/libnfc/libnfc_card_reader.h"

#include "common/logging.h"

#include <algorithm>
#include <cmath>
#include <nfc/nfc.h>

// Exported by libnfc.so.6 but not declared in its public headers: sends one
// PN53x command (without the D4 TFI) and returns the reply length or NFC_E*.
// timeout -1 = the chip's default command timeout.
extern "C" int pn53x_transceive(struct nfc_device* pnd, const uint8_t* pbtTx, const size_t szTx, uint8_t* pbtRx,
                                const size_t szRxLen, int timeout);

namespace rollcall::agent {

struct LibnfcCardReader::Target {
    nfc_target target{};
};

void LibnfcCardReader::ContextCloser::operator()(nfc_context* c) const noexcept { nfc_exit(c); }
void LibnfcCardReader::DeviceCloser::operator()(nfc_device* d) const noexcept { nfc_close(d); }

LibnfcCardReader::LibnfcCardReader(LibnfcReaderOptions options)
    : options_(std::move(options)), target_(std::make_unique<Target>())
{}

LibnfcCardReader::~LibnfcCardReader() { close(); }

std::uint8_t LibnfcCardReader::pollPeriodUnits(std::chrono::milliseconds period) noexcept
{
    const auto units = std::lround(static_cast<double>(period.count()) / 150.0);
    return static_cast<std::uint8_t>(std::clamp<long>(units, 1, 15));
}

void LibnfcCardReader::fail(int code, const std::string& what)
{
    std::string message = options_.connstring + ": " + what;
    if (code < 0) message += std::string(" (") + nfc_strerror(device_.get()) + ", " + std::to_string(code) + ")";
    throw ReaderError(code, message);
}

void LibnfcCardReader::open()
{
    close();
    nfc_context* context = nullptr;
    nfc_init(&context);
    if (!context) throw ReaderError(NFC_ESOFT, "nfc_init failed (out of memory?)");
    std::unique_ptr<nfc_context, ContextCloser> ownedContext(context);
    nfc_device* device = nfc_open(context, options_.connstring.c_str());
    if (!device) throw ReaderError(NFC_ENOTSUCHDEV, "cannot open NFC reader " + options_.connstring);
    std::unique_ptr<nfc_device, DeviceCloser> ownedDevice(device);
    if (const int rc = nfc_initiator_init(device); rc < 0) {
        throw ReaderError(rc, options_.connstring + ": nfc_initiator_init failed (" + nfc_strerror(device) + ")");
    }
    const std::string deviceName = nfc_device_get_name(device);
    const std::string connstring = nfc_device_get_connstring(device);
    if (connstring.rfind("acr122", 0) == 0 || deviceName.find("ACR122") != std::string::npos) {
        chip_ = Chip::Acr122;
    } else if (connstring.rfind("pn532", 0) == 0) {
        chip_ = Chip::Pn532;
    } else {
        chip_ = Chip::Other;
    }
    {
        std::lock_guard lock(deviceMutex_);
        context_ = std::move(ownedContext);
        device_ = std::move(ownedDevice);
    }
    name_ = deviceName == connstring ? connstring : connstring + " (" + deviceName + ")";
}

void LibnfcCardReader::close() noexcept
{
    std::lock_guard lock(deviceMutex_);
    device_.reset(); // nfc_close: InRelease, RF off, PowerDown; harmless on a dead line
    context_.reset();
}

bool LibnfcCardReader::isOpen() const noexcept
{
    std::lock_guard lock(deviceMutex_);
    return device_ != nullptr;
}

std::string LibnfcCardReader::name() const { return name_.empty() ? options_.connstring : name_; }

int LibnfcCardReader::pollOnce()
{
    const nfc_modulation modulation{NMT_ISO14443A, NBR_106};
    // PollNr 1 keeps every call bounded (2 types x Period x 150 ms when the
    // field is empty), so stop requests and indications are served between polls.
    return nfc_initiator_poll_target(device_.get(), &modulation, 1, 1, pollPeriodUnits(options_.pollPeriod),
                                     &target_->target);
}

std::optional<CardUid> LibnfcCardReader::pollCard()
{
    const int rc = pollOnce();
    if (rc > 0) {
        const auto& nai = target_->target.nti.nai;
        // libnfc's target structs are packed: copy the length out rather than
        // bind std::min's reference to a misaligned size_t (UBSan finding).
        const std::size_t uidLen = nai.szUidLen;
        return CardUid(nai.abtUid, nai.abtUid + std::min<std::size_t>(uidLen, sizeof nai.abtUid));
    }
    if (rc == 0 || rc == NFC_ETIMEOUT || rc == NFC_EOPABORTED) return std::nullopt;
    fail(rc, "polling for cards failed");
}

bool LibnfcCardReader::cardStillPresent()
{
    const int rc = nfc_initiator_target_is_present(device_.get(), &target_->target);
    if (rc == NFC_SUCCESS) return true;
    if (rc == NFC_EDEVNOTSUPP) {
        // libnfc knows no presence check for this type-A card (e.g. SAK 00
        // with a 4-byte UID): poll again and compare the UID.
        const auto before = target_->target.nti.nai;
        const int again = pollOnce();
        if (again < 0 && again != NFC_ETIMEOUT && again != NFC_EOPABORTED) fail(again, "re-polling a card failed");
        if (again <= 0) return false;
        const auto& now = target_->target.nti.nai;
        return now.szUidLen == before.szUidLen && std::equal(now.abtUid, now.abtUid + now.szUidLen, before.abtUid);
    }
    // A card leaving mid-check shows up as an RF or chip error, not a device failure.
    if (rc == NFC_ETGRELEASED || rc == NFC_ERFTRANS || rc == NFC_ECHIP || rc == NFC_ETIMEOUT || rc == NFC_EMFCAUTHFAIL
        || rc == NFC_EOPABORTED) {
        return false;
    }
    fail(rc, "checking whether the card is still present failed");
}

bool LibnfcCardReader::setIndicator(const IndicatorStep& step)
{
    if (!options_.indicator || chip_ != Chip::Pn532) return false;
    const auto command = pn532WriteGpio(step, options_.wiring);
    std::uint8_t reply[8];
    const int rc = pn53x_transceive(device_.get(), command.data(), command.size(), reply, sizeof reply, -1);
    if (rc < 0) fail(rc, "WriteGPIO failed");
    return true;
}

void LibnfcCardReader::interrupt() noexcept
{
    // nfc_abort_command is lost if the driver is not yet waiting (hardware/README.md):
    // the poll is bounded anyway, this only shortens it. Each call costs libnfc
    // a pipe, so it is used for stopping only.
    std::lock_guard lock(deviceMutex_);
    if (device_) (void)nfc_abort_command(device_.get());
}

} // namespace rollcall::agent
