// Base64 for a photo's bytes on the wire: RFC 4648's test vectors, binary
// round trips, and text that is not padded base64 refused.
#include "protocol/base64.h"

#include <gtest/gtest.h>

using namespace rollcall::protocol;

TEST(Base64, encodesTheRfc4648Vectors)
{
    EXPECT_EQ(base64Encode(""), "");
    EXPECT_EQ(base64Encode("f"), "Zg==");
    EXPECT_EQ(base64Encode("fo"), "Zm8=");
    EXPECT_EQ(base64Encode("foo"), "Zm9v");
    EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(base64Decode("Zm9vYg=="), "foob");
    EXPECT_EQ(base64Decode("Zm9vYmE="), "fooba");
}

TEST(Base64, binaryBytesRoundTrip)
{
    std::string bytes;
    for (int i = 0; i < 1000; ++i) bytes += static_cast<char>(i * 7 % 256);
    for (std::size_t n : {0u, 1u, 2u, 3u, 999u, 1000u}) {
        const auto part = bytes.substr(0, n);
        EXPECT_EQ(base64Decode(base64Encode(part)), part) << n;
    }
}

TEST(Base64, textThatIsNotPaddedBase64IsRefused)
{
    for (const char* bad : {"Zg", "Zg=", "Z===", "Zm9v!A==", "Zg==Zg==", "=Zg="})
        EXPECT_FALSE(base64Decode(bad)) << bad;
}
