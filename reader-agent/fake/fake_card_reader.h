#pragma once
// FakeCardReader: an in-process CardReader for unit tests. Tests put cards in
// the field, take them away, unplug the "device", and read back what the
// agent showed on the indicator. Thread-safe: the test drives it from its
// thread while a ReaderPoller uses it from the poll thread.

#include "reader-agent/card_reader.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

namespace rollcall::agent {

class FakeCardReader final : public CardReader {
public:
    /// `pollPeriod`: how long pollCard() waits for a card before answering "none".
    explicit FakeCardReader(std::chrono::milliseconds pollPeriod = std::chrono::milliseconds(20));

    // Test side.
    /// Puts a card in the field until remove().
    void present(const CardUid& uid);
    /// Takes the card out of the field.
    void remove();
    /// The device disappears (open() and every call fail) or comes back.
    void setPlugged(bool plugged);
    [[nodiscard]] std::vector<IndicatorStep> indicatorSteps() const;
    [[nodiscard]] int opens() const;
    [[nodiscard]] int polls() const;
    /// Blocks until `pred()` holds (checked whenever the reader is used) or `timeout` passes.
    template <class Pred>
    bool waitFor(Pred pred, std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(mutex_);
        return changed_.wait_for(lock, timeout, [&] { return pred(*this); });
    }

    // CardReader.
    void open() override;
    void close() noexcept override;
    [[nodiscard]] bool isOpen() const noexcept override;
    [[nodiscard]] std::optional<CardUid> pollCard() override;
    [[nodiscard]] bool cardStillPresent() override;
    bool setIndicator(const IndicatorStep& step) override;
    void interrupt() noexcept override;
    [[nodiscard]] std::string name() const override { return "fake reader"; }

    // For waitFor() predicates (called with the lock held).
    [[nodiscard]] int opensLocked() const noexcept { return opens_; }
    [[nodiscard]] int pollsLocked() const noexcept { return polls_; }
    [[nodiscard]] std::size_t stepsLocked() const noexcept { return steps_.size(); }
    [[nodiscard]] int presenceChecksLocked() const noexcept { return presenceChecks_; }

private:
    void failIfUnplugged() const;
    std::chrono::milliseconds pollPeriod_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::optional<CardUid> card_;
    std::optional<CardUid> reported_; // what pollCard() last returned
    bool plugged_ = true;
    bool open_ = false;
    bool interrupted_ = false;
    int opens_ = 0;
    int polls_ = 0;
    int presenceChecks_ = 0;
    std::vector<IndicatorStep> steps_;
};

} // namespace rollcall::agent
