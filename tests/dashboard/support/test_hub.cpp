#include "tests/dashboard/support/test_hub.h"

#include "protocol/codec.h"
#include "protocol/topics.h"
#include "protocol/zmq_endpoint.h"

#include <iterator>
#include <stdexcept>
#include <zmq.hpp>
#include <zmq_addon.hpp>

namespace rollcall::dashboard::test {

TestHub::TestHub(HubSim& sim, const std::string& liveEndpoint, const std::string& queryEndpoint)
    : sim_(sim), liveEndpoint_(liveEndpoint), queryEndpoint_(queryEndpoint)
{
    thread_ = std::thread([this] { run(); });
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [this] { return ready_; });
    if (!bindError_.empty()) {
        lock.unlock();
        thread_.join();
        throw std::runtime_error("TestHub: " + bindError_);
    }
}

TestHub::~TestHub()
{
    stop_ = true;
    thread_.join();
}

void TestHub::publish(const protocol::Update& update)
{
    publishRaw(protocol::topicFor(update), protocol::encode(update));
}

void TestHub::publishRaw(const std::string& topic, const std::string& body)
{
    std::lock_guard lock(mutex_);
    outbox_.emplace_back(topic, body);
}

void TestHub::withSim(const std::function<void(HubSim&)>& fn)
{
    std::lock_guard lock(mutex_);
    fn(sim_);
}

bool TestHub::waitForSubscription(const std::string& topic, int timeoutMs)
{
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return subscriptions_.count(topic) > 0; });
}

void TestHub::run()
{
    zmq::context_t ctx(1);
    zmq::socket_t pub(ctx, zmq::socket_type::xpub);
    zmq::socket_t router(ctx, zmq::socket_type::router);
    try {
        pub.set(zmq::sockopt::linger, 0);
        router.set(zmq::sockopt::linger, 0);
        router.set(zmq::sockopt::router_mandatory, 1);
        pub.bind(liveEndpoint_);
        router.bind(queryEndpoint_);
        liveEndpoint_ = protocol::boundEndpoint(pub);
        queryEndpoint_ = protocol::boundEndpoint(router);
    } catch (const zmq::error_t& e) {
        std::lock_guard lock(mutex_);
        bindError_ = e.what();
        ready_ = true;
        cv_.notify_all();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        ready_ = true;
    }
    cv_.notify_all();

    std::vector<zmq::pollitem_t> items = {{pub.handle(), 0, ZMQ_POLLIN, 0}, {router.handle(), 0, ZMQ_POLLIN, 0}};
    while (!stop_) {
        zmq::poll(items, std::chrono::milliseconds(5));
        if (items[0].revents & ZMQ_POLLIN) {
            zmq::message_t sub;
            while (pub.recv(sub, zmq::recv_flags::dontwait)) {
                const auto s = sub.to_string();
                if (!s.empty() && s[0] == 1) {
                    std::lock_guard lock(mutex_);
                    subscriptions_.insert(s.substr(1));
                    cv_.notify_all();
                }
            }
        }
        if (items[1].revents & ZMQ_POLLIN) {
            std::vector<zmq::message_t> frames;
            while (zmq::recv_multipart(router, std::back_inserter(frames), zmq::recv_flags::dontwait)) {
                if (!answering_) {
                    frames.clear();
                    continue;
                }
                // [routing id][empty][body] from a DEALER client.
                std::string reply;
                if (frames.size() != 3 || frames[1].size() != 0) {
                    reply = protocol::encode(protocol::Error{"malformed", "expected [id][empty][body]"});
                } else {
                    auto req = protocol::decode<protocol::QueryToHub>(frames[2].to_string_view());
                    if (!req.ok()) {
                        reply = protocol::encode(protocol::toErrorMessage(req.error()));
                    } else if (const auto* s = std::get_if<protocol::SnapshotRequest>(&req.value())) {
                        ++snapshotRequests_;
                        std::lock_guard lock(mutex_);
                        if (s->meeting_id == sim_.snapshot().meeting.id)
                            reply = protocol::encode(sim_.snapshot());
                        else
                            reply = protocol::encode(protocol::Error{"unknown_meeting", "no meeting " + s->meeting_id});
                    } else {
                        ++meetingListRequests_;
                        std::lock_guard lock(mutex_);
                        const auto& m = sim_.snapshot().meeting;
                        protocol::MeetingList list;
                        list.meetings.push_back(
                            {m.id, m.title, m.venues, m.start_ms, m.end_ms, protocol::MeetingState::InProgress});
                        list.meetings.push_back({"m-2024-06-10-02",
                                                 "伊宁市安全生产专题会",
                                                 {"venue.yining"},
                                                 m.start_ms + 180 * kMinute,
                                                 m.start_ms + 240 * kMinute,
                                                 protocol::MeetingState::Scheduled});
                        reply = protocol::encode(list);
                    }
                }
                try {
                    router.send(frames[0], zmq::send_flags::sndmore);
                    router.send(zmq::message_t(), zmq::send_flags::sndmore);
                    router.send(zmq::buffer(reply), zmq::send_flags::none);
                } catch (const zmq::error_t&) {
                    // The client went away (EHOSTUNREACH): nothing to answer.
                }
                frames.clear();
            }
        }
        std::deque<std::pair<std::string, std::string>> out;
        {
            std::lock_guard lock(mutex_);
            out.swap(outbox_);
        }
        for (auto& [topic, body] : out) {
            pub.send(zmq::buffer(topic), zmq::send_flags::sndmore);
            pub.send(zmq::buffer(body), zmq::send_flags::none);
        }
    }
}

} // namespace rollcall::dashboard::test
