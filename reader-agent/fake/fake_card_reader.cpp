#include "reader-agent/fake/fake_card_reader.h"

namespace rollcall::agent {

FakeCardReader::FakeCardReader(std::chrono::milliseconds pollPeriod) : pollPeriod_(pollPeriod) {}

void FakeCardReader::present(const CardUid& uid)
{
    {
        std::lock_guard lock(mutex_);
        card_ = uid;
    }
    changed_.notify_all();
}

void FakeCardReader::remove()
{
    {
        std::lock_guard lock(mutex_);
        card_.reset();
    }
    changed_.notify_all();
}

void FakeCardReader::setPlugged(bool plugged)
{
    {
        std::lock_guard lock(mutex_);
        plugged_ = plugged;
        if (!plugged) open_ = false;
    }
    changed_.notify_all();
}

std::vector<IndicatorStep> FakeCardReader::indicatorSteps() const
{
    std::lock_guard lock(mutex_);
    return steps_;
}

int FakeCardReader::opens() const
{
    std::lock_guard lock(mutex_);
    return opens_;
}

int FakeCardReader::polls() const
{
    std::lock_guard lock(mutex_);
    return polls_;
}

void FakeCardReader::failIfUnplugged() const
{
    if (!plugged_ || !open_) throw ReaderError(-1, "fake reader: device gone");
}

void FakeCardReader::open()
{
    {
        std::lock_guard lock(mutex_);
        if (!plugged_) throw ReaderError(-1, "fake reader: not plugged in");
        open_ = true;
        ++opens_;
    }
    changed_.notify_all();
}

void FakeCardReader::close() noexcept
{
    std::lock_guard lock(mutex_);
    open_ = false;
}

bool FakeCardReader::isOpen() const noexcept
{
    std::lock_guard lock(mutex_);
    return open_;
}

std::optional<CardUid> FakeCardReader::pollCard()
{
    std::unique_lock lock(mutex_);
    failIfUnplugged();
    ++polls_;
    changed_.notify_all();
    // Like InAutoPoll: answer at once when a card is there, else after the period.
    changed_.wait_for(lock, pollPeriod_, [&] { return card_.has_value() || interrupted_ || !plugged_; });
    interrupted_ = false;
    failIfUnplugged();
    reported_ = card_;
    return card_;
}

bool FakeCardReader::cardStillPresent()
{
    std::unique_lock lock(mutex_);
    failIfUnplugged();
    ++presenceChecks_;
    const bool present = card_.has_value() && card_ == reported_;
    lock.unlock();
    changed_.notify_all();
    return present;
}

bool FakeCardReader::setIndicator(const IndicatorStep& step)
{
    {
        std::lock_guard lock(mutex_);
        failIfUnplugged();
        steps_.push_back(step);
    }
    changed_.notify_all();
    return true;
}

void FakeCardReader::interrupt() noexcept
{
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    changed_.notify_all();
}

} // namespace rollcall::agent
