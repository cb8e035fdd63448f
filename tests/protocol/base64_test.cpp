// Base64 as RFC 4648 gives it: how admin messages carry a file's bytes.
#include "protocol/base64.h"

#include <gtest/gtest.h>
#include <utility>

namespace rollcall::protocol {
namespace {

TEST(Base64, encodesAndDecodesAsRfc4648Says)
{
    // RFC 4648 §10.
    const std::pair<const char*, const char*> vectors[] = {{"", ""},
                                                           {"f", "Zg=="},
                                                           {"fo", "Zm8="},
                                                           {"foo", "Zm9v"},
                                                           {"foob", "Zm9vYg=="},
                                                           {"fooba", "Zm9vYmE="},
                                                           {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(toBase64(plain), encoded);
        EXPECT_EQ(fromBase64(encoded), std::string(plain));
    }
}

TEST(Base64, refusesWhatIsNotPaddedBase64)
{
    for (const char* bad : {"Zg", "Zg=", "Z===", "Zm9v!", "Zg==Zg==", "=Zg="}) EXPECT_FALSE(isBase64(bad)) << bad;
}

} // namespace
} // namespace rollcall::protocol
