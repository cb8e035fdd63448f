// CURVE key files in zcert's format: what Rollcall writes reads back, a file
// as CZMQ writes it reads, a '#' inside a key is no comment, and a bad file
// is refused naming the file and line.
#include "common/input_error.h"
#include "protocol/curve_certificate.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <zmq.h>

namespace rollcall::protocol {
namespace {

using test::TempDir;

TEST(CurveCertificate, writtenFilesReadBackWithTheirMetadata)
{
    TempDir dir;
    const auto cert = generateCurveCertificate({{"name", "door-1"}, {"role", "reader"}, {"reader", "r-hall"}});
    EXPECT_TRUE(isZ85Key(cert.publicKey));
    EXPECT_TRUE(isZ85Key(cert.secretKey));
    const auto path = writeCurveCertificate(cert, dir.path().string(), "door-1");
    EXPECT_EQ(path, dir.file("door-1.key"));
    const auto pub = readCurveCertificate(path);
    EXPECT_EQ(pub.publicKey, cert.publicKey);
    EXPECT_TRUE(pub.secretKey.empty());
    EXPECT_EQ(pub.meta("reader"), "r-hall");
    EXPECT_EQ(readCurveSecretCertificate(path + "_secret").secretKey, cert.secretKey);
    struct stat st {};
    ASSERT_EQ(::stat((path + "_secret").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_THROW(writeCurveCertificate(cert, dir.path().string(), "door-1"), common::InputError) << "overwrote";
    EXPECT_THROW((void)readCurveSecretCertificate(path), common::InputError) << "a public file has no secret";
}

TEST(CurveCertificate, aHashInsideAKeyIsNoComment)
{
    TempDir dir;
    // '#' is a Z85 digit: make keys until one holds it (about one in three does).
    for (int i = 0; i < 200; ++i) {
        auto cert = generateCurveCertificate({{"name", "k" + std::to_string(i)}});
        if (cert.publicKey.find('#') == std::string::npos) continue;
        const auto path = writeCurveCertificate(cert, dir.path().string(), "k" + std::to_string(i));
        EXPECT_EQ(readCurveCertificate(path).publicKey, cert.publicKey);
        return;
    }
    FAIL() << "no key with '#' in 200";
}

TEST(CurveCertificate, aFileAsCzmqWritesItIsRead)
{
    TempDir dir;
    char pub[41];
    char sec[41];
    ASSERT_EQ(zmq_curve_keypair(pub, sec), 0);
    const auto path =
        dir.write("czmq.key_secret", std::string("#   ****  Generated on 2026-11-30 04:00:00 by CZMQ  ****\n"
                                                 "#   ZeroMQ CURVE **Secret** Certificate\n"
                                                 "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change "
                                                 "its permissions.\n\n"
                                                 "metadata\n"
                                                 "    name = \"screen-1\"\n"
                                                 "    role = \"viewer\"\n"
                                                 "curve\n"
                                                 "    public-key = \"")
                                         + pub + "\"\n    secret-key = \"" + sec + "\"\n");
    const auto cert = readCurveSecretCertificate(path);
    EXPECT_EQ(cert.publicKey, pub);
    EXPECT_EQ(cert.secretKey, sec);
    EXPECT_EQ(cert.meta("role"), "viewer");
}

TEST(CurveCertificate, badFilesAreRefusedNamingFileAndLine)
{
    TempDir dir;
    struct Case {
        const char* name;
        const char* text;
        const char* mentions;
    };
    const Case cases[] = {
        {"no key", "metadata\n    name = \"x\"\n", ".key: no curve public-key"},
        {"not z85", "curve\n    public-key = \"short\"\n", ".key:2: public-key is not a 40-character Z85 key"},
        {"no equals", "curve\n    public-key\n", ".key:2: expected \"name = value\""},
    };
    for (const auto& c : cases) {
        const auto path = dir.write(std::string(c.name) + ".key", c.text);
        try {
            (void)readCurveCertificate(path);
            ADD_FAILURE() << c.name << ": accepted";
        } catch (const common::InputError& e) {
            EXPECT_NE(std::string(e.what()).find(c.mentions), std::string::npos) << c.name << ": " << e.what();
        }
    }
    EXPECT_THROW((void)readCurveCertificate(dir.file("absent.key")), common::InputError);
}

} // namespace
} // namespace rollcall::protocol
