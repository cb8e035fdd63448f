#include "hub/ctl/key_commands.h"

#include "common/input_error.h"
#include "protocol/curve_certificate.h"
#include "protocol/field_rules.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

namespace rollcall::ctl {
namespace {

using common::InputError;
namespace fs = std::filesystem;

struct KeyOptions {
    std::string role;
    std::string name;
    std::string reader;
    std::string out;
    std::string file;
    std::string keysDir;
};

const std::vector<std::string>& clientRoles()
{
    static const std::vector<std::string> roles{"reader", "viewer", "organizer", "office"};
    return roles;
}

void requireId(const std::string& value, const std::string& what)
{
    if (const auto bad = protocol::idRuleViolation(value)) throw InputError(what + " \"" + value + "\": " + *bad);
}

void requireDirectory(const std::string& dir, const std::string& what)
{
    if (!fs::is_directory(dir)) throw InputError(what + " " + dir + ": not a directory");
}

/// A certificate for a client key, checked as the hub will check it.
protocol::CurveCertificate readClientKey(const std::string& file)
{
    auto cert = protocol::readCurveCertificate(file);
    const auto role = cert.meta("role");
    if (std::find(clientRoles().begin(), clientRoles().end(), role) == clientRoles().end()) {
        throw InputError(file + ": role \"" + role + "\" is not reader, viewer, organizer or office");
    }
    requireId(cert.meta("name"), file + ": name");
    if (role == "reader") requireId(cert.meta("reader"), file + ": reader");
    return cert;
}

void cmdGenerate(const KeyOptions& o, const CommandContext& c)
{
    const std::vector<std::string> roles{"hub", "reader", "viewer", "organizer", "office"};
    if (std::find(roles.begin(), roles.end(), o.role) == roles.end()) {
        throw InputError("--role \"" + o.role + "\" is not hub, reader, viewer, organizer or office");
    }
    requireId(o.name, "--name");
    if (o.role == "reader") {
        if (o.reader.empty()) throw InputError("--reader: a reader key is bound to one reader id; give it");
        requireId(o.reader, "--reader");
    } else if (!o.reader.empty()) {
        throw InputError("--reader: only a reader key is bound to a reader id, not a " + o.role + " key");
    }
    requireDirectory(o.out, "--out");
    std::map<std::string, std::string> meta{{"name", o.name}, {"role", o.role}};
    if (!o.reader.empty()) meta["reader"] = o.reader;
    const auto cert = protocol::generateCurveCertificate(std::move(meta));
    const auto publicPath = protocol::writeCurveCertificate(cert, o.out, o.name);
    c.out << "wrote " << publicPath << " (public) and " << publicPath << "_secret (secret, mode 0600)\n"
          << "public key: " << cert.publicKey << "\n";
}

void cmdAllow(const KeyOptions& o, const CommandContext& c)
{
    requireDirectory(o.keysDir, "--keys-dir");
    auto cert = readClientKey(o.file);
    if (!cert.secretKey.empty()) {
        throw InputError(o.file + ": holds a secret key; allow the public " + cert.meta("name")
                         + ".key file and keep the secret one on its own machine");
    }
    const auto name = cert.meta("name");
    for (const auto& entry : fs::directory_iterator(o.keysDir)) {
        if (entry.path().extension() != ".key") continue;
        try {
            const auto other = protocol::readCurveCertificate(entry.path().string());
            if (other.publicKey == cert.publicKey) {
                throw InputError(o.file + ": this key is already allowed as " + entry.path().string());
            }
        } catch (const InputError& e) {
            if (std::string(e.what()).find("already allowed") != std::string::npos) throw;
        }
    }
    const auto target = fs::path(o.keysDir) / (name + ".key");
    if (fs::exists(target)) {
        throw InputError(target.string() + ": a key named " + name + " is already allowed (revoke it first)");
    }
    // Written beside and renamed in: the hub never reads half a file.
    const auto tmp = fs::path(o.keysDir) / ("." + name + ".key.tmp");
    {
        std::ifstream in(o.file, std::ios::binary);
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << in.rdbuf();
        if (!out.flush()) throw InputError(tmp.string() + ": cannot write");
    }
    fs::rename(tmp, target);
    c.out << "allowed " << name << " (" << cert.meta("role")
          << (cert.meta("reader").empty() ? "" : " for reader " + cert.meta("reader")) << "): " << target.string()
          << "\n";
}

void cmdRevoke(const KeyOptions& o, const CommandContext& c)
{
    requireDirectory(o.keysDir, "--keys-dir");
    requireId(o.name, "name");
    const auto target = fs::path(o.keysDir) / (o.name + ".key");
    if (!fs::exists(target)) throw InputError("no key named " + o.name + " is allowed in " + o.keysDir);
    fs::remove(target);
    c.out << "revoked " << o.name << ": refused from its next connection\n";
}

void cmdList(const KeyOptions& o, const CommandContext& c)
{
    requireDirectory(o.keysDir, "--keys-dir");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(o.keysDir)) {
        if (entry.path().extension() == ".key") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    c.out << "name\trole\treader\tpublic key\n";
    for (const auto& f : files) {
        try {
            const auto cert = readClientKey(f.string());
            c.out << cert.meta("name") << "\t" << cert.meta("role") << "\t" << cert.meta("reader") << "\t"
                  << cert.publicKey << "\n";
        } catch (const InputError& e) {
            c.out << f.filename().string() << "\t(not allowed: " << e.what() << ")\n";
        }
    }
}

} // namespace

std::vector<std::string> writeReaderKit(const std::string& readerId, const std::string& dir,
                                        const std::string& hubPublicKeyFile, const std::string& hubEndpoint,
                                        const std::string& keysDir)
{
    requireDirectory(dir, "--key-out");
    const auto hub = protocol::readCurveCertificate(hubPublicKeyFile);
    if (hub.meta("role") != "hub")
        throw InputError(hubPublicKeyFile + ": not a hub key (role " + hub.meta("role") + ")");
    if (!keysDir.empty()) requireDirectory(keysDir, "--keys-dir");
    const auto agentConfig = fs::path(dir) / (readerId + "-agent.toml");
    if (fs::exists(agentConfig)) throw InputError(agentConfig.string() + ": already exists; not overwritten");
    const auto cert =
        protocol::generateCurveCertificate({{"name", readerId}, {"role", "reader"}, {"reader", readerId}});
    const auto publicPath = protocol::writeCurveCertificate(cert, dir, readerId);
    std::vector<std::string> wrote{publicPath, publicPath + "_secret (mode 0600)"};
    {
        std::ofstream out(agentConfig);
        out << "# rollcall-agent settings for reader " << readerId << ", written by rollcallctl reader add.\n"
            << "[reader]\nid = \"" << readerId << "\"\n"
            << "[hub]\nendpoint = \"" << hubEndpoint << "\"\n"
            << "[security]\nkey = \"" << fs::absolute(publicPath + "_secret").string() << "\"\n"
            << "server_key = \"" << fs::absolute(hubPublicKeyFile).string() << "\"\n";
        if (!out.flush()) throw InputError(agentConfig.string() + ": cannot write");
    }
    wrote.push_back(agentConfig.string());
    if (!keysDir.empty()) {
        const auto target = fs::path(keysDir) / (readerId + ".key");
        if (fs::exists(target)) throw InputError(target.string() + ": a key named " + readerId + " is already allowed");
        fs::copy_file(publicPath, target);
        wrote.push_back(target.string() + " (allowed)");
    }
    return wrote;
}

std::vector<std::pair<CLI::App*, ReportCommand>> addKeyCommands(CLI::App& app)
{
    auto o = std::make_shared<KeyOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto bind = [o](void (*f)(const KeyOptions&, const CommandContext&)) {
        return [o, f](const CommandContext& c) { f(*o, c); };
    };
    auto* key = app.add_subcommand("key", "CURVE keys (ZeroMQ certificate files) and the hub's allowed keys")
                    ->require_subcommand(1);
    auto* generate = key->add_subcommand("generate", "make a key pair: NAME.key (public), NAME.key_secret (0600)");
    generate->add_option("--role", o->role, "hub, reader, viewer, organizer or office")->required();
    generate->add_option("--name", o->name, "the key's name (an id)")->required();
    generate->add_option("--reader", o->reader, "for a reader key: the one reader id it may speak for");
    generate->add_option("--out", o->out, "directory to write the two files into")->required();
    out.emplace_back(generate, bind(cmdGenerate));

    auto* allow = key->add_subcommand("allow", "allow a client's public key (the hub reads it at once)");
    allow->add_option("file", o->file, "the client's NAME.key")->required();
    allow->add_option("--keys-dir", o->keysDir, "the hub's allowed-keys directory ([security] keys_dir)")->required();
    out.emplace_back(allow, bind(cmdAllow));

    auto* revoke = key->add_subcommand("revoke", "remove an allowed key: refused from its next connection");
    revoke->add_option("name", o->name, "the key's name")->required();
    revoke->add_option("--keys-dir", o->keysDir, "the hub's allowed-keys directory")->required();
    out.emplace_back(revoke, bind(cmdRevoke));

    auto* list = key->add_subcommand("list", "allowed keys: name, role, reader, public key");
    list->add_option("--keys-dir", o->keysDir, "the hub's allowed-keys directory")->required();
    out.emplace_back(list, bind(cmdList));
    return out;
}

} // namespace rollcall::ctl
