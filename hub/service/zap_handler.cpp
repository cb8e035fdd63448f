#include "hub/service/zap_handler.h"

#include "common/input_error.h"
#include "hub/service/hub_log.h"
#include "hub/service/key_directory.h"
#include "hub/service/rejection_log.h"
#include "protocol/curve_certificate.h"

#include <array>
#include <cstring>
#include <optional>
#include <pthread.h>
#include <zmq_addon.hpp>

namespace rollcall::service {
namespace {

bool roleMayUse(KeyRole role, const std::string& domain)
{
    if (domain == kTapsDomain) return role == KeyRole::Reader;
    if (domain == kLiveDomain || domain == kQueryDomain) return role != KeyRole::Reader;
    return false;
}

} // namespace

ZapHandler::ZapHandler(zmq::context_t& context, const HubSecurity& security, const common::Clock& clock)
    : security_(security), clock_(clock), zap_(context, zmq::socket_type::rep),
      monitor_(context, zmq::socket_type::pair)
{
    zap_.set(zmq::sockopt::linger, 0);
    zap_.bind("inproc://zeromq.zap.01");
    monitor_.set(zmq::sockopt::linger, 0);
    monitor_.connect(kLiveMonitorEndpoint);
}

ZapHandler::~ZapHandler() { stop(); }

void ZapHandler::start()
{
    thread_ = std::thread([this] {
        ::pthread_setname_np(::pthread_self(), "hub-zap");
        run();
    });
}

void ZapHandler::stop()
{
    stop_.store(true);
    if (thread_.joinable()) thread_.join();
}

std::map<std::string, std::uint64_t> ZapHandler::refusals() const
{
    std::lock_guard lock(mutex_);
    return refusals_;
}

void ZapHandler::run()
{
    std::optional<KeyDirectory> keys;
    if (!security_.insecure) keys.emplace(security_.keysDir);
    RejectionLog rejections("connection refused");
    auto logKeys = [&] {
        if (!keys || !keys->takeReloaded()) return;
        hubLog()->info("allowed keys: {} from {}", keys->size(), security_.keysDir);
        for (const auto& p : keys->problems()) hubLog()->warn("allowed keys: skipped {}", p);
    };
    logKeys();
    while (!stop_.load()) {
        zmq::pollitem_t items[] = {{monitor_.handle(), 0, ZMQ_POLLIN, 0}, {zap_.handle(), 0, ZMQ_POLLIN, 0}};
        try {
            zmq::poll(items, 2, std::chrono::milliseconds(200));
        } catch (const zmq::error_t& e) {
            if (e.num() == EINTR) continue;
            if (e.num() == ETERM) return;
            throw;
        }
        // Connections first: a subscriber's ACCEPTED comes before its ZAP request.
        drainMonitor();
        if (!(items[1].revents & ZMQ_POLLIN)) continue;
        std::vector<zmq::message_t> request;
        if (!zmq::recv_multipart(zap_, std::back_inserter(request), zmq::recv_flags::dontwait)) continue;
        // Request: version, request id, domain, address, routing id, mechanism, credentials…
        if (request.size() < 6) continue; // libzmq never sends this; nothing to answer
        const auto domain = request[2].to_string();
        const auto address = request[3].to_string();
        const auto mechanism = request[5].to_string();
        std::string status = "200";
        std::string text = "OK";
        std::string userId;
        std::string reason;
        std::string who;
        if (mechanism == "CURVE" && !security_.insecure && request.size() >= 7) {
            keys->refresh();
            logKeys();
            const auto publicKey = protocol::z85FromBinaryKey(request[6].data(), request[6].size());
            who = "key " + publicKey;
            if (const auto* key = keys->find(publicKey)) {
                who += " (" + key->name + ", " + toString(key->role) + ")";
                if (!roleMayUse(key->role, domain)) {
                    reason = "wrong_role";
                    text = std::string("role ") + toString(key->role) + " may not use the " + domain + " socket";
                } else {
                    userId = key->userId();
                }
            } else {
                reason = "unknown_key";
                text = "key not allowed";
            }
        } else if (!security_.insecure) {
            reason = "not_curve";
            text = "this hub takes CURVE connections only";
            who = "a " + mechanism + " client";
        }
        if (reason.empty() && domain == kLiveDomain && liveSubscribers_.load() > security_.maxLiveSubscribers) {
            reason = "live_subscriber_cap";
            text = "too many live subscribers (" + std::to_string(security_.maxLiveSubscribers) + ")";
            if (who.empty()) who = "a subscriber";
        }
        if (!reason.empty()) {
            status = "400";
            rejections.reject(reason, who + " from " + address + " on " + domain + ": " + text, clock_.now());
            std::lock_guard lock(mutex_);
            refusals_ = rejections.counts();
        }
        std::array<zmq::const_buffer, 6> reply{
            zmq::str_buffer("1.0"), zmq::buffer(request[1].data(), request[1].size()),
            zmq::buffer(status),    zmq::buffer(text),
            zmq::buffer(userId),    zmq::const_buffer()};
        zmq::send_multipart(zap_, reply);
    }
}

void ZapHandler::drainMonitor()
{
    while (true) {
        zmq::message_t event;
        if (!monitor_.recv(event, zmq::recv_flags::dontwait)) return;
        // Monitor events (v1): [uint16 event, uint32 value][endpoint].
        std::uint16_t id = 0;
        if (event.size() >= sizeof id) std::memcpy(&id, event.data(), sizeof id);
        while (monitor_.get(zmq::sockopt::rcvmore)) {
            zmq::message_t rest;
            (void)monitor_.recv(rest);
        }
        if (id == ZMQ_EVENT_ACCEPTED) {
            ++liveSubscribers_;
        } else if (id == ZMQ_EVENT_DISCONNECTED && liveSubscribers_.load() > 0) {
            --liveSubscribers_;
        }
    }
}

} // namespace rollcall::service
