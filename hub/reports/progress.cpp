#include "hub/reports/progress.h"

#include <unistd.h>

namespace rollcall::reports {
namespace {

using namespace std::chrono_literals;

/// Was the last figure shown long enough ago? The first and last of a step always are.
bool due(long done, long total, std::chrono::steady_clock::time_point now, std::chrono::steady_clock::time_point last,
         std::chrono::milliseconds every)
{
    return done == 0 || done >= total || now - last >= every;
}

} // namespace

Progress::Progress(bool enabled, std::FILE* out)
    : enabled_(enabled), out_(out), redraw_(enabled && ::isatty(::fileno(out)) == 1)
{}

Progress::Progress(bool enabled, common::CancelToken cancel, common::ProgressListener listener) : Progress(enabled)
{
    cancel_ = std::move(cancel);
    listener_ = std::move(listener);
}

bool Progress::stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::~Progress() { finish(); }

void Progress::begin(std::string label, long total)
{
    finish();
    label_ = std::move(label);
    total_ = total;
    update(0);
}

void Progress::update(long done)
{
    cancel_.check();
    if (total_ <= 0 || (!enabled_ && !listener_)) return;
    const auto now = Clock::now();
    if (listener_ && due(done, total_, now, heard_, 100ms)) {
        heard_ = now;
        listener_({label_, done, total_});
    }
    // A terminal's line is redrawn at most ten times a second; a log gets a line a second.
    if (!enabled_ || !due(done, total_, now, drawn_, redraw_ ? 100ms : 1000ms)) return;
    drawn_ = now;
    const long percent = done * 100 / total_;
    if (redraw_) {
        std::fprintf(out_, "\r%s %ld/%ld (%ld%%)", label_.c_str(), done, total_, percent);
        shown_ = true;
    } else {
        std::fprintf(out_, "%s %ld/%ld (%ld%%)\n", label_.c_str(), done, total_, percent);
    }
    std::fflush(out_);
}

void Progress::finish()
{
    if (shown_) {
        std::fputs("\r\033[K", out_);
        std::fflush(out_);
    }
    shown_ = false;
}

} // namespace rollcall::reports
