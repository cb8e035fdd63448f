#include "hub/ctl/remote_client.h"

#include "common/input_error.h"
#include "hub/ctl/admin_commands.h"
#include "hub/ctl/interrupt_pipe.h"
#include "hub/reports/progress.h"
#include "protocol/base64.h"
#include "protocol/codec.h"
#include "protocol/curve_certificate.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>
#include <zmq.hpp>

namespace rollcall::ctl {
namespace fs = std::filesystem;
namespace {

using namespace std::chrono_literals;

// Until the key is through the hub's door; then as long as a year's report may take.
constexpr auto kHandshakeTimeout = 10s;
constexpr auto kReplyTimeout = 10min;
// After Ctrl-C, how long the hub has to say it stopped: it checks between chunks of meetings.
constexpr auto kCancelTimeout = 10s;
// Ctrl-C twice: gone without the hub's answer, as a shell counts a SIGINT.
constexpr int kExitInterrupted = 130;

struct Globals {
    std::string hub, key, serverKey;
    std::vector<std::string> command; // --zone (if given) and the command with its options
    bool db = false, operatorGiven = false;
    bool progress = false; // --progress: draw the hub's progress figures even when stderr is not a terminal
};

/// The wait for the reply ended without one that can be trusted: printed as it is, with its exit code.
struct LeftEarly {
    int code = kExitNoHub;
    std::string message;
};

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

/// The global options before the command; nullopt if a value is missing.
std::optional<Globals> readGlobals(int argc, const char* const* argv)
{
    Globals g;
    int i = 1;
    for (; i < argc; ++i) {
        const std::string token = argv[i];
        std::string name = token;
        std::optional<std::string> value;
        if (const auto eq = token.find('='); startsWith(token, "--") && eq != std::string::npos) {
            name = token.substr(0, eq);
            value = token.substr(eq + 1);
        }
        if (token == "--progress") {
            g.progress = true; // drawn here; the hub is only asked for the figures
            continue;
        }
        static const std::vector<std::string> kGlobal{"--db", "--zone", "--operator", "--hub", "--key", "--server-key"};
        if (std::find(kGlobal.begin(), kGlobal.end(), name) == kGlobal.end()) break;
        if (!value) {
            if (i + 1 >= argc) return std::nullopt;
            value = argv[++i];
        }
        if (name == "--hub") g.hub = *value;
        if (name == "--key") g.key = *value;
        if (name == "--server-key") g.serverKey = *value;
        if (name == "--db") g.db = true;
        if (name == "--operator") g.operatorGiven = true;
        if (name == "--zone") {
            g.command.push_back("--zone");
            g.command.push_back(*value);
        }
    }
    for (; i < argc; ++i) g.command.emplace_back(argv[i]);
    return g;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw common::InputError(path + ": cannot be read");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string newRequestId()
{
    std::random_device random;
    std::ostringstream s;
    s << std::hex << random() << random();
    return s.str();
}

/// May the hub send back a file named `name`? Only where the command line said output goes.
bool expectedOutput(const std::string& name, const std::vector<PathArgument>& paths)
{
    for (const auto& p : paths) {
        if (p.use == PathUse::OutputFile && name == p.value) return true;
        if (p.use == PathUse::OutputDir && startsWith(name, p.value + "/")) {
            const auto rest = fs::path(name.substr(p.value.size() + 1));
            const bool climbs =
                std::any_of(rest.begin(), rest.end(), [](const fs::path& part) { return part == ".."; });
            if (!climbs && rest.is_relative()) return true;
        }
    }
    return false;
}

void writeFile(const std::string& name, const std::string& bytes)
{
    const fs::path path(name);
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw common::InputError("cannot be written");
}

/// The hub's figures for our request, drawn as `--db` draws its own (reports::Progress).
class ProgressLine {
public:
    explicit ProgressLine(bool shown) : shown_(shown) {}
    void show(const protocol::AdminProgress& figure)
    {
        if (!shown_) return;
        if (figure.label != label_ || figure.total != total_) {
            label_ = figure.label;
            total_ = figure.total;
            line_.begin(label_, total_); // draws 0 of the total
            if (figure.done == 0) return;
        }
        line_.update(figure.done);
    }
    /// Clears a terminal's line before anything else is printed.
    void clear() { line_.finish(); }

private:
    bool shown_;
    reports::Progress line_{true};
    std::string label_;
    long total_ = -1;
};

/// Sends the request and waits for its reply, drawing the progress the hub
/// sends; on Ctrl-C asks the hub to stop the command and waits briefly for
/// the reply saying so. Throws InputError (the hub not reached, a refusal at
/// the door) or LeftEarly (no reply to trust).
protocol::AdminReply ask(const Globals& g, const protocol::AdminRequest& request, std::ostream& err)
{
    const auto client = protocol::readCurveSecretCertificate(g.key);
    const auto server = protocol::readCurveCertificate(g.serverKey);
    const auto keyName = client.meta("name").empty() ? g.key : client.meta("name");
    zmq::context_t context(1);
    zmq::socket_t socket(context, zmq::socket_type::dealer);
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(protocol::HubToQuery::kMaxBytes));
    protocol::makeCurveClient(socket, client, server.publicKey);
    // The monitor tells a key refused at the door (ZAP) from a hub that is not there.
    const std::string monitorEndpoint = "inproc://rollcallctl-monitor";
    zmq_socket_monitor(socket.handle(), monitorEndpoint.c_str(),
                       ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH
                           | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL);
    zmq::socket_t monitor(context, zmq::socket_type::pair);
    monitor.connect(monitorEndpoint);
    socket.connect(g.hub);
    const auto body = protocol::encode(protocol::QueryRequest{request});
    socket.send(zmq::buffer(body), zmq::send_flags::none);

    ProgressLine progress(request.progress.value_or(false));
    InterruptPipe interrupts;
    bool admitted = false;
    std::optional<std::chrono::steady_clock::time_point> cancelled; // when Ctrl-C asked the hub to stop
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        const auto now = std::chrono::steady_clock::now();
        const auto deadline =
            cancelled ? *cancelled + kCancelTimeout : start + (admitted ? kReplyTimeout : kHandshakeTimeout);
        if (now >= deadline) {
            progress.clear();
            if (cancelled) {
                throw LeftEarly{kExitNoHub, "the hub at " + g.hub + " did not confirm the cancel within "
                                                + std::to_string(kCancelTimeout.count())
                                                + " s; the command may still have run there"};
            }
            if (!admitted) {
                throw common::InputError("no answer from the hub at " + g.hub + " within "
                                         + std::to_string(kHandshakeTimeout.count())
                                         + " s (is it running there? is --server-key its hub.key?)");
            }
            throw common::InputError(
                "the hub at " + g.hub + " did not answer within "
                + std::to_string(std::chrono::duration_cast<std::chrono::minutes>(kReplyTimeout).count())
                + " min; the command may still have run there");
        }
        zmq::pollitem_t items[] = {{socket.handle(), 0, ZMQ_POLLIN, 0},
                                   {monitor.handle(), 0, ZMQ_POLLIN, 0},
                                   {nullptr, interrupts.fd(), ZMQ_POLLIN, 0}};
        try {
            zmq::poll(items, 3, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now));
        } catch (const zmq::error_t& e) {
            if (e.num() != EINTR) throw;
            continue; // a Ctrl-C: the pipe says so on the next round
        }
        if (items[2].revents & ZMQ_POLLIN) {
            const int presses = interrupts.take();
            progress.clear();
            if (cancelled || presses > 1) {
                throw LeftEarly{kExitInterrupted, "left without the hub's answer: the command may still be "
                                                  "running there, or have run"};
            }
            // The hub stops it at its next safe point and answers the request itself, exit 7.
            const auto cancel = protocol::encode(protocol::QueryRequest{protocol::AdminCancel{request.request_id}});
            socket.send(zmq::buffer(cancel), zmq::send_flags::none);
            err << "rollcallctl: Ctrl-C: asking the hub to stop the command (Ctrl-C again to leave at once)\n";
            err.flush();
            cancelled = std::chrono::steady_clock::now();
        }
        if (items[1].revents & ZMQ_POLLIN) {
            zmq::message_t event;
            zmq::message_t address;
            (void)monitor.recv(event);
            if (event.more()) (void)monitor.recv(address);
            std::uint16_t id = 0;
            std::memcpy(&id, event.data(), sizeof id);
            if (id == ZMQ_EVENT_HANDSHAKE_SUCCEEDED) {
                admitted = true;
            } else if (id == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH) {
                throw common::InputError("the hub at " + g.hub + " refused key " + keyName
                                         + ": it is not among the hub's allowed keys (rollcallctl key allow)");
            } else {
                throw common::InputError("the hub at " + g.hub + " did not accept the connection with key " + keyName
                                         + " (is --server-key its hub.key?)");
            }
        }
        if (items[0].revents & ZMQ_POLLIN) {
            zmq::message_t message;
            (void)socket.recv(message);
            auto decoded = protocol::decode<protocol::HubToQuery>(message.to_string_view());
            if (!decoded) throw common::InputError("the hub's reply does not decode: " + decoded.error().detail);
            if (auto* error = std::get_if<protocol::Error>(&decoded.value()))
                throw common::InputError("the hub refused the request: " + error->message);
            if (auto* figure = std::get_if<protocol::AdminProgress>(&decoded.value())) {
                if (figure->request_id == request.request_id && !cancelled) progress.show(*figure);
                continue;
            }
            auto* reply = std::get_if<protocol::AdminReply>(&decoded.value());
            if (reply && reply->request_id == request.request_id) {
                progress.clear();
                return std::move(*reply);
            }
        }
    }
}

