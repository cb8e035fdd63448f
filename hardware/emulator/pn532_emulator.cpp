#include "hardware/emulator/pn532_emulator.h"

#include "common/logging.h"
#include "common/system_error.h"
#include "hardware/emulator/pn532_frame_codec.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <fcntl.h>
#include <mutex>
#include <poll.h>
#include <spdlog/fmt/bin_to_hex.h>
#include <stdexcept>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <system_error>
#include <termios.h>
#include <thread>
#include <unistd.h>

namespace rollcall::emulator {

namespace {

using Clock = std::chrono::steady_clock;

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

} // namespace

struct Pn532Emulator::Impl {
    explicit Impl(Pn532EmulatorOptions o) : options(std::move(o)), chip(options.pollTimeScale) {}

    Pn532EmulatorOptions options;
    std::shared_ptr<spdlog::logger> log = common::namedLogger("pn532-emulator");

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
    std::optional<Clock::time_point> cardLeavesAt;
    Pn532FrameCodec codec;
    Pn532Chip chip;

    void start();
    void stop() noexcept;
    void run();
    void wakeWorker() const;

    // Worker side, mutex held.
    void onBytes(std::span<const std::uint8_t> bytes);
    void service(Clock::time_point now);
    std::optional<int> timeoutMs(Clock::time_point now) const;
    void send(const Pn532Chip::Frames& frames);
    void write(std::span<const std::uint8_t> bytes);
};

void Pn532Emulator::Impl::start()
{
    if (running) {
        return;
    }
    master.reset(::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (master.get() < 0) {
        common::throwErrno("posix_openpt");
    }
    if (::grantpt(master.get()) != 0 || ::unlockpt(master.get()) != 0) {
        common::throwErrno("grantpt/unlockpt");
    }
    std::array<char, 128> name{};
    if (::ptsname_r(master.get(), name.data(), name.size()) != 0) {
        common::throwErrno("ptsname_r");
    }
    slaveName = name.data();
    // Our own slave fd keeps the pty alive between host sessions: with no
    // slave open, reads on the master fail with EIO.
    slave.reset(::open(slaveName.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (slave.get() < 0) {
        common::throwErrno("open " + slaveName);
    }
    // Raw before the host can open it: with ECHO on, our replies would come
    // back to us as input.
    termios tio{};
    if (::tcgetattr(slave.get(), &tio) != 0) {
        common::throwErrno("tcgetattr");
    }
    ::cfmakeraw(&tio);
    ::cfsetspeed(&tio, B115200);
    if (::tcsetattr(slave.get(), TCSANOW, &tio) != 0) {
        common::throwErrno("tcsetattr");
    }
    const int flags = ::fcntl(master.get(), F_GETFL);
    if (flags < 0 || ::fcntl(master.get(), F_SETFL, flags | O_NONBLOCK) != 0) {
        common::throwErrno("fcntl O_NONBLOCK");
    }
    wake.reset(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
    if (wake.get() < 0) {
        common::throwErrno("eventfd");
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
    if (std::filesystem::is_symlink(options.linkPath, ec)
        && std::filesystem::read_symlink(options.linkPath, ec) == slaveName) {
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
    const auto chipDeadline = chip.deadline();
    if (chipDeadline && (!next || *chipDeadline < *next)) {
        next = chipDeadline;
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

void Pn532Emulator::Impl::send(const Pn532Chip::Frames& frames)
{
    for (const auto& frame : frames) {
        write(frame);
    }
    // Counters may have moved: let waitFor() look again.
    changed.notify_all();
}

void Pn532Emulator::Impl::onBytes(std::span<const std::uint8_t> bytes)
{
    log->trace("<- {:n}", spdlog::to_hex(bytes.begin(), bytes.end()));
    for (const auto& event : codec.feed(bytes)) {
        send(chip.onEvent(event, Clock::now()));
    }
}

void Pn532Emulator::Impl::service(Clock::time_point now)
{
    if (cardLeavesAt && now >= *cardLeavesAt) {
        log->debug("tap over: card {} leaves the field", Pn532Card::formatUid(chip.card()->uid()));
        chip.setCard(std::nullopt);
        cardLeavesAt.reset();
    }
    send(chip.service(now));
}

// ---------------------------------------------------------------------------

Pn532Emulator::Pn532Emulator(Pn532EmulatorOptions options)
{
    if (options.linkPath.empty()) {
        throw std::invalid_argument("PN532 emulator: link path is empty");
    }
    if (options.linkPath.string().find(':') != std::string::npos) {
        throw std::invalid_argument("PN532 emulator: link path must not contain ':' (libnfc splits connstrings on it): "
                                    + options.linkPath.string());
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
        impl_->chip.setCard(card);
        impl_->cardLeavesAt.reset();
    }
    impl_->wakeWorker();
}

void Pn532Emulator::tap(const Pn532Card& card, std::chrono::milliseconds duration)
{
    {
        std::lock_guard lock(impl_->mutex);
        impl_->chip.setCard(card);
        impl_->cardLeavesAt = Clock::now() + duration;
    }
    impl_->wakeWorker();
}

void Pn532Emulator::remove()
{
    {
        std::lock_guard lock(impl_->mutex);
        impl_->chip.setCard(std::nullopt);
        impl_->cardLeavesAt.reset();
    }
    impl_->wakeWorker();
}

std::optional<Pn532Card> Pn532Emulator::card() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->chip.card();
}

Pn532EmulatorCounters Pn532Emulator::counters() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->chip.counters();
}

std::optional<Pn532Gpio> Pn532Emulator::lastGpioWrite() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->chip.lastGpioWrite();
}

bool Pn532Emulator::waitFor(const std::function<bool(const Pn532EmulatorCounters&)>& predicate,
                            std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(impl_->mutex);
    return impl_->changed.wait_for(lock, timeout, [&] { return predicate(impl_->chip.counters()); });
}

bool Pn532Emulator::waitForCardReports(std::uint64_t atLeast, std::chrono::milliseconds timeout) const
{
    return waitFor([atLeast](const Pn532EmulatorCounters& c) { return c.cardReports >= atLeast; }, timeout);
}

} // namespace rollcall::emulator
