#pragma once
// CURVE keys for a test, made in its temp dir in microseconds: the hub's key
// pair, its allowed-keys directory, and client keys allowed there on demand
// (a reader key per reader id, viewer/office keys), as ZeroMQ certificate
// files the real binaries read. hubArgs() starts a secure rollcall-hub.
#include "protocol/curve_certificate.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rollcall::test {

/// A client's key pair and the hub public key it trusts, for the test clients of hub_clients.h.
struct ClientKey {
    protocol::CurveCertificate cert;
    std::string serverPublicKey;
};

class TestKeys {
public:
    TestKeys()
    {
        std::filesystem::create_directories(dir_ / "own");
        std::filesystem::create_directories(dir_ / "allowed");
        hub_ = protocol::generateCurveCertificate({{"name", "hub"}, {"role", "hub"}});
        protocol::writeCurveCertificate(hub_, ownDir(), "hub");
    }

    [[nodiscard]] std::string ownDir() const { return (dir_ / "own").string(); }
    [[nodiscard]] std::string keysDir() const { return (dir_ / "allowed").string(); }
    [[nodiscard]] std::string serverSecretFile() const { return ownDir() + "/hub.key_secret"; }
    [[nodiscard]] std::string serverPublicFile() const { return ownDir() + "/hub.key"; }
    [[nodiscard]] const protocol::CurveCertificate& hub() const noexcept { return hub_; }
    /// Arguments that make rollcall-hub secure with these keys.
    [[nodiscard]] std::vector<std::string> hubArgs() const
    {
        return {"--server-key", serverSecretFile(), "--keys-dir", keysDir()};
    }

    /// A key named `name` with `role` (and `reader`), made once, its public file
    /// put in the allowed-keys directory unless `allowed` is false.
    ClientKey client(const std::string& role, const std::string& name, const std::string& reader = {},
                     bool allowed = true)
    {
        auto it = clients_.find(name);
        if (it == clients_.end()) {
            std::map<std::string, std::string> meta{{"name", name}, {"role", role}};
            if (!reader.empty()) meta["reader"] = reader;
            it = clients_.emplace(name, protocol::generateCurveCertificate(std::move(meta))).first;
            protocol::writeCurveCertificate(it->second, ownDir(), name);
            if (allowed) allow(name);
        }
        return {it->second, hub_.publicKey};
    }
    ClientKey reader(const std::string& readerId) { return client("reader", readerId, readerId); }
    ClientKey viewer(const std::string& name = "viewer") { return client("viewer", name); }
    ClientKey office(const std::string& name = "office") { return client("office", name); }

    /// Puts NAME.key in the allowed-keys directory (as `rollcallctl key allow` does).
    void allow(const std::string& name) const
    {
        std::filesystem::copy_file(ownDir() + "/" + name + ".key", keysDir() + "/" + name + ".key",
                                   std::filesystem::copy_options::overwrite_existing);
    }
    /// Removes it (as `rollcallctl key revoke` does).
    void revoke(const std::string& name) const { std::filesystem::remove(keysDir() + "/" + name + ".key"); }
    /// The client's secret file, for a binary's --key.
    [[nodiscard]] std::string secretFile(const std::string& name) const
    {
        return ownDir() + "/" + name + ".key_secret";
    }

private:
    TempDir dir_;
    protocol::CurveCertificate hub_;
    std::map<std::string, protocol::CurveCertificate> clients_;
};

} // namespace rollcall::test