int runRemote(const Globals& g, std::ostream& out, std::ostream& err)
{
    protocol::AdminRequest request;
    request.request_id = newRequestId();
    request.argv = g.command;
    // The figures are asked for only where they are drawn: a pipe gets what --db prints, byte for byte.
    if (g.progress || reports::Progress::stderrIsTerminal()) request.progress = true;
    std::vector<PathArgument> paths;
    if (const auto* command = findAdminCommand(g.command)) paths = pathArguments(*command, g.command);
    try {
        std::size_t size = 0;
        for (const auto& p : paths) {
            if (p.use != PathUse::InputFile) continue;
            request.files.push_back({p.value, protocol::toBase64(readFile(p.value))});
            size += request.files.back().bytes_base64.size();
        }
        if (size + 4096 > protocol::QueryToHub::kMaxBytes) {
            throw common::InputError("the files to send are " + std::to_string(size)
                                     + " bytes as base64; a request "
                                       "to the hub carries at most "
                                     + std::to_string(protocol::QueryToHub::kMaxBytes)
                                     + ": run the command on the hub with --db");
        }
    } catch (const common::InputError& e) {
        err << "rollcallctl: " << e.what() << "\nnothing was changed\n";
        return 1;
    }
    protocol::AdminReply reply;
    try {
        reply = ask(g, request, err);
    } catch (const LeftEarly& e) {
        err << "rollcallctl: " << e.message << "\n";
        return e.code;
    }
    int code = reply.exit_code;
    // The command has run at the hub: a file that cannot be written here is reported, the rest still written.
    for (const auto& f : reply.files) {
        const auto bytes = protocol::fromBase64(f.bytes_base64);
        try {
            if (!expectedOutput(f.name, paths)) throw common::InputError("the hub sent a file not asked for");
            if (!bytes) throw common::InputError("the hub sent bytes that are not base64");
            writeFile(f.name, *bytes);
        } catch (const std::exception& e) {
            err << "rollcallctl: " << f.name << ": " << e.what() << "; not written\n";
            code = code == 0 ? 1 : code;
        }
    }
    out << reply.stdout_text;
    err << reply.stderr_text;
    return code;
}

} // namespace

std::optional<int> runIfRemote(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    const auto g = readGlobals(argc, argv);
    if (!g) return std::nullopt; // the parser says what is missing
    if (g->hub.empty()) {
        if (g->key.empty() && g->serverKey.empty()) return std::nullopt;
        err << "rollcallctl: --key and --server-key go with --hub ENDPOINT (a command run at the hub)\n";
        return 2;
    }
    if (g->db || g->operatorGiven) {
        err << "rollcallctl: --hub runs the command at the hub, on its record, recorded as the key's name: leave out "
            << (g->db ? "--db" : "--operator") << "\n";
        return 2;
    }
    if (g->key.empty() || g->serverKey.empty()) {
        err << "rollcallctl: --hub needs --key NAME.key_secret (an organizer or office key) and --server-key "
               "hub.key (the hub's public key)\n";
        return 2;
    }
    try {
        return runRemote(*g, out, err);
    } catch (const common::InputError& e) {
        err << "rollcallctl: " << e.what() << "\n";
        return kExitNoHub;
    } catch (const std::exception& e) {
        err << "rollcallctl: " << e.what() << "\n";
        return kExitNoHub;
    }
}

} // namespace rollcall::ctl
