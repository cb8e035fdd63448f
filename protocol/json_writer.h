#pragma once
// Compact JSON written straight into one string (internal to protocol/): the
// hub encodes two or three messages per tap, so no DOM is built only to be
// printed. Strings are UTF-8; invalid sequences become U+FFFD, as nlohmann's
// error_handler_t::replace does.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace rollcall::protocol::wire {

/// Writes values in order; commas between members and elements are its job.
class JsonWriter {
public:
    JsonWriter() { out_.reserve(256); }

    void beginObject() { out_ += '{'; }
    void endObject() { out_ += '}'; }
    void beginArray() { out_ += '['; }
    void endArray() { out_ += ']'; }
    /// Before each array element.
    void element()
    {
        if (out_.back() != '[') out_ += ',';
    }
    /// A member name: plain ASCII that needs no escaping (field descriptors check it).
    void key(std::string_view name)
    {
        if (out_.back() != '{') out_ += ',';
        out_ += '"';
        out_ += name;
        out_ += "\":";
    }

    void boolean(bool v) { out_ += v ? "true" : "false"; }
    void number(std::int64_t v) { appendNumber(v); }
    void number(std::uint64_t v) { appendNumber(v); }
    void string(std::string_view s);

    [[nodiscard]] std::string finish() && { return std::move(out_); }

private:
    template <class Integer>
    void appendNumber(Integer v)
    {
        char buf[24];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, end);
    }

    std::string out_;
};

} // namespace rollcall::protocol::wire
