#include "protocol/base64.h"

#include <sodium.h>

namespace rollcall::protocol {

// libsodium's codec (a library already on every Rollcall machine: ZeroMQ's
// CURVE uses it), in its original, padded variant.
std::string toBase64(std::string_view bytes)
{
    constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      kVariant);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

std::optional<std::string> fromBase64(std::string_view text)
{
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, &end, sodium_base64_VARIANT_ORIGINAL)
            != 0
        || end != text.data() + text.size())
        return std::nullopt;
    out.resize(length);
    return out;
}

bool isBase64(std::string_view text) { return fromBase64(text).has_value(); }

} // namespace rollcall::protocol
