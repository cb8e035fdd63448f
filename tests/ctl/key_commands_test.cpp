// rollcallctl key generate|allow|revoke|list and reader add --key-out, in
// process: ZeroMQ certificate files (zcert's ZPL text), a secret file only its
// owner can read, keys checked as the hub checks them.
#include "hub/core/schema.h"
#include "protocol/curve_certificate.h"
#include "tests/ctl/ctl_harness.h"

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace rollcall::test {
namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path)
{
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

class KeyCommands : public CtlHarness {
protected:
    void SetUp() override
    {
        fs::create_directories(out_);
        fs::create_directories(allowed_);
    }
    CtlResult key(std::vector<std::string> args)
    {
        args.insert(args.begin(), "key");
        // Key commands need no record: run them without --db.
        std::vector<std::string> full{"rollcallctl"};
        full.insert(full.end(), args.begin(), args.end());
        std::vector<const char*> argv;
        for (const auto& a : full) argv.push_back(a.c_str());
        std::ostringstream out, err;
        CtlResult r;
        r.code = ctl::runCtl(static_cast<int>(argv.size()), argv.data(), out, err, clock_);
        r.out = out.str();
        r.err = err.str();
        return r;
    }
    std::string out_ = (dir_ / "keys").string();
    std::string allowed_ = (dir_ / "allowed").string();
};

TEST_F(KeyCommands, generateWritesZcertFilesWithTheSecretForTheOwnerOnly)
{
    const auto r = key({"generate", "--role", "reader", "--name", "door-1", "--reader", "r-hall", "--out", out_});
    ASSERT_EQ(r.code, 0) << r;
    const auto publicText = slurp(out_ + "/door-1.key");
    const auto secretText = slurp(out_ + "/door-1.key_secret");
    EXPECT_NE(publicText.find("metadata\n    name = \"door-1\"\n"), std::string::npos) << publicText;
    EXPECT_NE(publicText.find("curve\n    public-key = \""), std::string::npos) << publicText;
    EXPECT_EQ(publicText.find("secret-key"), std::string::npos);
    EXPECT_NE(secretText.find("    secret-key = \""), std::string::npos);
    struct stat st {};
    ASSERT_EQ(::stat((out_ + "/door-1.key_secret").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    const auto cert = protocol::readCurveSecretCertificate(out_ + "/door-1.key_secret");
    EXPECT_EQ(cert.meta("role"), "reader");
    EXPECT_EQ(cert.meta("reader"), "r-hall");
    EXPECT_EQ(protocol::readCurveCertificate(out_ + "/door-1.key").publicKey, cert.publicKey);
    EXPECT_NE(r.out.find(cert.publicKey), std::string::npos);
    EXPECT_EQ(r.out.find(cert.secretKey), std::string::npos) << "the secret key must never be printed";
}

TEST_F(KeyCommands, badRequestsAreRefusedNamingTheOption)
{
    struct Case {
        const char* name;
        std::vector<std::string> args;
        const char* mentions;
    };
    const std::vector<Case> cases{
        {"unknown role", {"generate", "--role", "admin", "--name", "x", "--out", out_}, "--role \"admin\""},
        {"reader key without a reader", {"generate", "--role", "reader", "--name", "x", "--out", out_}, "--reader"},
        {"viewer key with a reader",
         {"generate", "--role", "viewer", "--name", "x", "--reader", "r1", "--out", out_},
         "--reader"},
        {"name that is no id", {"generate", "--role", "viewer", "--name", "a/b", "--out", out_}, "--name \"a/b\""},
        {"no such directory",
         {"generate", "--role", "viewer", "--name", "x", "--out", out_ + "/none"},
         "not a directory"},
        {"allow a file that is not there", {"allow", out_ + "/none.key", "--keys-dir", allowed_}, "none.key"},
        {"revoke a key never allowed", {"revoke", "ghost", "--keys-dir", allowed_}, "ghost"},
    };
    for (const auto& c : cases) {
        const auto r = key(c.args);
        EXPECT_EQ(r.code, 1) << c.name << ": " << r;
        EXPECT_NE(r.err.find(c.mentions), std::string::npos) << c.name << ": " << r;
    }
    EXPECT_TRUE(fs::is_empty(allowed_));
}

TEST_F(KeyCommands, allowListRevokeWorkOnTheKeysDirectory)
{
    ASSERT_EQ(key({"generate", "--role", "viewer", "--name", "screen-1", "--out", out_}).code, 0);
    ASSERT_EQ(key({"generate", "--role", "hub", "--name", "hub", "--out", out_}).code, 0);
    const auto secret = key({"allow", out_ + "/screen-1.key_secret", "--keys-dir", allowed_});
    EXPECT_EQ(secret.code, 1) << secret;
    EXPECT_NE(secret.err.find("secret"), std::string::npos) << secret;
    const auto hub = key({"allow", out_ + "/hub.key", "--keys-dir", allowed_});
    EXPECT_EQ(hub.code, 1) << "the hub's own key is no client key: " << hub;

    ASSERT_EQ(key({"allow", out_ + "/screen-1.key", "--keys-dir", allowed_}).code, 0);
    EXPECT_TRUE(fs::exists(allowed_ + "/screen-1.key"));
    EXPECT_EQ(key({"allow", out_ + "/screen-1.key", "--keys-dir", allowed_}).code, 1) << "allowed twice";
    const auto list = key({"list", "--keys-dir", allowed_});
    ASSERT_EQ(list.code, 0) << list;
    EXPECT_NE(list.out.find("screen-1\tviewer\t"), std::string::npos) << list;
    ASSERT_EQ(key({"revoke", "screen-1", "--keys-dir", allowed_}).code, 0);
    EXPECT_FALSE(fs::exists(allowed_ + "/screen-1.key"));
}

TEST_F(KeyCommands, readerAddWritesTheReadersKeysAndAgentConfigInOneStep)
{
    ASSERT_EQ(key({"generate", "--role", "hub", "--name", "hub", "--out", out_}).code, 0);
    ok({"init"});
    ok({"venue", "add", "--id", "hall"});
    const auto kit = (dir_ / "kit").string();
    fs::create_directories(kit);
    const auto r = ctl({"reader", "add", "--id", "r-hall", "--venue", "hall", "--direction", "in", "--key-out", kit,
                        "--server-key", out_ + "/hub.key", "--hub", "tcp://hub.example:7700", "--keys-dir", allowed_});
    ASSERT_EQ(r.code, 0) << r;
    const auto cert = protocol::readCurveSecretCertificate(kit + "/r-hall.key_secret");
    EXPECT_EQ(cert.meta("reader"), "r-hall");
    EXPECT_EQ(protocol::readCurveCertificate(allowed_ + "/r-hall.key").publicKey, cert.publicKey);
    const auto config = slurp(kit + "/r-hall-agent.toml");
    EXPECT_NE(config.find("endpoint = \"tcp://hub.example:7700\""), std::string::npos) << config;
    EXPECT_NE(config.find("r-hall.key_secret"), std::string::npos) << config;
    EXPECT_NE(config.find("hub.key\""), std::string::npos) << config;

    // Without the hub's key nothing is written and no reader added.
    const auto refused =
        ctl({"reader", "add", "--id", "r-annex", "--venue", "hall", "--direction", "in", "--key-out", kit});
    EXPECT_EQ(refused.code, 1) << refused;
    EXPECT_FALSE(fs::exists(kit + "/r-annex.key"));
}

} // namespace
} // namespace rollcall::test
