#include "Pn532Emulator.h"

#include "Pn532FrameCodec.h"
#include "Pn532Log.h"

#include <spdlog/fmt/bin_to_hex.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <termios.h>
#include <unistd.h>

namespace rollcall::hardware {

namespace {

using Clock = std::chrono::steady_clock;
using Bytes = std::vector<std::uint8_t>;

// PN532 command codes (user manual UM0701-02 §7).
enum Command : std::uint8_t {
    Diagnose = 0x00,
    GetFirmwareVersion = 0x02,
    GetGeneralStatus = 0x04,
    ReadRegister = 0x06,
    WriteRegister = 0x08,
    ReadGPIO = 0x0C,
    WriteGPIO = 0x0E,
    SetSerialBaudRate = 0x10,
    SetParameters = 0x12,
    SAMConfiguration = 0x14,
    PowerDown = 0x16,
    RFConfiguration = 0x32,
    InDataExchange = 0x40,
    InCommunicateThru = 0x42,
    InDeselect = 0x44,
    InListPassiveTarget = 0x4A,
    InRelease = 0x52,
    InSelect = 0x54,
    InAutoPoll = 0x60,
};

// Status bytes (UM0701-02 §7.1). Bit 7 must never be set: libnfc abort()s on it.
constexpr std::uint8_t kStatusOk = 0x00;
constexpr std::uint8_t kStatusTimeout = 0x01;       // target did not answer
constexpr std::uint8_t kStatusWrongContext = 0x27;  // e.g. no target selected

constexpr std::uint16_t kRegP3 = 0xFFB0;
constexpr std::uint16_t kRegP7 = 0xFFF7;
constexpr std::uint8_t kParamAutoRats = 0x10;
constexpr std::uint8_t kInfiniteRetries = 0xFF;
constexpr std::uint8_t kPollForever = 0xFF;

// InAutoPoll target types that a 106 kbps type A card can answer (UM0701-02 §7.3.13).
constexpr std::uint8_t kTypeGeneric106A = 0x00;
constexpr std::uint8_t kTypeMifare = 0x10;
constexpr std::uint8_t kTypeIso14443_4A = 0x20;

/// Closes a file descriptor on scope exit; -1 means "none".
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept
    {
        if (this != &other) {
            reset(std::exchange(other.fd_, -1));
        }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;
    [[nodiscard]] int get() const noexcept { return fd_; }
    void reset(int fd = -1) noexcept
    {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = fd;
    }

private:
    int fd_ = -1;
};

[[noreturn]] void throwErrno(const std::string& what)
{
    throw std::system_error(errno, std::generic_category(), what);
}

} // namespace

struct Pn532Emulator::Impl {
    explicit Impl(Pn532EmulatorOptions o) : options(std::move(o)) {}

    // A command the chip keeps working on until a card shows up (or its own
    // poll period runs out). Only commands for which libnfc waits without a
    // timeout are ever held, so a late answer cannot happen: the host either
    // gets the answer or aborts (ACK), which drops it.
    struct Pending {
        std::uint8_t command = 0;
        std::vector<std::uint8_t> types;       // InAutoPoll target types in order
        std::optional<Clock::time_point> deadline; // InAutoPoll: answer "none" then
    };

    Pn532EmulatorOptions options;
    std::shared_ptr<spdlog::logger> log = pn532Logger();

    UniqueFd master;
    UniqueFd slave;
    UniqueFd wake;
    std::string slaveName;
    std::thread worker;
    bool running = false;

    mutable std::mutex mutex;
    mutable std::condition_variable changed;
    // --- guarded by mutex ---
    bool stopping = false;
    std::optional<Pn532Card> card;
    std::optional<Clock::time_point> cardLeavesAt;
    Pn532EmulatorCounters counters;
    std::optional<Pn532Gpio> lastGpio;
    // Chip state (also only touched with the mutex held, by the worker).
    Pn532FrameCodec codec;
    std::optional<Pending> pending;
    std::optional<Bytes> selectedUid; // the activated target (Tg 1)
    std::optional<Bytes> knownUid;    // last reported target, for InSelect
    Bytes lastReply;
    std::uint8_t parameters = 0;
    std::uint8_t maxRetriesPassive = kInfiniteRetries; // power-on default
    bool fieldOn = false;
    std::uint8_t p3 = 0x3F; // pull-ups: pins read high at power-on
    std::uint8_t p7 = 0x06;
    std::map<std::uint16_t, std::uint8_t> registers;

