// pn532-ctl: sends one line command to a running pn532-emulator's control
// socket and prints the answer — what a person presenting a card does, for
// scripts and the demo.
//   pn532-ctl SOCKET tap 04A1B2C1 [ms] [type]
// Exit code: 0 when the emulator answered "ok", 1 for "error: …", 2 when it
// could not be reached.
#include <cstring>
#include <iostream>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::cerr << "usage: pn532-ctl SOCKET COMMAND [ARG …]   (commands: tap, present, remove, status, quit)\n";
        return 2;
    }
    std::string line;
    for (int i = 2; i < argc; ++i) line += (i > 2 ? " " : "") + std::string(argv[i]);
    line += '\n';

    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (std::strlen(argv[1]) >= sizeof addr.sun_path) {
        std::cerr << "pn532-ctl: socket path " << argv[1] << " is too long\n";
        return 2;
    }
    std::strcpy(addr.sun_path, argv[1]);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        std::cerr << "pn532-ctl: cannot reach the emulator at " << argv[1] << ": " << std::strerror(errno) << "\n";
        return 2;
    }
    if (::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
        std::cerr << "pn532-ctl: write failed: " << std::strerror(errno) << "\n";
        return 2;
    }
    std::string answer;
    char c;
    while (::read(fd, &c, 1) == 1 && c != '\n') answer += c;
    ::close(fd);
    std::cout << answer << "\n";
    return answer.rfind("ok", 0) == 0 ? 0 : 1;
}
