#pragma once
// Progress of a long report on a terminal: "评估会议 1234/3000" redrawn in
// place on stderr, only when stderr is a tty (never in files, pipes or tests).
// Each step is also where a long report may be stopped (a cancel token: the
// desk's 取消 over the wire), so every report that shows progress can be.
#include "common/cancel_token.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace rollcall::reports {

class Progress {
public:
    /// Shows nothing unless `enabled`; use forTerminal() for the stderr check.
    explicit Progress(bool enabled, std::FILE* out = stderr) : enabled_(enabled), out_(out) {}
    /// As above; begin() and update() throw common::Cancelled once `cancel` is stopped.
    Progress(bool enabled, common::CancelToken cancel) : enabled_(enabled), out_(stderr), cancel_(std::move(cancel)) {}
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// Enabled when stderr is a terminal.
    [[nodiscard]] static bool stderrIsTerminal();

    void begin(std::string label, long total);
    void update(long done);
    void finish();

private:
    bool enabled_;
    std::FILE* out_;
    common::CancelToken cancel_;
    std::string label_;
    long total_ = 0;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

} // namespace rollcall::reports
