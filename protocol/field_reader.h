#pragma once
// The reading side of the field descriptors (internal to protocol/): decodes
// the members of one parsed JSON object into a described struct, checking
// presence, JSON types and each field's rule. The first error wins and is
// kept with the path of the offending value ("attendees[3].status: ...").

#include "protocol/codec.h"
#include "protocol/field.h"
#include "protocol/json_reader.h"
#include "protocol/wire_names.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

namespace rollcall::protocol::wire {

/// Where a value sits, rendered only on error as "attendees[3].status".
struct Path {
    const Path* parent = nullptr;
    std::string_view key; ///< empty: array element
    std::size_t index = 0;
};

/// Holds the first error of one decode and checks single values against rules.
/// After an error every check is a no-op returning a default.
class DecodeState {
public:
    std::optional<DecodeError> error;

    [[nodiscard]] bool failed() const noexcept { return error.has_value(); }
    void fail(const Path& where, DecodeErrorKind kind, std::string_view problem);
    void bad(const Path& where, std::string_view problem) { fail(where, DecodeErrorKind::BadField, problem); }
    void wrongType(const Path& where, const Json& v, std::string_view expected);

    std::string str(const Json& v, const Path& where, StrRule rule);
    std::int64_t i64(const Json& v, const Path& where, std::int64_t lo, std::int64_t hi);
    std::uint64_t u64(const Json& v, const Path& where, std::uint64_t lo, std::uint64_t hi);
    bool boolean(const Json& v, const Path& where);
    /// Index of v in names[0..count); 0 after an error.
    std::size_t enumIndex(const Json& v, const Path& where, const std::string_view* names, std::size_t count);
    /// v as an array of at most maxItems entries; nullptr after an error.
    const Json::array_t* array(const Json& v, const Path& where, std::size_t maxItems);

private:
    std::int64_t outOfRange(const Path& where, const std::string& got, std::int64_t lo, std::int64_t hi);
    void notAnInteger(const Path& where, const Json& v);
    bool check(const std::string& s, const Path& where, StrRule rule);
};

template <class T>
inline constexpr bool kIsNotBefore = false;
template <class Msg>
inline constexpr bool kIsNotBefore<NotBefore<Msg>> = true;
template <class T>
inline constexpr bool kIsSumInRange = false;
template <class Msg>
inline constexpr bool kIsSumInRange<SumInRange<Msg>> = true;

/// Reads the members of one JSON object, in the order its Description lists them.
class FieldReader {
public:
    FieldReader(const Json::object_t& object, const Path* path, DecodeState& state)
        : object_(object), path_(path), state_(state)
    {}

    [[nodiscard]] Path at(std::string_view key) const { return Path{path_, key, 0}; }

    /// Required member; nullptr (and MissingField) if absent or null.
    const Json* need(std::string_view key)
    {
        if (state_.failed()) return nullptr;
        const auto it = object_.find(key);
        if (it == object_.end() || it->second.is_null()) {
            state_.fail(at(key), DecodeErrorKind::MissingField, "missing");
            return nullptr;
        }
        return &it->second;
    }

    /// Optional member; nullptr if absent or null.
    const Json* maybe(std::string_view key)
    {
        if (state_.failed()) return nullptr;
        const auto it = object_.find(key);
        return it == object_.end() || it->second.is_null() ? nullptr : &it->second;
    }

    /// Reads every field of out's Description, stopping at the first error.
    template <Described T>
    void readFields(T& out)
    {
        std::apply([&](const auto&... fields) { (void)((readField(fields, out), !state_.failed()) && ...); },
                   Description<T>::kFields);
    }

