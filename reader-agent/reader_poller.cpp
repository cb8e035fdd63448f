#include "reader-agent/reader_poller.h"

#include "common/logging.h"

#include <algorithm>
#include <csignal>
#include <pthread.h>

namespace rollcall::agent {
namespace {

/// Wire form of raw UID bytes; any ISO 14443-A size the wire accepts (4..10 bytes).
std::optional<std::string> wireUid(const CardUid& raw)
{
    if (raw.size() < 4 || raw.size() > 10) return std::nullopt;
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const auto b : raw) {
        out += kHex[b >> 4];
        out += kHex[b & 0x0F];
    }
    return out;
}

} // namespace

ReaderPoller::ReaderPoller(CardReader& reader, const common::Clock& clock, ReaderPollerOptions options)
    : reader_(reader), clock_(clock), options_(options)
{}

ReaderPoller::~ReaderPoller() { stop(); }

void ReaderPoller::start()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    // The poll thread takes no signals: they go to the main loop, whose poll
    // they interrupt (the thread inherits the mask in force when it is made).
    sigset_t all;
    sigset_t previous;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &previous);
    thread_ = std::thread([this] { run(); });
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

void ReaderPoller::stop() noexcept
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    reader_.interrupt();
    if (thread_.joinable()) thread_.join();
}

void ReaderPoller::show(const Indication& indication)
{
    {
        std::lock_guard lock(mutex_);
        if (status_.state != protocol::ReaderState::Ok) return;
        requested_ = indication;
    }
    wake_.notify_all();
}

ReaderStatus ReaderPoller::status() const
{
    std::lock_guard lock(mutex_);
    return status_;
}

void ReaderPoller::setStatus(protocol::ReaderState state, std::string detail)
{
    ReaderStatus next{state, std::move(detail)};
    {
        std::lock_guard lock(mutex_);
        if (status_ == next) return;
        status_ = next;
    }
    events_.push(next);
}

bool ReaderPoller::waitUntil(Steady::time_point until)
{
    std::unique_lock lock(mutex_);
    wake_.wait_until(lock, until, [&] { return stopping_ || requested_.has_value(); });
    return !stopping_;
}

void ReaderPoller::serviceIndicator(Steady::time_point now)
{
    std::optional<Indication> request;
    {
        std::lock_guard lock(mutex_);
        request.swap(requested_);
    }
    const auto apply = [&](const IndicatorStep& step) {
        if (!reader_.setIndicator(step)) {
            if (!indicatorWarned_)
                common::namedLogger("reader")->info("{} has no indicator the agent drives: verdicts are logged only",
                                                    reader_.name());
            indicatorWarned_ = true;
            pattern_.clear();
            return false;
        }
        return true;
    };
    if (request) {
        pattern_ = patternFor(*request);
        step_ = 0;
        if (apply(pattern_[0])) stepEnds_ = now + pattern_[0].duration;
        return;
    }
    while (!pattern_.empty() && now >= stepEnds_) {
        if (++step_ >= pattern_.size()) {
            pattern_.clear();
            break;
        }
        if (!apply(pattern_[step_])) break;
        stepEnds_ = now + pattern_[step_].duration;
    }
}

void ReaderPoller::onCard(const CardUid& raw)
{
    const auto now = Steady::now();
    const auto uid = wireUid(raw);
    if (!uid) {
        common::namedLogger("reader")->warn("ignoring a card with a {}-byte UID (the wire takes 4..10 bytes)",
                                            raw.size());
        present_.emplace(1, '?'); // wait for it to leave rather than report it on every poll
        return;
    }
    present_ = *uid;
    if (lastLeft_ && lastLeft_->first == *uid && now - lastLeft_->second < options_.debounce) {
        common::namedLogger("reader")->debug("card {} back within the debounce: same presentation", *uid);
        return;
    }
    common::namedLogger("reader")->info("card {} presented", *uid);
    events_.push(CardTapped{*uid, common::toMillis(clock_.now())});
}

void ReaderPoller::run()
{
    auto log = common::namedLogger("reader");
    auto backoff = options_.reopenMin;
    auto nextPresenceCheck = Steady::now();
    while (true) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) break;
        }
        if (!reader_.isOpen()) {
            try {
                reader_.open();
                log->info("reader open: {}", reader_.name());
                setStatus(protocol::ReaderState::Ok, "");
                indicatorWarned_ = false;
            } catch (const ReaderError& e) {
                if (status().detail != e.what())
                    log->warn("reader not available: {} (retrying every {} ms at most)", e.what(),
                              options_.reopenMax.count());
                setStatus(protocol::ReaderState::NoReader, e.what());
                {
                    std::lock_guard lock(mutex_);
                    requested_.reset(); // nothing to show it on
                }
                if (!waitUntil(Steady::now() + backoff)) break;
                backoff = std::min(backoff * 2, options_.reopenMax);
                continue;
            }
        }
        try {
            auto now = Steady::now();
            // Steps are played between reader commands; polling never pauses for
            // them, so a tap during a verdict pattern is not missed (a step may
            // last up to one empty poll longer than planned).
            serviceIndicator(now);
            if (present_) {
                auto until = nextPresenceCheck;
                if (!pattern_.empty()) until = std::min(until, stepEnds_);
                if (until > now && !waitUntil(until)) break;
                now = Steady::now();
                if (now < nextPresenceCheck) continue; // woken for the indicator
                nextPresenceCheck = now + options_.presenceCheck;
                if (!reader_.cardStillPresent()) {
                    log->debug("card {} left", *present_);
                    lastLeft_.emplace(*present_, now);
                    present_.reset();
                }
            } else if (const auto uid = reader_.pollCard()) {
                onCard(*uid);
                nextPresenceCheck = Steady::now() + options_.presenceCheck;
            }
            backoff = options_.reopenMin; // the reader works
        } catch (const ReaderError& e) {
            log->error("reader failed: {}", e.what());
            reader_.close();
            present_.reset();
            pattern_.clear();
            setStatus(protocol::ReaderState::Error, e.what());
            {
                std::lock_guard lock(mutex_);
                requested_.reset();
            }
            if (!waitUntil(Steady::now() + backoff)) break;
            backoff = std::min(backoff * 2, options_.reopenMax);
        }
    }
    if (reader_.isOpen() && !pattern_.empty()) {
        try {
            (void)reader_.setIndicator({});
        } catch (const ReaderError&) { // closing anyway
        }
    }
    reader_.close();
}

} // namespace rollcall::agent
