#pragma once
// Amendments made from the options of the correction commands (leave,
// substitute, checkin, override, appeal, absence confirm): the one place an
// amendment is built from the command line.
#include "hub/core/record.h"

#include <string>

namespace rollcall::ctl {

/// What every correction command gives: --meeting, --person, --reason, and
/// the global --operator as the author.
struct AmendmentOptions {
    std::string meeting;
    std::string person;
    std::string reason;
    std::string author;
};

/// An amendment of `kind` about o.person at o.meeting, by o.author, made at
/// `now`; the kind's own fields are left for the caller. Throws InputError
/// naming --reason when the reason is blank: every correction says why.
[[nodiscard]] core::Amendment newAmendment(core::AmendmentKind kind, const AmendmentOptions& o, common::TimePoint now);

} // namespace rollcall::ctl
