#pragma once

// Helpers shared by the hardware tests: a private temp dir per test and RAII
// owners for libnfc handles, so every test has its own pty and link.

#include "tests/support/temp_dir.h"

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>
#include <nfc/nfc.h>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <termios.h>
#include <unistd.h>
#include <vector>

namespace rollcall::emulator::test {

/// A fresh directory per test, removed with everything in it (tests/support's).
using TempDir = rollcall::test::TempDir;

struct NfcContextDeleter {
    void operator()(nfc_context* c) const { nfc_exit(c); }
};
struct NfcDeviceDeleter {
    void operator()(nfc_device* d) const { nfc_close(d); }
};
using NfcContextPtr = std::unique_ptr<nfc_context, NfcContextDeleter>;
using NfcDevicePtr = std::unique_ptr<nfc_device, NfcDeviceDeleter>;

inline NfcContextPtr makeNfcContext()
{
    nfc_context* raw = nullptr;
    nfc_init(&raw);
    return NfcContextPtr(raw);
}

/// Opens libnfc's real pn532_uart driver on `link` (never by scanning).
inline NfcDevicePtr openPn532(nfc_context* context, const std::filesystem::path& link)
{
    const std::string connstring = "pn532_uart:" + link.string();
    return NfcDevicePtr(nfc_open(context, connstring.c_str()));
}

/// One libnfc session on an emulated reader: context, device, initiator mode.
struct NfcSession {
    NfcContextPtr context;
    NfcDevicePtr device;
};

inline NfcSession openInitiator(const std::filesystem::path& link)
{
    NfcSession s;
    s.context = makeNfcContext();
    if (!s.context) {
        throw std::runtime_error("nfc_init failed");
    }
    s.device = openPn532(s.context.get(), link);
    if (!s.device) {
        throw std::runtime_error("nfc_open failed on " + link.string());
    }
    if (nfc_initiator_init(s.device.get()) < 0) {
        throw std::runtime_error(std::string("nfc_initiator_init: ") + nfc_strerror(s.device.get()));
    }
    return s;
}

inline std::vector<std::uint8_t> uidOf(const nfc_target& target)
{
    return {target.nti.nai.abtUid, target.nti.nai.abtUid + target.nti.nai.szUidLen};
}

/// The host side of the pty opened raw, for tests that speak bytes directly.
class RawPort {
public:
    explicit RawPort(const std::filesystem::path& link)
        : fd_(::open(link.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC))
    {
        if (fd_ < 0) {
            throw std::runtime_error("open " + link.string());
        }
        termios tio{};
        ::tcgetattr(fd_, &tio);
        ::cfmakeraw(&tio);
        ::tcsetattr(fd_, TCSANOW, &tio);
    }
    ~RawPort() { ::close(fd_); }
    RawPort(const RawPort&) = delete;
    RawPort& operator=(const RawPort&) = delete;

    void write(const std::vector<std::uint8_t>& bytes) const
    {
        ASSERT_EQ(::write(fd_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
    }

    /// Reads until `count` bytes arrived or `timeout` passed; returns what arrived.
    [[nodiscard]] std::vector<std::uint8_t> read(std::size_t count, std::chrono::milliseconds timeout) const
    {
        std::vector<std::uint8_t> out;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (out.size() < count) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) {
                break;
            }
            pollfd pfd{fd_, POLLIN, 0};
            if (::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) {
                continue;
            }
            std::uint8_t buf[256];
            const ssize_t n = ::read(fd_, buf, std::min(sizeof buf, count - out.size()));
            if (n > 0) {
                out.insert(out.end(), buf, buf + n);
            }
        }
        return out;
    }

private:
    int fd_;
};

} // namespace rollcall::emulator::test
