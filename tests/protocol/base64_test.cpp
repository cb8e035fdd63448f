// Base64 as RFC 4648 gives it: how admin messages carry a file's bytes and
// the photo query a photo's; binary round trips; text that is not padded
// base64 refused.
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

TEST(Base64, binaryBytesRoundTrip)
{
    std::string bytes;
    for (int i = 0; i < 1000; ++i) bytes += static_cast<char>(i * 7 % 256);
    for (std::size_t n : {0u, 1u, 2u, 3u, 999u, 1000u}) {
        const auto part = bytes.substr(0, n);
        EXPECT_EQ(fromBase64(toBase64(part)), part) << n;
    }
}

TEST(Base64, refusesWhatIsNotPaddedBase64)
{
    for (const char* bad : {"Zg", "Zg=", "Z===", "Zm9v!", "Zm9v!A==", "Zg==Zg==", "=Zg="})
        EXPECT_FALSE(isBase64(bad)) << bad;
}

} // namespace
} // namespace rollcall::protocol
