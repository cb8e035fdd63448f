#include "hub/ctl/amendment_options.h"

#include "common/input_error.h"

namespace rollcall::ctl {

core::Amendment newAmendment(core::AmendmentKind kind, const AmendmentOptions& o, common::TimePoint now)
{
    // Blank is empty too: a reason of spaces says nothing.
    if (o.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw common::InputError("--reason must not be empty: every correction says why");
    }
    core::Amendment a;
    a.kind = kind;
    a.meetingId = o.meeting;
    a.personId = o.person;
    a.author = o.author;
    a.reason = o.reason;
    a.createdAt = now;
    return a;
}

} // namespace rollcall::ctl
