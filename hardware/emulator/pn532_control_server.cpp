#include "hardware/emulator/pn532_control_server.h"

#include "common/logging.h"
#include "common/system_error.h"
#include "hardware/emulator/pn532_emulator.h"

#include <charconv>
#include <cstring>
#include <map>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace rollcall::emulator {

namespace {

constexpr std::size_t kMaxLine = 1024;
constexpr long kMaxTapMs = 600'000;

std::vector<std::string_view> split(std::string_view line)
{
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
            ++i;
        }
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
            ++i;
        }
        if (i > start) {
            out.push_back(line.substr(start, i - start));
        }
    }
    return out;
}

sockaddr_un socketAddress(const std::filesystem::path& path)
{
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string s = path.string();
    if (s.empty() || s.size() >= sizeof(addr.sun_path)) {
        throw std::invalid_argument("control socket path must be 1.." + std::to_string(sizeof(addr.sun_path) - 1)
                                    + " characters: " + s);
    }
    std::memcpy(addr.sun_path, s.c_str(), s.size() + 1);
    return addr;
}

} // namespace

Pn532ControlServer::Pn532ControlServer(Pn532Emulator& emulator, std::filesystem::path socketPath)
    : emulator_(emulator), socketPath_(std::move(socketPath))
{
    const sockaddr_un addr = socketAddress(socketPath_);
    listenFd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (listenFd_ < 0) {
        common::throwErrno("socket");
    }
    // A socket file left by a killed emulator is stale if nobody accepts on it;
    // a live one is another emulator's and must not be stolen.
    std::error_code ec;
    if (std::filesystem::is_socket(socketPath_, ec)) {
        const int probe = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const bool live = probe >= 0 && ::connect(probe, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
        if (probe >= 0) {
            ::close(probe);
        }
        if (live) {
            ::close(listenFd_);
            throw std::system_error(std::make_error_code(std::errc::address_in_use),
                                    "control socket in use: " + socketPath_.string());
        }
        std::filesystem::remove(socketPath_, ec);
    }
    if (::bind(listenFd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listenFd_, 8) != 0) {
        const int saved = errno;
        ::close(listenFd_);
        throw std::system_error(saved, std::generic_category(), "bind/listen " + socketPath_.string());
    }
}

Pn532ControlServer::~Pn532ControlServer()
{
    ::close(listenFd_);
    std::error_code ec;
    std::filesystem::remove(socketPath_, ec);
}

void Pn532ControlServer::serve(const std::atomic<bool>& stopRequested)
{
    auto log = common::namedLogger("pn532-emulator");
    std::map<int, std::string> clients; // fd -> unfinished input line
    auto drop = [&](int fd) {
        ::close(fd);
        clients.erase(fd);
    };
    while (!stopRequested.load() && !quit_) {
        std::vector<pollfd> fds{{listenFd_, POLLIN, 0}};
        for (const auto& [fd, _] : clients) {
            fds.push_back({fd, POLLIN, 0});
        }
        // The timeout is only a backstop: a signal interrupts poll (handlers
        // are installed without SA_RESTART) and we re-check the flag at once.
        const int ready = ::poll(fds.data(), fds.size(), 200);
        if (ready < 0) {
            if (errno == EINTR) {
                continue;
            }
            common::throwErrno("poll control socket");
        }
        if (fds[0].revents & POLLIN) {
            const int client = ::accept4(listenFd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client >= 0) {
                clients.emplace(client, std::string{});
            }
        }
        for (std::size_t i = 1; i < fds.size() && !quit_; ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                continue;
            }
            const int fd = fds[i].fd;
            char buf[512];
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n <= 0) {
                drop(fd);
                continue;
            }
            std::string& pendingInput = clients[fd];
            pendingInput.append(buf, static_cast<std::size_t>(n));
            std::size_t nl;
            bool alive = true;
            while (alive && (nl = pendingInput.find('\n')) != std::string::npos) {
                std::string line = pendingInput.substr(0, nl);
                pendingInput.erase(0, nl + 1);
                if (!line.empty() && line.back() == '\r') {
                    line.pop_back();
                }
                const std::string answer = handle(line) + "\n";
                log->debug("control: '{}' -> '{}'", line, answer.substr(0, answer.size() - 1));
                // Answers are short; a client that does not read them is dropped.
                if (::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(answer.size())) {
                    alive = false;
                }
            }
            if (alive && pendingInput.size() > kMaxLine) {
                const std::string answer = "error: line longer than " + std::to_string(kMaxLine) + " bytes\n";
                ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
                alive = false;
            }
            if (!alive) {
                drop(fd);
            }
        }
    }
    for (const auto& [fd, _] : clients) {
        ::close(fd);
    }
}

