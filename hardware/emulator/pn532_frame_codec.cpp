#include "hardware/emulator/pn532_frame_codec.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace rollcall::emulator {

namespace {

std::uint8_t sum(std::span<const std::uint8_t> bytes)
{
    return static_cast<std::uint8_t>(std::accumulate(bytes.begin(), bytes.end(), 0U));
}

} // namespace

std::vector<Pn532FrameCodec::Event> Pn532FrameCodec::feed(std::span<const std::uint8_t> bytes)
{
    buffer_.insert(buffer_.end(), bytes.begin(), bytes.end());
    std::vector<Event> events;
    std::size_t pos = 0;

    // Consumes everything up to `end` once a frame (good or bad) is settled.
    for (;;) {
        // The start code is 00 FF; the leading preamble 00 and the wake-up
        // 55 55 00 00 ... are just bytes we skip while looking for it.
        std::size_t start = pos;
        while (start + 1 < buffer_.size() && !(buffer_[start] == 0x00 && buffer_[start + 1] == 0xFF)) {
            ++start;
        }
        if (start + 1 >= buffer_.size()) {
            // Keep a trailing 00: it may be the first half of a start code.
            pos = (!buffer_.empty() && buffer_.back() == 0x00) ? buffer_.size() - 1 : buffer_.size();
            break;
        }
        pos = start;
        const std::size_t lenAt = start + 2;
        if (buffer_.size() < lenAt + 2) {
            break;
        }
        const std::uint8_t len = buffer_[lenAt];
        const std::uint8_t lcs = buffer_[lenAt + 1];
        if (len == 0x00 && lcs == 0xFF) {
            events.push_back({EventKind::Ack, {}});
            pos = lenAt + 2;
            continue;
        }
        if (len == 0xFF && lcs == 0x00) {
            events.push_back({EventKind::Nack, {}});
            pos = lenAt + 2;
            continue;
        }

        std::size_t dataLength = 0;
        std::size_t dataAt = 0;
        if (len == 0xFF && lcs == 0xFF) {
            if (buffer_.size() < lenAt + 5) {
                break;
            }
            const std::uint8_t lenM = buffer_[lenAt + 2];
            const std::uint8_t lenL = buffer_[lenAt + 3];
            const std::uint8_t lcsExt = buffer_[lenAt + 4];
            if (static_cast<std::uint8_t>(lenM + lenL + lcsExt) != 0) {
                events.push_back({EventKind::BadChecksum, {}});
                pos = start + 2; // resync after this start code
                continue;
            }
            dataLength = (static_cast<std::size_t>(lenM) << 8) | lenL;
            dataAt = lenAt + 5;
        } else {
            if (static_cast<std::uint8_t>(len + lcs) != 0) {
                events.push_back({EventKind::BadChecksum, {}});
                pos = start + 2;
                continue;
            }
            dataLength = len;
            dataAt = lenAt + 2;
        }
        if (dataLength == 0 || dataLength > kMaxFrameDataLength) {
            events.push_back({EventKind::BadChecksum, {}});
            pos = start + 2;
            continue;
        }
        // TFI + data + DCS; the postamble is not waited for: a chip acts on
        // DCS, and a missing 00 must not stall the command.
        if (buffer_.size() < dataAt + dataLength + 1) {
            break;
        }
        const std::span<const std::uint8_t> body(buffer_.data() + dataAt, dataLength + 1);
        if (sum(body) != 0) {
            events.push_back({EventKind::BadChecksum, {}});
            pos = start + 2;
            continue;
        }
        const std::uint8_t tfi = buffer_[dataAt];
        std::vector<std::uint8_t> payload(buffer_.begin() + static_cast<std::ptrdiff_t>(dataAt + 1),
                                          buffer_.begin() + static_cast<std::ptrdiff_t>(dataAt + dataLength));
        events.push_back({tfi == kHostToChip ? EventKind::Command : EventKind::ForeignFrame, std::move(payload)});
        pos = dataAt + dataLength + 1;
    }
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(pos));
    return events;
}

std::vector<std::uint8_t> Pn532FrameCodec::encode(std::uint8_t tfi, std::span<const std::uint8_t> data)
{
    const std::size_t length = data.size() + 1; // TFI counts
    if (length > kMaxFrameDataLength) {
        throw std::length_error("PN532 frame data too long: " + std::to_string(length) + " bytes");
    }
    std::vector<std::uint8_t> frame;
    frame.reserve(data.size() + 11);
    frame.insert(frame.end(), {0x00, 0x00, 0xFF});
    if (length <= 0xFF) {
        frame.push_back(static_cast<std::uint8_t>(length));
        frame.push_back(static_cast<std::uint8_t>(0x100 - length));
    } else {
        const auto lenM = static_cast<std::uint8_t>(length >> 8);
        const auto lenL = static_cast<std::uint8_t>(length & 0xFF);
        frame.insert(frame.end(), {0xFF, 0xFF, lenM, lenL, static_cast<std::uint8_t>(-(lenM + lenL))});
    }
    frame.push_back(tfi);
    frame.insert(frame.end(), data.begin(), data.end());
    frame.push_back(static_cast<std::uint8_t>(-(tfi + sum(data))));
    frame.push_back(0x00);
    return frame;
}

std::vector<std::uint8_t> Pn532FrameCodec::ackFrame() { return {0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00}; }
std::vector<std::uint8_t> Pn532FrameCodec::nackFrame() { return {0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00}; }
std::vector<std::uint8_t> Pn532FrameCodec::errorFrame() { return {0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00}; }

} // namespace rollcall::emulator
