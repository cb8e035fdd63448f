#pragma once
// A TCP proxy between reader agents and the hub that the fault suite
// controls: pass traffic, cut the network (every connection closed, new ones
// refused), or drop the hub's replies only (acks lost, taps still arriving —
// the agents' stream stalls until ZeroMQ's heartbeat gives up on it).
// One thread, poll(); the hub side is 127.0.0.1:<port>.

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace rollcall::test {

class TcpProxy {
public:
    enum class Mode { Pass, Cut, DropReplies };

    /// Listens on 127.0.0.1:* and forwards to tcp://127.0.0.1:`hubPort`.
    explicit TcpProxy(int hubPort) : hubPort_(hubPort)
    {
        listen_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(listen_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(listen_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listen_, 64) != 0) {
            throw std::runtime_error("proxy: cannot listen");
        }
        socklen_t len = sizeof a;
        ::getsockname(listen_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("proxy: pipe");
        thread_ = std::thread([this] { loop(); });
    }
    ~TcpProxy()
    {
        stop_ = true;
        poke();
        thread_.join();
        for (auto& [a, b] : pairs_) {
            ::close(a);
            ::close(b);
        }
        ::close(listen_);
        ::close(wake_[0]);
        ::close(wake_[1]);
    }
    TcpProxy(const TcpProxy&) = delete;
    TcpProxy& operator=(const TcpProxy&) = delete;

    [[nodiscard]] std::string endpoint() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
    /// Switches mode; leaving Cut or DropReplies closes the connections of that
    /// mode (a stream that lost bytes cannot be resumed), so agents reconnect.
    void set(Mode mode)
    {
        const Mode before = mode_.exchange(mode);
        // Entering DropReplies keeps the connections (taps keep arriving); entering
        // Cut, or leaving either fault, closes them.
        if (mode == Mode::Cut || (before != Mode::Pass && mode == Mode::Pass)) reset_ = true;
        poke();
    }
    void retarget(int hubPort) { hubPort_ = hubPort; }

private:
    void poke() { (void)!::write(wake_[1], "x", 1); }

    int connectHub() const
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(static_cast<std::uint16_t>(hubPort_.load()));
        if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
            ::close(fd);
            return -1;
        }
        return fd;
    }

    void closeAll()
    {
        for (auto& [a, b] : pairs_) {
            ::close(a);
            ::close(b);
        }
        pairs_.clear();
    }

    void loop()
    {
        while (!stop_) {
            if (reset_.exchange(false)) closeAll();
            std::vector<pollfd> fds{{listen_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
            for (auto& [agent, hub] : pairs_) {
                fds.push_back({agent, POLLIN, 0});
                fds.push_back({hub, POLLIN, 0});
            }
            if (::poll(fds.data(), fds.size(), 200) < 0) continue;
            if (fds[1].revents & POLLIN) {
                char buf[64];
                while (::read(wake_[0], buf, sizeof buf) > 0) {
                }
            }
            if (fds[0].revents & POLLIN) {
                const int agent = ::accept4(listen_, nullptr, nullptr, SOCK_CLOEXEC);
                if (agent >= 0) {
                    const int hub = mode_ == Mode::Cut ? -1 : connectHub();
                    if (hub < 0)
                        ::close(agent);
                    else
                        pairs_.emplace_back(agent, hub);
                }
            }
            std::vector<std::size_t> dead;
            for (std::size_t i = 0; i < pairs_.size() && 2 + 2 * i + 1 < fds.size(); ++i) {
                auto [agent, hub] = pairs_[i];
                if (!forward(fds[2 + 2 * i], agent, hub, true) || !forward(fds[2 + 2 * i + 1], hub, agent, false))
                    dead.push_back(i);
            }
            for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
                ::close(pairs_[*it].first);
                ::close(pairs_[*it].second);
                pairs_.erase(pairs_.begin() + static_cast<std::ptrdiff_t>(*it));
            }
        }
    }

    /// Moves what `from` has to `to`; false when the connection ended.
    bool forward(const pollfd& p, int from, int to, bool towardsHub)
    {
        if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) return true;
        char buf[65536];
        const ssize_t n = ::read(from, buf, sizeof buf);
        if (n <= 0) return false;
        if (!towardsHub && mode_ == Mode::DropReplies) return true; // the hub's bytes vanish
        for (ssize_t off = 0; off < n;) {
            const ssize_t w = ::write(to, buf + off, static_cast<std::size_t>(n - off));
            if (w <= 0) return false;
            off += w;
        }
        return true;
    }

    std::atomic<int> hubPort_;
    int port_ = 0;
    int listen_ = -1;
    int wake_[2] = {-1, -1};
    std::atomic<Mode> mode_{Mode::Pass};
    std::atomic<bool> reset_{false};
    std::atomic<bool> stop_{false};
    std::vector<std::pair<int, int>> pairs_;
    std::thread thread_;
};

} // namespace rollcall::test
