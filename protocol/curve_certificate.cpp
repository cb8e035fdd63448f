#include "protocol/curve_certificate.h"

#include "common/input_error.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <zmq.hpp>

namespace rollcall::protocol {
namespace {

using common::InputError;

std::string stamp()
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

// ZPL values are quoted; a quote inside a value cannot be written, so metadata never holds one.
std::string quoted(const std::string& value) { return "\"" + value + "\""; }

std::string zplText(const CurveCertificate& cert, bool secret)
{
    std::ostringstream o;
    o << "#   ****  Generated on " << stamp() << " by rollcallctl  ****\n";
    if (secret) {
        o << "#   ZeroMQ CURVE **Secret** Certificate\n"
          << "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n\n";
    } else {
        o << "#   ZeroMQ CURVE Public Certificate\n"
          << "#   Exchange securely, or use a secure mechanism to verify the contents\n"
          << "#   of this file after exchange.\n\n";
    }
    o << "metadata\n";
    for (const auto& [k, v] : cert.metadata) o << "    " << k << " = " << quoted(v) << "\n";
    o << "curve\n";
    o << "    public-key = " << quoted(cert.publicKey) << "\n";
    if (secret) o << "    secret-key = " << quoted(cert.secretKey) << "\n";
    return o.str();
}

// Creates `path` with `mode` (never over an existing file) and writes `text`.
void writeNewFile(const std::string& path, const std::string& text, mode_t mode)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) throw InputError(path + ": cannot create: " + std::strerror(errno));
    ::fchmod(fd, mode); // the umask must not widen or narrow what we mean
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const auto n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            const auto why = std::string(std::strerror(errno));
            ::close(fd);
            throw InputError(path + ": cannot write: " + why);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) throw InputError(path + ": cannot write: " + std::strerror(errno));
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

} // namespace

bool isZ85Key(const std::string& key)
{
    if (key.size() != 40) return false;
    std::uint8_t bin[32];
    return zmq_z85_decode(bin, key.c_str()) != nullptr;
}

std::string z85FromBinaryKey(const void* data, std::size_t size)
{
    if (size != 32) return {};
    char text[41];
    if (zmq_z85_encode(text, static_cast<const std::uint8_t*>(data), 32) == nullptr) return {};
    return text;
}

CurveCertificate generateCurveCertificate(std::map<std::string, std::string> metadata)
{
    char pub[41];
    char sec[41];
    if (zmq_curve_keypair(pub, sec) != 0) {
        throw std::runtime_error(std::string("zmq_curve_keypair: ") + zmq_strerror(zmq_errno())
                                 + " (is libzmq built with CURVE?)");
    }
    CurveCertificate c{pub, sec, std::move(metadata)};
    std::memset(sec, 0, sizeof sec);
    return c;
}

std::string writeCurveCertificate(const CurveCertificate& cert, const std::string& dir, const std::string& name)
{
    const auto publicPath = dir + "/" + name + ".key";
    const auto secretPath = publicPath + "_secret";
    struct stat st {};
    if (::stat(publicPath.c_str(), &st) == 0) throw InputError(publicPath + ": already exists; not overwritten");
    if (::stat(secretPath.c_str(), &st) == 0) throw InputError(secretPath + ": already exists; not overwritten");
    writeNewFile(secretPath, zplText(cert, true), 0600);
    writeNewFile(publicPath, zplText(cert, false), 0644);
    return publicPath;
}

CurveCertificate readCurveCertificate(const std::string& path)
{
    // A certificate is a few hundred bytes: anything else (a device, a huge file) is not one.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) throw InputError(path + ": cannot read the key file: " + std::strerror(errno));
    if (!S_ISREG(st.st_mode) || st.st_size > 64 * 1024) {
        throw InputError(path + ": not a key file (a regular file of at most 64 KiB)");
    }
    std::ifstream in(path);
    if (!in) throw InputError(path + ": cannot read the key file: " + std::strerror(errno));
    CurveCertificate c;
    std::string section;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        const auto where = path + ":" + std::to_string(lineNo) + ": ";
        // A comment is a whole line: '#' is also a Z85 digit, so it may sit inside a key.
        const auto text = trim(line);
        if (text.empty() || text.front() == '#') continue;
        const bool indented = line[0] == ' ' || line[0] == '\t';
        if (!indented) {
            section = text;
            continue;
        }
        const auto eq = text.find('=');
        if (eq == std::string::npos) throw InputError(where + "expected \"name = value\", not \"" + text + "\"");
        const auto key = trim(text.substr(0, eq));
        auto value = trim(text.substr(eq + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
            value = value.substr(1, value.size() - 2);
        }
        if (section == "metadata") {
            c.metadata[key] = value;
        } else if (section == "curve") {
            if (key != "public-key" && key != "secret-key") continue; // zcert writes no others; tolerate them
            if (!isZ85Key(value)) throw InputError(where + key + " is not a 40-character Z85 key");
            (key == "public-key" ? c.publicKey : c.secretKey) = value;
        }
    }
    if (c.publicKey.empty()) throw InputError(path + ": no curve public-key (not a ZeroMQ certificate file?)");
    return c;
}

CurveCertificate readCurveSecretCertificate(const std::string& path)
{
    auto c = readCurveCertificate(path);
    if (c.secretKey.empty()) throw InputError(path + ": holds no secret-key (give the .key_secret file)");
    return c;
}

void makeCurveServer(zmq::socket_t& socket, const CurveCertificate& server, const std::string& zapDomain)
{
    socket.set(zmq::sockopt::curve_server, 1);
    socket.set(zmq::sockopt::curve_secretkey, server.secretKey);
    socket.set(zmq::sockopt::zap_domain, zapDomain);
}

void makeCurveClient(zmq::socket_t& socket, const CurveCertificate& client, const std::string& serverPublicKey)
{
    socket.set(zmq::sockopt::curve_serverkey, serverPublicKey);
    socket.set(zmq::sockopt::curve_publickey, client.publicKey);
    socket.set(zmq::sockopt::curve_secretkey, client.secretKey);
}

} // namespace rollcall::protocol
