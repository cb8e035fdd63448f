#pragma once
// Progress of a long report on a terminal: "评估会议 1234/3000" redrawn in
// place on stderr, only when stderr is a tty (never in files, pipes or tests).

#include <chrono>
#include <cstdio>
#include <string>

namespace rollcall::reports {

class Progress {
public:
    /// Shows nothing unless `enabled`; use forTerminal() for the stderr check.
    explicit Progress(bool enabled, std::FILE* out = stderr) : enabled_(enabled), out_(out) {}
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
    std::string label_;
    long total_ = 0;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

} // namespace rollcall::reports