    void start();
    void stop() noexcept;
    void run();
    void wakeWorker() const;
    void bump(std::uint64_t Pn532EmulatorCounters::*field)
    {
        ++(counters.*field);
        changed.notify_all();
    }

    // Worker side, mutex held.
    void onBytes(std::span<const std::uint8_t> bytes);
    void onCommand(const Bytes& payload);
    void service(Clock::time_point now);
    std::optional<int> timeoutMs(Clock::time_point now) const;
    void write(std::span<const std::uint8_t> bytes);
    void reply(std::uint8_t command, std::span<const std::uint8_t> data);
    void replyError();
    [[nodiscard]] bool selectedPresent() const { return selectedUid && card && card->uid() == *selectedUid; }
    void reportCard(std::uint8_t command, std::uint8_t type, bool withAts, bool reselect = false);

    void diagnose(const Bytes& p);
    void readRegister(const Bytes& p);
    void writeRegister(const Bytes& p);
    void writeGpio(const Bytes& p);
    void rfConfiguration(const Bytes& p);
    void exchange(const Bytes& p);
    void listPassiveTarget(const Bytes& p);
    void autoPoll(const Bytes& p);
    [[nodiscard]] std::optional<std::uint8_t> matchAutoPollType(const std::vector<std::uint8_t>& types) const;
};

void Pn532Emulator::Impl::start()
{
    if (running) {
        return;
    }
    master.reset(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (master.get() < 0) {
        throwErrno("posix_openpt");
    }
    if (::grantpt(master.get()) != 0 || ::unlockpt(master.get()) != 0) {
        throwErrno("grantpt/unlockpt");
    }
    std::array<char, 128> name{};
    if (::ptsname_r(master.get(), name.data(), name.size()) != 0) {
        throwErrno("ptsname_r");
    }
    slaveName = name.data();
    // Our own slave fd keeps the pty alive between host sessions: with no
    // slave open, reads on the master fail with EIO.
    slave.reset(::open(slaveName.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (slave.get() < 0) {
        throwErrno("open " + slaveName);
    }
    // Raw before the host can open it: with ECHO on, our replies would come
    // back to us as input.
    termios tio{};
    if (::tcgetattr(slave.get(), &tio) != 0) {
        throwErrno("tcgetattr");
    }
    ::cfmakeraw(&tio);
    ::cfsetspeed(&tio, B115200);
    if (::tcsetattr(slave.get(), TCSANOW, &tio) != 0) {
        throwErrno("tcsetattr");
    }
    const int flags = ::fcntl(master.get(), F_GETFL);
    if (flags < 0 || ::fcntl(master.get(), F_SETFL, flags | O_NONBLOCK) != 0) {
        throwErrno("fcntl O_NONBLOCK");
    }
    wake.reset(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (wake.get() < 0) {
        throwErrno("eventfd");
    }

    std::error_code ec;
    if (std::filesystem::is_symlink(options.linkPath, ec)) {
        std::filesystem::remove(options.linkPath, ec); // stale link from a killed emulator
    } else if (std::filesystem::exists(options.linkPath, ec)) {
        throw std::system_error(std::make_error_code(std::errc::file_exists),
                                "link path exists and is not a symlink: " + options.linkPath.string());
    }
    std::filesystem::create_symlink(slaveName, options.linkPath); // throws filesystem_error (a system_error)

    {
        std::lock_guard lock(mutex);
        stopping = false;
    }
    running = true;
    worker = std::thread([this] { run(); });
    log->info("PN532 on {} (link {}), poll scale {}", slaveName, options.linkPath.string(), options.pollTimeScale);
}

void Pn532Emulator::Impl::stop() noexcept
{
    if (!running) {
        return;
    }
    {
        std::lock_guard lock(mutex);
        stopping = true;
    }
    wakeWorker();
    worker.join();
    running = false;
    // Remove the link only if it is still ours: another emulator may have
    // taken the path over.
    std::error_code ec;
    if (std::filesystem::is_symlink(options.linkPath, ec) &&
        std::filesystem::read_symlink(options.linkPath, ec) == slaveName) {
        std::filesystem::remove(options.linkPath, ec);
    }
    wake.reset();
    slave.reset();
    master.reset();
    log->info("PN532 on {} stopped", slaveName);
}

void Pn532Emulator::Impl::wakeWorker() const
{
    if (wake.get() >= 0) {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wake.get(), &one, sizeof one);
    }
}

std::optional<int> Pn532Emulator::Impl::timeoutMs(Clock::time_point now) const
{
    std::optional<Clock::time_point> next = cardLeavesAt;
    if (pending && pending->deadline && (!next || *pending->deadline < *next)) {
        next = pending->deadline;
    }
    if (!next) {
        return std::nullopt;
    }
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(*next - now).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, 60'000));
}

void Pn532Emulator::Impl::run()
{
    std::array<std::uint8_t, 1024> buffer{};
    for (;;) {
        int timeout = -1;
        {
            std::lock_guard lock(mutex);
            if (stopping) {
                return;
            }
            const auto now = Clock::now();
            service(now);
            timeout = timeoutMs(now).value_or(-1);
        }
        std::array<pollfd, 2> fds{{{master.get(), POLLIN, 0}, {wake.get(), POLLIN, 0}}};
        const int ready = ::poll(fds.data(), fds.size(), timeout);
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            log->error("poll failed: {}", std::strerror(errno));
            return;
        }
        if (fds[1].revents & POLLIN) {
            std::uint64_t count = 0;
            [[maybe_unused]] auto n = ::read(wake.get(), &count, sizeof count);
        }
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::read(master.get(), buffer.data(), buffer.size());
            if (n > 0) {
                std::lock_guard lock(mutex);
                onBytes(std::span(buffer.data(), static_cast<std::size_t>(n)));
            } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
                // Cannot happen while our slave fd is open; avoid spinning if it does.
                log->error("read from pty master failed: {}", std::strerror(errno));
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
        }
    }
}

void Pn532Emulator::Impl::write(std::span<const std::uint8_t> bytes)
{
    log->trace("-> {:n}", spdlog::to_hex(bytes.begin(), bytes.end()));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(master.get(), bytes.data() + done, bytes.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && errno == EAGAIN) {
            // The host is not reading (port closed with our slave fd holding
            // the queue); wait briefly rather than block the worker forever.
            pollfd pfd{master.get(), POLLOUT, 0};
            if (::poll(&pfd, 1, 100) > 0) {
                continue;
            }
        }
        log->warn("dropped {} reply bytes: host is not reading", bytes.size() - done);
        return;
    }
}

void Pn532Emulator::Impl::reply(std::uint8_t command, std::span<const std::uint8_t> data)
{
    Bytes body{static_cast<std::uint8_t>(command + 1)};
    body.insert(body.end(), data.begin(), data.end());
    lastReply = Pn532FrameCodec::encodeReply(body);
    write(lastReply);
}

void Pn532Emulator::Impl::replyError()
{
    lastReply = Pn532FrameCodec::errorFrame();
    write(lastReply);
}

void Pn532Emulator::Impl::onBytes(std::span<const std::uint8_t> bytes)
{
    log->trace("<- {:n}", spdlog::to_hex(bytes.begin(), bytes.end()));
    for (auto& event : codec.feed(bytes)) {
        switch (event.kind) {
        case Pn532FrameCodec::EventKind::Command:
            onCommand(event.payload);
            break;
        case Pn532FrameCodec::EventKind::Ack:
            // The host gave up on the pending command (nfc_abort_command or a
            // timeout): drop it so no answer arrives after the host moved on.
            if (pending) {
                log->debug("abort: dropped pending command {:02X}", pending->command);
                pending.reset();
                bump(&Pn532EmulatorCounters::aborts);
            }
            break;
        case Pn532FrameCodec::EventKind::Nack:
            if (!lastReply.empty()) {
                write(lastReply);
            }
            break;
        case Pn532FrameCodec::EventKind::BadChecksum:
            // The chip ignores a corrupt frame; the host times out and retries.
            log->warn("ignored frame with bad checksum");
            bump(&Pn532EmulatorCounters::badFrames);
            break;
        case Pn532FrameCodec::EventKind::ForeignFrame:
            log->debug("ignored frame not addressed to the chip");
            break;
        }
    }
}

void Pn532Emulator::Impl::onCommand(const Bytes& p)
{
    if (p.empty()) {
        write(Pn532FrameCodec::ackFrame());
        replyError();
        bump(&Pn532EmulatorCounters::unknownCommands);
        return;
    }
    if (pending) {
        // A new command supersedes one still running, as on the chip.
        log->debug("command {:02X} replaces pending {:02X}", p[0], pending->command);
        pending.reset();
    }
    bump(&Pn532EmulatorCounters::commands);
    write(Pn532FrameCodec::ackFrame());
    const std::uint8_t code = p[0];
    switch (code) {
    case Diagnose:
        diagnose(p);
        return;
    case GetFirmwareVersion:
        reply(code, std::array<std::uint8_t, 4>{0x32, 0x01, 0x06, 0x07}); // PN532 v1.6, ISO A/B + ISO18092
        return;
    case GetGeneralStatus: {
        Bytes data{0x00, static_cast<std::uint8_t>(fieldOn ? 1 : 0)};
        if (selectedPresent()) {
            data.insert(data.end(), {0x01, 0x01, 0x00, 0x00, 0x10}); // NbTg, Tg, BrRx, BrTx, Type
        } else {
            data.push_back(0x00);
        }
        data.push_back(0x00); // SAM status
        reply(code, data);
        return;
    }
    case ReadRegister:
        readRegister(p);
        return;
    case WriteRegister:
        writeRegister(p);
        return;
    case ReadGPIO:
        reply(code, std::array<std::uint8_t, 3>{p3, p7, 0x00}); // I0I1 = 00: HSU interface
        return;
    case WriteGPIO:
        writeGpio(p);
        return;
    case SetSerialBaudRate:
    case SAMConfiguration:
        reply(code, {});
        return;
    case SetParameters:
        if (p.size() >= 2) {
            parameters = p[1];
        }
        reply(code, {});
        return;
    case PowerDown:
        // Power-down drops the RF field, so any activated card resets.
        selectedUid.reset();
        fieldOn = false;
        reply(code, std::array<std::uint8_t, 1>{kStatusOk});
        return;
    case RFConfiguration:
        rfConfiguration(p);
        return;
    case InDataExchange:
    case InCommunicateThru:
        exchange(p);
        return;
    case InDeselect:
    case InRelease:
        selectedUid.reset();
        reply(code, std::array<std::uint8_t, 1>{kStatusOk});
        return;
    case InSelect: {
        std::uint8_t status = kStatusTimeout;
        if (knownUid && card && card->uid() == *knownUid) {
            selectedUid = knownUid;
            status = kStatusOk;
        }
        reply(code, std::array<std::uint8_t, 1>{status});
        return;
    }
    case InListPassiveTarget:
        listPassiveTarget(p);
        return;
    case InAutoPoll:
        autoPoll(p);
        return;
    default:
        log->warn("unknown command {:02X}: answering with the error frame", code);
        replyError();
        bump(&Pn532EmulatorCounters::unknownCommands);
        return;
    }
}

void Pn532Emulator::Impl::diagnose(const Bytes& p)
{
    const std::uint8_t test = p.size() >= 2 ? p[1] : 0xFF;
    switch (test) {
    case 0x00: // communication line test: echo NumTst and the data
        reply(Diagnose, std::span(p).subspan(1));
        return;
    case 0x01: // ROM test
    case 0x02: // RAM test
        reply(Diagnose, std::array<std::uint8_t, 1>{kStatusOk});
        return;
    case 0x06: // card presence (attention request / ISO14443-4 presence)
        reply(Diagnose, std::array<std::uint8_t, 1>{selectedPresent() ? kStatusOk : kStatusTimeout});
        return;
    default:
        replyError();
        bump(&Pn532EmulatorCounters::unknownCommands);
        return;
    }
}

void Pn532Emulator::Impl::readRegister(const Bytes& p)
{
    if (p.size() < 3 || (p.size() - 1) % 2 != 0) {
        replyError();
        return;
    }
    Bytes values;
    for (std::size_t i = 1; i + 1 < p.size(); i += 2) {
        const auto address = static_cast<std::uint16_t>((p[i] << 8) | p[i + 1]);
        if (address == kRegP3) {
            values.push_back(p3);
        } else if (address == kRegP7) {
            values.push_back(p7);
        } else {
            const auto it = registers.find(address);
            values.push_back(it == registers.end() ? 0x00 : it->second);
        }
    }
    reply(ReadRegister, values);
}

void Pn532Emulator::Impl::writeRegister(const Bytes& p)
{
    if (p.size() < 4 || (p.size() - 1) % 3 != 0) {
        replyError();
        return;
    }
    for (std::size_t i = 1; i + 2 < p.size(); i += 3) {
        const auto address = static_cast<std::uint16_t>((p[i] << 8) | p[i + 1]);
        const std::uint8_t value = p[i + 2];
        if (address == kRegP3 || address == kRegP7) {
            // Some hosts drive the GPIO through the SFRs instead of WriteGPIO.
            (address == kRegP3 ? p3 : p7) = value & (address == kRegP3 ? 0x3F : 0x06);
            lastGpio = Pn532Gpio{static_cast<std::uint8_t>(p3 | 0x80), static_cast<std::uint8_t>(p7 | 0x80)};
            bump(&Pn532EmulatorCounters::gpioWrites);
        } else {
            registers[address] = value;
        }
    }
    reply(WriteRegister, {});
}

void Pn532Emulator::Impl::writeGpio(const Bytes& p)
{
    if (p.size() < 3) {
        replyError();
        return;
    }
    // Bit 7 of each port byte says whether to apply it (UM0701-02 §7.2.7);
    // only P3.0-5 and P7.1-2 exist as pins.
    if (p[1] & 0x80) {
        p3 = p[1] & 0x3F;
    }
    if (p[2] & 0x80) {
        p7 = p[2] & 0x06;
    }
    lastGpio = Pn532Gpio{p[1], p[2]};
    log->info("GPIO write P3={:02X} P7={:02X}", p[1], p[2]);
    bump(&Pn532EmulatorCounters::gpioWrites);
    reply(WriteGPIO, {});
}

void Pn532Emulator::Impl::rfConfiguration(const Bytes& p)
{
    if (p.size() < 2) {
        replyError();
        return;
    }
    const std::uint8_t item = p[1];
    if (item == 0x01 && p.size() >= 3) {
        fieldOn = (p[2] & 0x01) != 0;
        if (!fieldOn) {
            selectedUid.reset(); // an unpowered card loses its state
        }
    } else if (item == 0x05 && p.size() >= 5) {
        // MaxRetries: MxRtyATR, MxRtyPSL, MxRtyPassiveActivation. 0xFF is
        // libnfc's "infinite select": keep searching until a card comes.
        maxRetriesPassive = p[4];
    }
    reply(RFConfiguration, {});
}

void Pn532Emulator::Impl::exchange(const Bytes& p)
{
    const std::uint8_t code = p[0];
    std::span<const std::uint8_t> data = std::span(p).subspan(1);
    if (code == InDataExchange) {
        if (data.empty()) {
            replyError();
            return;
        }
        const std::uint8_t tg = data[0] & 0x0F;
        data = data.subspan(1);
        if (tg != 1 || !selectedUid) {
            reply(code, std::array<std::uint8_t, 1>{kStatusWrongContext});
            return;
        }
    } else if (!selectedUid) {
        // Raw transmission needs no selected target; with none activated
        // nothing answers (nfc-list probes ISO14443-B' / ST SRx this way).
        reply(code, std::array<std::uint8_t, 1>{kStatusTimeout});
        return;
    }
    // A removed (or swapped) card does not answer: status 01 "timeout",
    // which libnfc's presence checks turn into NFC_ETGRELEASED.
    const auto answer = selectedPresent() ? card->respond(data) : std::nullopt;
    if (!answer) {
        reply(code, std::array<std::uint8_t, 1>{kStatusTimeout});
        return;
    }
    Bytes out{kStatusOk};
    out.insert(out.end(), answer->begin(), answer->end());
    reply(code, out);
}

void Pn532Emulator::Impl::reportCard(std::uint8_t command, std::uint8_t type, bool withAts, bool reselect)
{
    const Bytes target = card->targetData(0x01, withAts);
    Bytes data{0x01};
    if (command == InAutoPoll) {
        data.push_back(type);
        data.push_back(static_cast<std::uint8_t>(target.size()));
    }
    data.insert(data.end(), target.begin(), target.end());
    selectedUid = card->uid();
    knownUid = card->uid();
    fieldOn = true;
    log->debug("reporting card {} ({})", Pn532Card::formatUid(card->uid()), cardTypeName(card->type()));
    reply(command, data);
    bump(reselect ? &Pn532EmulatorCounters::reselects : &Pn532EmulatorCounters::cardReports);
}

void Pn532Emulator::Impl::listPassiveTarget(const Bytes& p)
{
    bump(&Pn532EmulatorCounters::listPassiveTargets);
    if (p.size() < 3 || p[1] < 1 || p[1] > 2) {
        replyError();
        return;
    }
    const std::uint8_t baudType = p[2];
    const std::span<const std::uint8_t> initiatorData = std::span(p).subspan(3);
    selectedUid.reset(); // listing starts a new activation
    const bool typeA = baudType == 0x00;
    const bool matches = typeA && card &&
                         (initiatorData.empty() || std::ranges::equal(initiatorData, card->uid()));
    if (matches) {
        const bool withAts = (card->sak() & 0x20) && (parameters & kParamAutoRats);
        reportCard(InListPassiveTarget, 0, withAts, !initiatorData.empty());
        return;
    }
    // With infinite retries and no UID the chip searches until a card comes,
    // and libnfc waits for it without a timeout. A re-select by UID is a
    // presence check with a host timeout: answer "none" at once rather than
    // risk answering after the host gave up.
    if (typeA && maxRetriesPassive == kInfiniteRetries && initiatorData.empty()) {
        pending = Pending{InListPassiveTarget, {}, std::nullopt};
        return;
    }
    reply(InListPassiveTarget, std::array<std::uint8_t, 1>{0x00});
    bump(&Pn532EmulatorCounters::emptyReports);
}

std::optional<std::uint8_t> Pn532Emulator::Impl::matchAutoPollType(const std::vector<std::uint8_t>& types) const
{
    if (!card) {
        return std::nullopt;
    }
    for (auto type : types) {
        if (type == kTypeGeneric106A || type == kTypeMifare) {
            return type;
        }
        if (type == kTypeIso14443_4A && (card->sak() & 0x20)) {
            return type;
        }
    }
    return std::nullopt;
}

void Pn532Emulator::Impl::autoPoll(const Bytes& p)
{
    bump(&Pn532EmulatorCounters::autoPolls);
    // PollNr (1..FE, FF = forever), Period (1..F, units of 150 ms), 1..15 types.
    if (p.size() < 4 || p[1] == 0 || p[2] == 0 || p[2] > 0x0F || p.size() - 3 > 15) {
        replyError();
        return;
    }
    Pending poll{InAutoPoll, Bytes(p.begin() + 3, p.end()), std::nullopt};
    if (p[1] != kPollForever) {
        const double ms = p[1] * static_cast<double>(poll.types.size()) * p[2] * 150.0 * options.pollTimeScale;
        poll.deadline = Clock::now() + std::chrono::microseconds(std::llround(ms * 1000.0));
    }
    selectedUid.reset();
    pending = std::move(poll);
    service(Clock::now());
}

void Pn532Emulator::Impl::service(Clock::time_point now)
{
    if (cardLeavesAt && now >= *cardLeavesAt) {
        log->debug("tap over: card {} leaves the field", Pn532Card::formatUid(card->uid()));
        card.reset();
        cardLeavesAt.reset();
    }
    if (!pending) {
        return;
    }
    if (pending->command == InAutoPoll) {
        if (const auto type = matchAutoPollType(pending->types)) {
            pending.reset();
            reportCard(InAutoPoll, *type, *type == kTypeIso14443_4A);
        } else if (pending->deadline && now >= *pending->deadline) {
            pending.reset();
            reply(InAutoPoll, std::array<std::uint8_t, 1>{0x00});
            bump(&Pn532EmulatorCounters::emptyReports);
        }
    } else if (pending->command == InListPassiveTarget && card) {
        pending.reset();
        const bool withAts = (card->sak() & 0x20) && (parameters & kParamAutoRats);
        reportCard(InListPassiveTarget, 0, withAts);
    }
}

// ---------------------------------------------------------------------------

Pn532Emulator::Pn532Emulator(Pn532EmulatorOptions options)
{
    if (options.linkPath.empty()) {
        throw std::invalid_argument("PN532 emulator: link path is empty");
    }
    if (options.linkPath.string().find(':') != std::string::npos) {
        throw std::invalid_argument("PN532 emulator: link path must not contain ':' (libnfc splits connstrings on it): " +
                                    options.linkPath.string());
    }
    if (!(options.pollTimeScale > 0.0) || !std::isfinite(options.pollTimeScale)) {
        throw std::invalid_argument("PN532 emulator: poll time scale must be a positive number");
    }
    impl_ = std::make_unique<Impl>(std::move(options));
}

Pn532Emulator::~Pn532Emulator() { stop(); }

void Pn532Emulator::start() { impl_->start(); }
void Pn532Emulator::stop() noexcept { impl_->stop(); }
const std::filesystem::path& Pn532Emulator::linkPath() const noexcept { return impl_->options.linkPath; }
std::string Pn532Emulator::slavePath() const { return impl_->slaveName; }

void Pn532Emulator::present(const Pn532Card& card)
{
    {
        std::lock_guard lock(impl_->mutex);
        impl_->card = card;
        impl_->cardLeavesAt.reset();
    }
    impl_->wakeWorker();
}

void Pn532Emulator::tap(const Pn532Card& card, std::chrono::milliseconds duration)
{
    {
        std::lock_guard lock(impl_->mutex);
        impl_->card = card;
        impl_->cardLeavesAt = Clock::now() + duration;
    }
    impl_->wakeWorker();
}

void Pn532Emulator::remove()
{
    {
        std::lock_guard lock(impl_->mutex);
        impl_->card.reset();
        impl_->cardLeavesAt.reset();
    }
    impl_->wakeWorker();
}

std::optional<Pn532Card> Pn532Emulator::card() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->card;
}

Pn532EmulatorCounters Pn532Emulator::counters() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->counters;
}

std::optional<Pn532Gpio> Pn532Emulator::lastGpioWrite() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->lastGpio;
}

bool Pn532Emulator::waitFor(const std::function<bool(const Pn532EmulatorCounters&)>& predicate,
                            std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] { return predicate(impl_->counters); });
}

bool Pn532Emulator::waitForCardReports(std::uint64_t atLeast, std::chrono::milliseconds timeout) const
{
    return waitFor([atLeast](const Pn532EmulatorCounters& c) { return c.cardReports >= atLeast; }, timeout);
}

} // namespace rollcall::hardware