std::string Pn532ControlServer::handle(std::string_view line)
{
    const auto words = split(line);
    if (words.empty()) {
        return "error: empty command (expected tap, present, remove, status or quit)";
    }
    const std::string_view command = words[0];

    auto parseCard = [&](std::string_view uidText, std::optional<CardType> type,
                         std::string& error) -> std::optional<Pn532Card> {
        const auto uid = Pn532Card::parseUid(uidText);
        if (!uid) {
            error = "error: bad UID '" + std::string(uidText) + "' (want 4, 7 or 10 hex bytes, ':' allowed)";
            return std::nullopt;
        }
        return Pn532Card(*uid, type);
    };

    if (command == "tap" || command == "present") {
        if (words.size() < 2) {
            return "error: " + std::string(command) + " needs a UID";
        }
        std::chrono::milliseconds duration(300);
        std::optional<CardType> type;
        for (std::size_t i = 2; i < words.size(); ++i) {
            const std::string_view w = words[i];
            long ms = 0;
            const auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), ms);
            if (command == "tap" && ec == std::errc{} && end == w.data() + w.size() && i == 2) {
                if (ms <= 0 || ms > kMaxTapMs) {
                    return "error: tap duration must be 1.." + std::to_string(kMaxTapMs) + " ms, got " + std::string(w);
                }
                duration = std::chrono::milliseconds(ms);
            } else if (auto t = parseCardType(w); t && !type) {
                type = t;
            } else {
                return "error: unexpected argument '" + std::string(w) + "' (want " + (command == "tap" ? "[ms] " : "")
                       + "[classic|ultralight|iso14443-4])";
            }
        }
        std::string error;
        const auto card = parseCard(words[1], type, error);
        if (!card) {
            return error;
        }
        if (command == "tap") {
            emulator_.tap(*card, duration);
        } else {
            emulator_.present(*card);
        }
        return "ok";
    }
    if (words.size() > 1 && (command == "remove" || command == "status" || command == "quit")) {
        return "error: " + std::string(command) + " takes no arguments";
    }
    if (command == "remove") {
        emulator_.remove();
        return "ok";
    }
    if (command == "status") {
        const auto card = emulator_.card();
        const auto counters = emulator_.counters();
        const auto gpio = emulator_.lastGpioWrite();
        std::ostringstream out;
        out << "ok card=" << (card ? Pn532Card::formatUid(card->uid()) : "none");
        if (card) {
            out << " type=" << cardTypeName(card->type());
        }
        out << " reports=" << counters.cardReports << " polls=" << counters.autoPolls << " gpio=";
        if (gpio) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out << kHex[gpio->p3 >> 4] << kHex[gpio->p3 & 0xF] << ',' << kHex[gpio->p7 >> 4] << kHex[gpio->p7 & 0xF];
        } else {
            out << "none";
        }
        return out.str();
    }
    if (command == "quit") {
        quit_ = true;
        return "ok";
    }
    return "error: unknown command '" + std::string(command) + "' (expected tap, present, remove, status or quit)";
}

} // namespace rollcall::emulator
