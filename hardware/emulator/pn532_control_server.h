#pragma once
// The emulator's control socket: line commands that tap, present and remove cards.

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>

namespace rollcall::emulator {

class Pn532Emulator;

/// Line protocol on a Unix stream socket that moves cards in front of a Pn532Emulator.
///
/// One command per line, one answer line each: "ok[ details]" or "error: <message>".
///   tap UID [ms] [classic|ultralight|iso14443-4]   card present for ms (default 300), then removed
///   present UID [classic|ultralight|iso14443-4]    card present until remove
///   remove                                         no card in the field
///   status                                         ok card=<UID|none> type=... reports=N polls=N gpio=P3,P7|none
///   quit                                           ok, then serve() returns
/// UID is hex in any case, ':' or '-' separators allowed; 4, 7 or 10 bytes.
/// The constructor throws std::system_error if the socket cannot be bound
/// (or std::invalid_argument if the path is too long); bad client input is
/// answered with an error line, never thrown.
class Pn532ControlServer {
public:
    Pn532ControlServer(Pn532Emulator& emulator, std::filesystem::path socketPath);
    ~Pn532ControlServer();
    Pn532ControlServer(const Pn532ControlServer&) = delete;
    Pn532ControlServer& operator=(const Pn532ControlServer&) = delete;

    /// Serves clients until `stopRequested` is set (checked at least every 200 ms and
    /// whenever a signal interrupts the wait) or a client sends "quit".
    void serve(const std::atomic<bool>& stopRequested);

    /// Executes one command line and returns the answer line (without newline).
    [[nodiscard]] std::string handle(std::string_view line);

    [[nodiscard]] bool quitRequested() const noexcept { return quit_; }
    [[nodiscard]] const std::filesystem::path& socketPath() const noexcept { return socketPath_; }

private:
    Pn532Emulator& emulator_;
    std::filesystem::path socketPath_;
    int listenFd_ = -1;
    bool quit_ = false;
};

} // namespace rollcall::emulator
