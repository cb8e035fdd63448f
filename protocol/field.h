#pragma once
// Field descriptors (internal to protocol/): each wire message is described
// once, as a constexpr tuple of Fields in wire order (message_descriptions.h),
// and that one description drives both decoding (FieldReader, field_reader.h)
// and encoding (writeFields, field_writer.h).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace rollcall::protocol::wire {

/// Primary template left undefined: Description<M>::kFields is the tuple of
/// M's fields, declared in message_descriptions.h for every wire struct.
template <class Msg>
struct Description;

template <class T>
concept Described = requires
{
    Description<T>::kFields;
};

// ------------------------------------------------------------------ value rules

/// Rules for strings and string elements (docs/protocol.md §3).
enum class StrRule {
    Id,           ///< 1..64 bytes of [A-Za-z0-9._:-]
    IdOrEmpty,    ///< an Id or ""
    Token,        ///< 1..64 printable ASCII bytes, no spaces
    TokenOrEmpty, ///< a Token or ""
    Text,         ///< 0..1024 bytes of UTF-8, no NUL
    Uid,          ///< wire badge UID (badge_uid.h)
    Day,          ///< YYYY-MM-DD, a real date from 1970 on
    LongText,     ///< UTF-8 without NUL, bounded by the frame only (a command's output)
    Base64,       ///< RFC 4648 base64 with padding, bounded by the frame only (a file's bytes)
    PhotoBase64,  ///< padded base64 (RFC 4648) of 1..kMaxPhotoBytes bytes
    Mime,         ///< an image type a board can show: "image/jpeg" or "image/png"
};

/// Range of a signed integer member (int64 or int32): read as a signed JSON integer.
struct IntRange {
    std::int64_t lo;
    std::int64_t hi;
};

/// Range of an unsigned integer member (uint64): negative values are refused as such.
struct UIntRange {
    std::uint64_t lo;
    std::uint64_t hi;
};

/// No rule beyond the member's type: bool, enum (its wire names), described struct.
struct AnyValue {};

/// A time in range that must not lie before another, earlier field of the same message.
template <class Msg>
struct NotBefore {
    IntRange range;
    std::int64_t Msg::*other;
    std::string_view otherName;
};

/// An offset in range whose sum with another, earlier field of the same message
/// must also lie in `sumRange`: a tap's at_ms + clock_offset_ms is the hub time
/// it is recorded at, which must itself be a time.
template <class Msg>
struct SumInRange {
    IntRange range;
    IntRange sumRange;
    std::int64_t Msg::*other;
    std::string_view otherName;
};

/// An array: the rule of each element and the most entries allowed.
template <class Element>
struct ListOf {
    Element element;
    std::size_t maxItems;
};

// ------------------------------------------------------------------ fields

enum class Presence {
    Required,      ///< absent or null: MissingField
    Optional,      ///< std::optional member: absent or null reads as nullopt; nullopt is not written
    OmitWhenEmpty, ///< absent or null reads as empty; empty is not written
};

/// One member of a wire object.
template <class Msg, class Member, class Rule>
struct Field {
    std::string_view name;
    Member Msg::*member;
    Rule rule;
    Presence presence;
};

/// A variant member written as two fields: a tag naming the alternative
/// (tags[index]) and an object holding it.
template <class Msg, class Variant>
struct TaggedField {
    std::string_view tagName;
    std::string_view valueName;
    Variant Msg::*member;
    const std::string_view* tags; ///< std::variant_size_v<Variant> names, in alternative order
    std::string_view tagMeaning;  ///< for error details, e.g. "update kind"
};

template <class T>
inline constexpr bool kIsOptional = false;
template <class T>
inline constexpr bool kIsOptional<std::optional<T>> = true;

// Names are written without escaping, so they must not need any.
constexpr std::string_view plainName(std::string_view name)
{
    if (name.empty()) throw std::logic_error("empty wire name");
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            throw std::logic_error("wire names are [a-z0-9_]");
        }
    }
    return name;
}

/// A required member, or an optional one if the member is a std::optional.
template <class Msg, class Member, class Rule = AnyValue>
constexpr Field<Msg, Member, Rule> field(std::string_view name, Member Msg::*member, Rule rule = {})
{
    return {plainName(name), member, rule, kIsOptional<Member> ? Presence::Optional : Presence::Required};
}

/// A container member that may be absent on the wire and is left out when empty.
template <class Msg, class Member, class Rule = AnyValue>
constexpr Field<Msg, Member, Rule> fieldOmittedWhenEmpty(std::string_view name, Member Msg::*member, Rule rule = {})
{
    return {plainName(name), member, rule, Presence::OmitWhenEmpty};
}

template <class Msg, class Variant>
constexpr TaggedField<Msg, Variant> taggedField(std::string_view tagName, std::string_view valueName,
                                                Variant Msg::*member, const std::string_view* tags,
                                                std::string_view tagMeaning)
{
    return {plainName(tagName), plainName(valueName), member, tags, tagMeaning};
}

template <class Element = AnyValue>
constexpr ListOf<Element> listOf(std::size_t maxItems, Element element = {})
{
    return {element, maxItems};
}

} // namespace rollcall::protocol::wire
