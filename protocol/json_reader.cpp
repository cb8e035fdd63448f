// Strict JSON parsing of one frame.
#include "protocol/json_reader.h"

#include <utility>
#include <vector>

namespace rollcall::protocol::wire {
namespace {

// SAX handler building a DOM like Json::parse, but refusing nesting beyond
// kMaxNestingDepth and duplicate keys. nlohmann's SAX parser is iterative, so
// hostile nesting never recurses; we stop it at the first level too deep.
// The member names are nlohmann's SAX interface.
class DomBuilder {
public:
    explicit DomBuilder(Json& root) : root_(root) {}

    bool null() { return put(Json(nullptr)); }
    bool boolean(bool v) { return put(Json(v)); }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
    bool number_float(Json::number_float_t v, const Json::string_t& /*text*/) { return put(Json(v)); }
    bool string(Json::string_t& v) { return put(Json(std::move(v))); }
    bool binary(Json::binary_t& /*v*/)
    {
        error_ = "binary values are not JSON";
        return false;
    }
    bool start_object(std::size_t /*elements*/) { return open(Json::value_t::object); }
    bool end_object() { return close(); }
    bool start_array(std::size_t /*elements*/) { return open(Json::value_t::array); }
    bool end_array() { return close(); }
    bool key(Json::string_t& k)
    {
        auto& obj = *stack_.back()->get_ptr<Json::object_t*>();
        auto [it, inserted] = obj.emplace(std::move(k), nullptr);
        if (!inserted) {
            error_ = "duplicate key '" + escapeForDetail(it->first) + "'";
            return false;
        }
        slot_ = &it->second;
        return true;
    }
    bool parse_error(std::size_t position, const std::string& /*lastToken*/, const nlohmann::detail::exception& ex)
    {
        std::string_view what = ex.what();
        if (const auto pos = what.find("] "); what.starts_with("[json.exception") && pos != std::string_view::npos) {
            what.remove_prefix(pos + 2);
        }
        error_ = "not valid JSON (byte " + std::to_string(position) + "): " + escapeForDetail(what, 200);
        return false;
    }

    [[nodiscard]] const std::string& error() const { return error_; }

private:
    bool put(Json&& v)
    {
        place(std::move(v));
        return true;
    }
    Json* place(Json&& v)
    {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Json& top = *stack_.back();
        if (top.is_array()) {
            auto& arr = *top.get_ptr<Json::array_t*>();
            arr.push_back(std::move(v));
            return &arr.back();
        }
        *slot_ = std::move(v);
        return slot_;
    }
    bool open(Json::value_t type)
    {
        if (stack_.size() >= kMaxNestingDepth) {
            error_ = "nested deeper than " + std::to_string(kMaxNestingDepth) + " levels";
            return false;
        }
        stack_.push_back(place(Json(type)));
        return true;
    }
    bool close()
    {
        stack_.pop_back();
        return true;
    }

    Json& root_;
    std::vector<Json*> stack_;
    Json* slot_ = nullptr;
    std::string error_;
};

} // namespace

std::string escapeForDetail(std::string_view s, std::size_t maxLen)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (char ch : s) {
        if (out.size() >= maxLen) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7f && c != '\\') {
            out.push_back(ch);
        } else {
            out += "\\x";
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0x0f]);
        }
    }
    return out;
}

std::optional<DecodeError> parseFrame(std::string_view bytes, std::size_t maxBytes, Json& root)
{
    if (bytes.size() > maxBytes) {
        return DecodeError{DecodeErrorKind::Oversized, "frame is " + std::to_string(bytes.size()) + " bytes, at most "
                                                           + std::to_string(maxBytes) + " allowed"};
    }
    // nlohmann's lexer takes a NUL byte for end of input, so "{...}\0junk"
    // would pass; a raw NUL is never valid JSON anyway.
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        return DecodeError{DecodeErrorKind::Malformed, "not valid JSON: NUL byte at offset " + std::to_string(nul)};
    }
    DomBuilder builder(root);
    if (!Json::sax_parse(bytes.begin(), bytes.end(), &builder)) {
        return DecodeError{DecodeErrorKind::Malformed, builder.error()};
    }
    if (!root.is_object()) {
        return DecodeError{DecodeErrorKind::Malformed,
                           std::string("frame must be a JSON object, got ") + root.type_name()};
    }
    return std::nullopt;
}

} // namespace rollcall::protocol::wire
