#pragma once
// Hearing how far long work has come from where it runs (issue 16: the hub
// passes a long report's figure over the wire to the desk that asked for it,
// and `rollcallctl --hub` draws it as `--db` would). The work calls the
// listener at the points where it counts its steps (reports::Progress); the
// listener must be quick and must not throw. The counterpart of CancelToken,
// which goes the other way.

#include <functional>
#include <string>

namespace rollcall::common {

/// One figure: `done` of `total` steps of the step `label` names ("评估会议").
struct ProgressStep {
    std::string label;
    long done = 0;
    long total = 0;
    bool operator==(const ProgressStep&) const = default;
};

/// Called with each figure worth showing; empty: nobody listens.
using ProgressListener = std::function<void(const ProgressStep&)>;

} // namespace rollcall::common