    /// v must be an object holding a T.
    template <Described T>
    void readObject(const Json& v, const Path& where, T& out)
    {
        const auto* object = v.get_ptr<const Json::object_t*>();
        if (object == nullptr) {
            state_.wrongType(where, v, "an object");
            return;
        }
        FieldReader members(*object, &where, state_);
        members.readFields(out);
    }

private:
    template <class Msg, class Member, class Rule>
    void readField(const Field<Msg, Member, Rule>& field, Msg& out)
    {
        const Json* v = field.presence == Presence::Required ? need(field.name) : maybe(field.name);
        if (v == nullptr) return;
        const Path where = at(field.name);
        Member& member = out.*field.member;
        if constexpr (kIsOptional<Member>) {
            readValue(*v, where, member.emplace(), field.rule);
        } else if constexpr (kIsNotBefore<Rule>) {
            readValue(*v, where, member, field.rule.range);
            if (!state_.failed() && member < out.*field.rule.other) {
                state_.bad(where, "is before " + std::string(field.rule.otherName));
            }
        } else if constexpr (kIsSumInRange<Rule>) {
            readValue(*v, where, member, field.rule.range);
            // Both are within +-kMaxTimeMs, so the sum cannot overflow.
            const auto sum = member + out.*field.rule.other;
            if (!state_.failed() && (sum < field.rule.sumRange.lo || sum > field.rule.sumRange.hi)) {
                state_.bad(where, std::string(field.rule.otherName) + " + " + std::string(field.name)
                                      + " (the hub time) must be in [" + std::to_string(field.rule.sumRange.lo) + ", "
                                      + std::to_string(field.rule.sumRange.hi) + "], got " + std::to_string(sum));
            }
        } else {
            readValue(*v, where, member, field.rule);
        }
    }

    template <class Msg, class Variant>
    void readField(const TaggedField<Msg, Variant>& field, Msg& out)
    {
        const Json* tag = need(field.tagName);
        const Json* value = need(field.valueName);
        if (tag == nullptr || value == nullptr) return;
        const auto* name = tag->get_ptr<const Json::string_t*>();
        if (name == nullptr) {
            state_.wrongType(at(field.tagName), *tag, "a string");
            return;
        }
        readAlternative(field, *name, *value, out.*field.member);
    }

    template <std::size_t I = 0, class Msg, class Variant>
    void readAlternative(const TaggedField<Msg, Variant>& field, std::string_view name, const Json& value, Variant& out)
    {
        constexpr std::size_t kCount = std::variant_size_v<Variant>;
        if constexpr (I < kCount) {
            if (name == field.tags[I]) {
                readObject(value, at(field.valueName), out.template emplace<I>());
                return;
            }
            readAlternative<I + 1>(field, name, value, out);
        } else {
            std::string expected;
            for (std::size_t i = 0; i < kCount; ++i) expected.append(i ? "|" : "").append(field.tags[i]);
            state_.fail(at(field.tagName), DecodeErrorKind::UnknownType,
                        "unknown " + std::string(field.tagMeaning) + " '" + escapeForDetail(name) + "' (expected "
                            + expected + ")");
        }
    }

    void readValue(const Json& v, const Path& where, std::string& out, StrRule rule)
    {
        out = state_.str(v, where, rule);
    }
    void readValue(const Json& v, const Path& where, std::int64_t& out, IntRange range)
    {
        out = state_.i64(v, where, range.lo, range.hi);
    }
    void readValue(const Json& v, const Path& where, std::int32_t& out, IntRange range)
    {
        out = static_cast<std::int32_t>(state_.i64(v, where, range.lo, range.hi));
    }
    void readValue(const Json& v, const Path& where, std::uint64_t& out, UIntRange range)
    {
        out = state_.u64(v, where, range.lo, range.hi);
    }
    void readValue(const Json& v, const Path& where, bool& out, AnyValue /*rule*/) { out = state_.boolean(v, where); }

    template <class E>
    requires std::is_enum_v<E>
    void readValue(const Json& v, const Path& where, E& out, AnyValue /*rule*/)
    {
        out = static_cast<E>(state_.enumIndex(v, where, kNames<E>.data(), kNames<E>.size()));
    }

    template <Described T>
    void readValue(const Json& v, const Path& where, T& out, AnyValue /*rule*/)
    {
        readObject(v, where, out);
    }

    template <class T, class Element>
    void readValue(const Json& v, const Path& where, std::vector<T>& out, const ListOf<Element>& list)
    {
        const auto* items = state_.array(v, where, list.maxItems);
        if (items == nullptr) return;
        // Bounded: a hostile frame of many tiny elements must not reserve much.
        out.reserve(std::min<std::size_t>(items->size(), 64));
        for (std::size_t i = 0; i < items->size() && !state_.failed(); ++i) {
            readValue((*items)[i], Path{&where, {}, i}, out.emplace_back(), list.element);
        }
    }

    const Json::object_t& object_;
    const Path* path_;
    DecodeState& state_;
};

} // namespace rollcall::protocol::wire
