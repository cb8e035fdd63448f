#include "hardware/emulator/pn532_control_server.h"
#include "hardware/emulator/pn532_emulator.h"
#include "tests/hardware/hardware_test_support.h"

#include <cstring>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>

using rollcall::emulator::CardType;
using rollcall::emulator::Pn532ControlServer;
using rollcall::emulator::Pn532Emulator;
namespace t = rollcall::emulator::test;

namespace {

// handle() is exercised without a pty: the emulator is built but not started.
class Pn532ControlServerTest : public ::testing::Test {
protected:
    t::TempDir dir_;
    Pn532Emulator emulator_{{dir_ / "ttyPN532", 1.0}};
    Pn532ControlServer server_{emulator_, dir_ / "control.sock"};
};

struct BadLine {
    const char* name;
    const char* line;
    const char* messagePart;
};
// Named cases print by name, not as raw bytes, in test listings.
inline void PrintTo(const BadLine& c, std::ostream* os) { *os << c.name; }

class Pn532ControlServerBadLine : public Pn532ControlServerTest, public ::testing::WithParamInterface<BadLine> {};

} // namespace

TEST_F(Pn532ControlServerTest, tapPutsCardInFieldWithDefaultType)
{
    EXPECT_EQ(server_.handle("tap 04:a1:B2:c3"), "ok");
    ASSERT_TRUE(emulator_.card().has_value());
    EXPECT_EQ(emulator_.card()->uid(), (std::vector<std::uint8_t>{0x04, 0xA1, 0xB2, 0xC3}));
    EXPECT_EQ(emulator_.card()->type(), CardType::MifareClassic1K);
}

TEST_F(Pn532ControlServerTest, tapAcceptsDurationAndType)
{
    EXPECT_EQ(server_.handle("tap 04112233445566 5000 iso14443-4"), "ok");
    EXPECT_EQ(emulator_.card()->type(), CardType::Iso14443_4);
    EXPECT_EQ(server_.handle("tap 04112233445566 ultralight"), "ok");
    EXPECT_EQ(emulator_.card()->type(), CardType::MifareUltralight);
}

TEST_F(Pn532ControlServerTest, presentThenRemove)
{
    EXPECT_EQ(server_.handle("present 04A1B2C3 classic"), "ok");
    EXPECT_TRUE(emulator_.card().has_value());
    EXPECT_EQ(server_.handle("remove"), "ok");
    EXPECT_FALSE(emulator_.card().has_value());
}

TEST_F(Pn532ControlServerTest, statusDescribesCardAndCounters)
{
    EXPECT_EQ(server_.handle("status"), "ok card=none reports=0 polls=0 gpio=none");
    (void)server_.handle("present 04:A1:B2:C3");
    EXPECT_EQ(server_.handle("status"), "ok card=04A1B2C3 type=classic reports=0 polls=0 gpio=none");
}

TEST_F(Pn532ControlServerTest, quitIsAcknowledgedAndRemembered)
{
    EXPECT_FALSE(server_.quitRequested());
    EXPECT_EQ(server_.handle("quit"), "ok");
    EXPECT_TRUE(server_.quitRequested());
}

TEST_P(Pn532ControlServerBadLine, answersErrorNamingTheProblem)
{
    const std::string answer = server_.handle(GetParam().line);
    EXPECT_EQ(answer.rfind("error: ", 0), 0U) << answer;
    EXPECT_NE(answer.find(GetParam().messagePart), std::string::npos) << answer;
    EXPECT_FALSE(emulator_.card().has_value());
}

INSTANTIATE_TEST_SUITE_P(Lines, Pn532ControlServerBadLine,
                         ::testing::Values(BadLine{"empty", "", "empty command"},
                                           BadLine{"unknownCommand", "jump 04A1B2C3", "unknown command 'jump'"},
                                           BadLine{"tapWithoutUid", "tap", "needs a UID"},
                                           BadLine{"badUid", "tap 04A1B2", "bad UID '04A1B2'"},
                                           BadLine{"zeroDuration", "tap 04A1B2C3 0", "duration"},
                                           BadLine{"hugeDuration", "tap 04A1B2C3 99999999", "duration"},
                                           BadLine{"unknownType", "tap 04A1B2C3 300 felica", "'felica'"},
                                           BadLine{"presentWithDuration", "present 04A1B2C3 300", "'300'"},
                                           BadLine{"removeWithArgument", "remove now", "takes no arguments"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Pn532ControlServer, refusesSocketPathThatIsTooLong)
{
    t::TempDir dir;
    Pn532Emulator emulator({dir / "ttyPN532", 1.0});
    EXPECT_THROW(Pn532ControlServer(emulator, dir / std::string(120, 's')), std::invalid_argument);
}

TEST(Pn532ControlServer, replacesStaleSocketButNotLiveOne)
{
    t::TempDir dir;
    Pn532Emulator emulator({dir / "ttyPN532", 1.0});
    {
        Pn532ControlServer live(emulator, dir / "control.sock");
        EXPECT_THROW(Pn532ControlServer(emulator, dir / "control.sock"), std::system_error);
    }
    // Leave a socket file nobody listens on, as a killed emulator would.
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string path = (dir / "control.sock").string();
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ::close(fd);
    EXPECT_NO_THROW(Pn532ControlServer(emulator, dir / "control.sock"));
}
