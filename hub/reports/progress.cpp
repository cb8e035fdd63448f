#include "hub/reports/progress.h"

#include <unistd.h>

namespace rollcall::reports {

bool Progress::stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

Progress::~Progress() { finish(); }

void Progress::begin(std::string label, long total)
{
    finish();
    label_ = std::move(label);
    total_ = total;
    last_ = {};
    update(0);
}

void Progress::update(long done)
{
    cancel_.check();
    if (!enabled_ || total_ <= 0) return;
    // Redraw at most ten times a second; always draw the last step.
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::fprintf(out_, "\r%s %ld/%ld (%ld%%)", label_.c_str(), done, total_, total_ ? done * 100 / total_ : 100);
    std::fflush(out_);
    shown_ = true;
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
