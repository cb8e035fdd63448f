#pragma once
// The writing side of the field descriptors (internal to protocol/): writes a
// described struct as a JSON object, members in description order, straight
// into a JsonWriter. Writing does not validate; the receiving decoder does.

#include "protocol/field.h"
#include "protocol/json_writer.h"
#include "protocol/wire_names.h"

#include <cstdint>
#include <string>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

namespace rollcall::protocol::wire {

/// Writes the members of value's Description (no braces), leaving out absent optionals.
template <Described T>
void writeFields(JsonWriter& w, const T& value);

namespace detail {

inline void writeValue(JsonWriter& w, const std::string& v) { w.string(v); }
inline void writeValue(JsonWriter& w, std::int64_t v) { w.number(v); }
inline void writeValue(JsonWriter& w, std::int32_t v) { w.number(static_cast<std::int64_t>(v)); }
inline void writeValue(JsonWriter& w, std::uint64_t v) { w.number(v); }
inline void writeValue(JsonWriter& w, bool v) { w.boolean(v); }

template <class E>
requires std::is_enum_v<E>
void writeValue(JsonWriter& w, E v) { w.string(nameOf(v)); }

template <Described T>
void writeValue(JsonWriter& w, const T& v)
{
    w.beginObject();
    writeFields(w, v);
    w.endObject();
}

template <class T>
void writeValue(JsonWriter& w, const std::vector<T>& items)
{
    w.beginArray();
    for (const auto& item : items) {
        w.element();
        writeValue(w, item);
    }
    w.endArray();
}

template <class Msg, class Member, class Rule>
void writeField(JsonWriter& w, const Field<Msg, Member, Rule>& field, const Msg& m)
{
    const Member& member = m.*field.member;
    if constexpr (kIsOptional<Member>) {
        if (!member) return;
        w.key(field.name);
        writeValue(w, *member);
    } else {
        if constexpr (requires { member.empty(); }) {
            if (field.presence == Presence::OmitWhenEmpty && member.empty()) return;
        }
        w.key(field.name);
        writeValue(w, member);
    }
}

template <class Msg, class Variant>
void writeField(JsonWriter& w, const TaggedField<Msg, Variant>& field, const Msg& m)
{
    const Variant& member = m.*field.member;
    w.key(field.tagName);
    w.string(field.tags[member.index()]);
    w.key(field.valueName);
    std::visit([&](const auto& alternative) { writeValue(w, alternative); }, member);
}

} // namespace detail

template <Described T>
void writeFields(JsonWriter& w, const T& value)
{
    std::apply([&](const auto&... fields) { (detail::writeField(w, fields, value), ...); }, Description<T>::kFields);
}

} // namespace rollcall::protocol::wire
