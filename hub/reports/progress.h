#pragma once
// Progress of a long report: "评估会议 1234/3000" on stderr — redrawn in place
// on a terminal, a line a second elsewhere when asked for (--progress), and
// nothing by default when stderr is not a terminal (files, pipes, tests).
// Each figure also goes to a listener if there is one (the hub sends it over
// the wire to the desk or `rollcallctl --hub` that asked, issue 16), and
// each step is where a long report may be stopped (a cancel token: the
// desk's 取消 over the wire), so every report that shows progress can be.
#include "common/cancel_token.h"
#include "common/progress_listener.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace rollcall::reports {

class Progress {
public:
    /// Shows nothing unless `enabled` (stderrIsTerminal(), or --progress).
    explicit Progress(bool enabled, std::FILE* out = stderr);
    /// As above; begin() and update() throw common::Cancelled once `cancel` is
    /// stopped, and `listener` hears the figures (at most ten a second, each
    /// step's first and last always), shown or not.
    Progress(bool enabled, common::CancelToken cancel, common::ProgressListener listener = {});
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Enabled when stderr is a terminal.
    [[nodiscard]] static bool stderrIsTerminal();

    void begin(std::string label, long total);
    void update(long done);
    void finish();

private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    std::FILE* out_;
    bool redraw_ = false; ///< `out_` is a terminal: one line redrawn in place
    common::CancelToken cancel_;
    common::ProgressListener listener_;
    std::string label_;
    long total_ = 0;
    bool shown_ = false;
    Clock::time_point drawn_{};
    Clock::time_point heard_{};
};

} // namespace rollcall::reports
