// JSON string escaping for JsonWriter.
#include "protocol/json_writer.h"

#include "common/utf8.h"

#include <cstddef>

namespace rollcall::protocol::wire {

void JsonWriter::string(std::string_view s)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    // Bytes that need no escaping are copied in runs; the loop stops only at
    // the few that do and at non-ASCII lead bytes.
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            if (const std::size_t len = common::decodeUtf8(s, i).length; len != 0) {
                i += len;
                continue;
            }
        }
        out_.append(s.data() + run, i - run);
        switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
            if (c < 0x20) {
                out_ += "\\u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 0x0f];
            } else {
                out_ += "\xEF\xBF\xBD"; // U+FFFD for an invalid byte
            }
        }
        ++i;
        run = i;
    }
    out_.append(s.data() + run, i - run);
    out_ += '"';
}

} // namespace rollcall::protocol::wire
