#pragma once
// ReaderPoller: the thread that owns a CardReader. libnfc calls block, so
// they run here and never in the main loop. It turns the reader's polls into
// taps (one per presentation of a card, with debounce), reopens a reader that
// disappears (with backoff, never giving up), plays indication patterns on
// the reader's LED/buzzer, and hands taps and state changes to the main loop
// through an EventQueue (eventfd).
//
// Threading: start()/stop()/show()/status() may be called from any thread;
// the CardReader is used only by the poll thread (except interrupt()).

#include "common/clock.h"
#include "protocol/messages.h"
#include "reader-agent/card_reader.h"
#include "reader-agent/event_queue.h"
#include "reader-agent/indication.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>

namespace rollcall::agent {

struct ReaderPollerOptions {
    /// How often a card in the field is checked for removal.
    std::chrono::milliseconds presenceCheck{100};
    /// The same card back within this time after it left is the same presentation.
    std::chrono::milliseconds debounce{1000};
    /// Wait before reopening a reader that could not be opened; doubles up to reopenMax.
    std::chrono::milliseconds reopenMin{1000};
    std::chrono::milliseconds reopenMax{30000};
};

/// A card was presented: one tap. `uid` is the wire form (upper-case hex).
struct CardTapped {
    std::string uid;
    std::int64_t atMs = 0; ///< agent wall clock when the card was seen
};

/// The reader's state as heartbeats report it.
struct ReaderStatus {
    protocol::ReaderState state = protocol::ReaderState::NoReader;
    std::string detail;
    bool operator==(const ReaderStatus&) const = default;
};

using ReaderEvent = std::variant<CardTapped, ReaderStatus>;

class ReaderPoller {
public:
    ReaderPoller(CardReader& reader, const common::Clock& clock, ReaderPollerOptions options);
    ~ReaderPoller();
    ReaderPoller(const ReaderPoller&) = delete;
    ReaderPoller& operator=(const ReaderPoller&) = delete;

    /// Starts the poll thread (which opens the reader).
    void start();
    /// Stops and joins the poll thread and closes the reader. Idempotent.
    void stop() noexcept;

    /// Shows `indication` on the reader as soon as the poll thread is between
    /// reader commands; replaces one still playing. Dropped when no reader is open.
    void show(const Indication& indication);

    /// Taps and state changes, for the main loop (poll events().fd()).
    [[nodiscard]] EventQueue<ReaderEvent>& events() noexcept { return events_; }
    [[nodiscard]] ReaderStatus status() const;

private:
    using Steady = std::chrono::steady_clock;
    void run();
    void setStatus(protocol::ReaderState state, std::string detail);
    /// Waits until `until`, or earlier on stop or a new indication. Returns false on stop.
    bool waitUntil(Steady::time_point until);
    /// Starts a newly requested pattern, or advances the one playing.
    void serviceIndicator(Steady::time_point now);
    void onCard(const CardUid& raw);

    CardReader& reader_;
    const common::Clock& clock_;
    ReaderPollerOptions options_;
    EventQueue<ReaderEvent> events_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::optional<Indication> requested_;
    ReaderStatus status_;

    // Poll thread only.
    std::optional<std::string> present_;                                 // UID of the card in the field
    std::optional<std::pair<std::string, Steady::time_point>> lastLeft_; // for debounce
    std::vector<IndicatorStep> pattern_;
    std::size_t step_ = 0;
    Steady::time_point stepEnds_{};
    bool indicatorWarned_ = false;

    std::thread thread_;
};

} // namespace rollcall::agent
