// JSON string escaping for JsonWriter.
#include "protocol/json_writer.h"

#include <cstddef>

namespace rollcall::protocol::wire {
namespace {

// Length of the valid UTF-8 sequence starting at s[i] (a lead byte >= 0x80), or 0.
std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF)
    {
        len = 2;
        cp = c & 0x1F;
    }
    else if (c >= 0xE0 && c <= 0xEF)
    {
        len = 3;
        cp = c & 0x0F;
    }
    else if (c >= 0xF0 && c <= 0xF4)
    {
        len = 4;
        cp = c & 0x07;
    }
    else
    {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k)
    {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
    {
        return 0;
    }
    return len;
}

}  // namespace

void JsonWriter::string(std::string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    // Bytes that need no escaping are copied in runs; the loop stops only at
    // the few that do and at non-ASCII lead bytes.
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < s.size())
    {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\')
        {
            ++i;
            continue;
        }
        if (c >= 0x80)
        {
            if (const std::size_t len = utf8SequenceLength(s, i); len != 0)
            {
                i += len;
                continue;
            }
        }
        out_.append(s.data() + run, i - run);
        switch (c)
        {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
            if (c < 0x20)
            {
                out_ += "\\u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 0x0f];
            }
            else
            {
                out_ += "\xEF\xBF\xBD";  // U+FFFD for an invalid byte
            }
        }
        ++i;
        run = i;
    }
    out_.append(s.data() + run, i - run);
    out_ += '"';
}

}  // namespace rollcall::protocol::wire
