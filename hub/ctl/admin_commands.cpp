#include "hub/ctl/admin_commands.h"

#include "hub/ctl/ctl_app.h"
#include "protocol/base64.h"
#include "protocol/codec.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rollcall::ctl {
namespace fs = std::filesystem;
namespace {

const std::string kOrganizer = "organizer";
const std::string kOffice = "office";

// What the command prints is the CLI's; what it writes comes back as files.
// Replies larger than a query reply frame would drop the client's connection,
// so the files are left out (and the reply says so) well before that.
constexpr std::size_t kReplyBudget = protocol::HubToQuery::kMaxBytes - 64 * 1024;

bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

bool namesOption(const std::string& token, const std::string& option)
{
    return token == option || startsWith(token, option + "=");
}

std::string joined(const std::vector<std::string>& words)
{
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
}

/// The commands a role may run, for a refusal's message.
std::string commandsOf(const std::string& role)
{
    std::string s;
    for (const auto& c : adminCommands()) {
        if (std::find(c.roles.begin(), c.roles.end(), role) != c.roles.end())
            s += (s.empty() ? "" : ", ") + joined(c.words);
    }
    return s;
}

/// The command's leading words: after the global option --zone, up to the first option.
std::vector<std::string> leadingWords(const std::vector<std::string>& argv)
{
    std::size_t i = 0;
    while (i < argv.size()) {
        if (argv[i] == "--zone") {
            i += 2;
        } else if (startsWith(argv[i], "--zone=")) {
            ++i;
        } else {
            break;
        }
    }
    std::vector<std::string> words;
    for (; i < argv.size() && !startsWith(argv[i], "-"); ++i) words.push_back(argv[i]);
    return words;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const fs::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

void replaceAll(std::string& s, const std::string& from, const std::string& to)
{
    if (from.empty()) return;
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

/// A fresh private directory for one request's files, removed with it.
class RequestDir {
public:
    RequestDir()
    {
        auto pattern = (fs::temp_directory_path() / "rollcall-admin-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot make a temporary directory");
        path_ = pattern;
    }
    ~RequestDir()
    {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    RequestDir(const RequestDir&) = delete;
    RequestDir& operator=(const RequestDir&) = delete;
    [[nodiscard]] const fs::path& path() const noexcept { return path_; }

private:
    fs::path path_;
};

/// A file name's last part, never empty, "." or ".."; the extension stays (formats follow it).
std::string safeBaseName(const std::string& value)
{
    auto name = fs::path(value).filename().string();
    if (name.empty() || name == "." || name == "..") name = "output";
    return name;
}

} // namespace

const std::vector<AdminCommand>& adminCommands()
{
    const PathOption policy{"--policy", PathUse::InputFile};
    const PathOption templates{"--template", PathUse::InputFile};
    const PathOption unitTemplate{"--unit-template", PathUse::InputFile};
    const PathOption outFile{"--output", PathUse::OutputFile};
    const PathOption outDir{"--output", PathUse::OutputDir};
    static const std::vector<AdminCommand> commands{
        // The organizer: meetings and the door.
        {{"checkin"}, {kOrganizer}, {}},
        {{"leave", "add"}, {kOrganizer}, {}},
        {{"substitute", "add"}, {kOrganizer}, {}},
        {{"walkin", "add"}, {kOrganizer}, {}},
        {{"alarm", "ack"}, {kOrganizer}, {}},
        {{"amendment", "revoke"}, {kOrganizer}, {}},
        {{"meeting", "finalize"}, {kOrganizer}, {}},
        {{"meeting", "cancel"}, {kOrganizer}, {}},
        {{"meeting", "move"}, {kOrganizer}, {}},
        {{"reader", "list"}, {kOrganizer}, {}},
        // The office: reports, notices, appeals.
        {{"report", "meeting"}, {kOffice}, {outFile}},
        {{"report", "period"}, {kOffice}, {outFile}},
        {{"report", "performance"}, {kOffice}, {policy, outFile}},
        {{"notices"}, {kOffice}, {policy, templates, unitTemplate, outDir}},
        {{"notices", "issue"}, {kOffice}, {policy, templates, unitTemplate, outDir}},
        {{"notices", "list"}, {kOffice}, {}},
        {{"notices", "show"}, {kOffice}, {outFile}},
        {{"notices", "withdraw"}, {kOffice}, {policy, outDir}},
        {{"disclosure"}, {kOffice}, {policy, outFile}},
        {{"appeal", "add"}, {kOffice}, {policy}},
        {{"appeal", "resolve"}, {kOffice}, {policy}},
        {{"appeal", "list"}, {kOffice}, {}},
        {{"absence", "confirm"}, {kOffice}, {}},
        {{"person", "history"}, {kOffice}, {}},
        // Both: a meeting's amendments by anyone (the desks' action lists).
        {{"amendment", "list"}, {kOrganizer, kOffice}, {}},
        // Both: reading the record.
        {{"status"}, {kOrganizer, kOffice}, {}},
        {{"meeting", "list"}, {kOrganizer, kOffice}, {}},
        {{"person", "list"}, {kOrganizer, kOffice}, {}},
        {{"person", "show"}, {kOrganizer, kOffice}, {}},
        {{"unit", "list"}, {kOrganizer, kOffice}, {}},
    };
    return commands;
}

const AdminCommand* findAdminCommand(const std::vector<std::string>& argv)
{
    const auto words = leadingWords(argv);
    const AdminCommand* best = nullptr;
    for (const auto& c : adminCommands()) {
        if (c.words.size() > words.size() || !std::equal(c.words.begin(), c.words.end(), words.begin())) continue;
        if (!best || c.words.size() > best->words.size()) best = &c;
    }
    return best;
}

std::vector<PathArgument> pathArguments(const AdminCommand& command, const std::vector<std::string>& argv)
{
    std::vector<PathArgument> found;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        for (const auto& p : command.paths) {
            if (argv[i] == p.option && i + 1 < argv.size()) {
                found.push_back({i + 1, argv[i + 1], false, p.use});
                ++i;
                break;
            }
            if (startsWith(argv[i], p.option + "=")) {
                found.push_back({i, argv[i].substr(p.option.size() + 1), true, p.use});
                break;
            }
        }
    }
    return found;
}

protocol::AdminReply runAdminRequest(const AdminCaller& caller, const protocol::AdminRequest& request,
                                     const std::string& db, const common::Clock& clock,
                                     const common::CancelToken& cancel, const common::ProgressListener& progress)
{
    protocol::AdminReply reply;
    reply.request_id = request.request_id;
    const auto finish = [&](int code, const std::string& message) {
        reply.exit_code = code;
        reply.stderr_text = "rollcallctl: " + message + "\nnothing was changed\n";
        return reply;
    };
    const auto refuse = [&](const std::string& message) { return finish(kExitRefused, message); };

    if (caller.role != kOrganizer && caller.role != kOffice) {
        return refuse("key " + caller.keyName + " has role " + caller.role
                      + ": commands over the wire need an organizer or office key");
    }
    for (const auto& token : request.argv) {
        if (namesOption(token, "--db"))
            return refuse("--db: not over the wire: the hub runs the command on its own record");
        if (namesOption(token, "--operator")) {
            return refuse("--operator: not over the wire: the hub records the key's name (" + caller.keyName
                          + ") as who did it");
        }
    }
    const auto* command = findAdminCommand(request.argv);
    const auto words = joined(leadingWords(request.argv));
    if (command == nullptr) {
        return refuse("`" + (words.empty() ? std::string("(no command)") : words) + "` is not run over the wire; "
                      + "an " + caller.role + " key may run: " + commandsOf(caller.role));
    }
    const auto name = joined(command->words);
    if (std::find(command->roles.begin(), command->roles.end(), caller.role) == command->roles.end()) {
        return refuse("key " + caller.keyName + " (role " + caller.role + ") may not run `" + name
                      + "`; its role may run: " + commandsOf(caller.role));
    }

    try {
        RequestDir dir;
        auto argv = request.argv;
        // Temporary path → the name the caller gave, for the messages and the returned files.
        std::vector<std::pair<std::string, std::string>> renamed;
        std::vector<std::pair<fs::path, PathArgument>> outputs;
        int n = 0;
        for (const auto& arg : pathArguments(*command, argv)) {
            const auto slot = dir.path() / std::to_string(n++);
            fs::create_directories(slot);
            const auto local = slot / safeBaseName(arg.value);
            if (arg.use == PathUse::InputFile) {
                const auto it = std::find_if(request.files.begin(), request.files.end(),
                                             [&](const protocol::AdminFile& f) { return f.name == arg.value; });
                if (it == request.files.end()) return finish(1, arg.value + ": the file was not sent with the request");
                const auto bytes = protocol::fromBase64(it->bytes_base64);
                if (!bytes) return finish(1, arg.value + ": the file's bytes are not base64");
                writeFile(local, *bytes);
            } else {
                outputs.emplace_back(local, arg);
            }
            argv[arg.index] = arg.inlineValue
                                  ? argv[arg.index].substr(0, argv[arg.index].find('=') + 1) + local.string()
                                  : local.string();
            renamed.emplace_back(local.string(), arg.value);
        }

        std::vector<std::string> full{"rollcallctl", "--db", db, "--operator", caller.keyName};
        full.insert(full.end(), argv.begin(), argv.end());
        std::vector<const char*> raw;
        for (const auto& a : full) raw.push_back(a.c_str());
        std::ostringstream out;
        std::ostringstream err;
        const auto gate = [&](const std::vector<std::string>& parsed) -> std::optional<std::string> {
            if (parsed == command->words) return std::nullopt;
            return "the command line parses as `" + joined(parsed) + "`, not `" + name + "`: give the command first";
        };
        reply.exit_code = runCtl(static_cast<int>(raw.size()), raw.data(), out, err, clock, gate, cancel, progress);
        reply.stdout_text = out.str();
        reply.stderr_text = err.str();

        // Longest first: a directory's path is a prefix of its files' paths.
        std::sort(renamed.begin(), renamed.end(),
                  [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        for (const auto& [from, to] : renamed) {
            replaceAll(reply.stdout_text, from, to);
            replaceAll(reply.stderr_text, from, to);
        }
        replaceAll(reply.stdout_text, db, "(the hub's record)");
        replaceAll(reply.stderr_text, db, "(the hub's record)");

        std::size_t size = reply.stdout_text.size() + reply.stderr_text.size();
        for (const auto& [local, arg] : outputs) {
            std::vector<std::pair<std::string, fs::path>> written;
            if (arg.use == PathUse::OutputFile) {
                if (fs::is_regular_file(local)) written.emplace_back(arg.value, local);
            } else if (fs::is_directory(local)) {
                for (const auto& e : fs::recursive_directory_iterator(local)) {
                    if (!e.is_regular_file()) continue;
                    written.emplace_back((fs::path(arg.value) / fs::relative(e.path(), local)).string(), e.path());
                }
                std::sort(written.begin(), written.end());
            }
            for (const auto& [nameGiven, path] : written) {
                auto encoded = protocol::toBase64(readFile(path));
                size += encoded.size() + nameGiven.size();
                reply.files.push_back({nameGiven, std::move(encoded)});
            }
        }
        if (size > kReplyBudget) {
            reply.files.clear();
            reply.stderr_text += "rollcallctl: the files written are too large to send back (" + std::to_string(size)
                                 + " bytes, at most " + std::to_string(kReplyBudget)
                                 + "): write them one at a time, or run the command on the hub\n";
            if (reply.exit_code == 0) reply.exit_code = 1;
        }
        return reply;
    } catch (const std::exception& e) {
        reply.stdout_text.clear();
        reply.files.clear();
        reply.exit_code = 3;
        reply.stderr_text = "rollcallctl: at the hub: " + std::string(e.what()) + "\n";
        return reply;
    }
}

} // namespace rollcall::ctl
