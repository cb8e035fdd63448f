#pragma once
// PN532 HSU framing: encoding and incremental decoding of the frames on the line.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rollcall::emulator {

/// Encodes and incrementally decodes PN532 HSU frames (normal, extended, ACK, NACK).
///
/// Errors are values, never exceptions: the line is untrusted, so garbage is
/// skipped and frames with a bad checksum come back as BadChecksum events.
class Pn532FrameCodec {
public:
    static constexpr std::uint8_t kHostToChip = 0xD4;
    static constexpr std::uint8_t kChipToHost = 0xD5;
    /// Largest TFI + data length an extended frame may carry (PN532 user manual 6.2.1.3).
    static constexpr std::size_t kMaxFrameDataLength = 265;

    enum class EventKind {
        Command,     ///< A frame with TFI D4; payload = command code + parameters.
        Ack,         ///< 00 00 FF 00 FF 00: from the host this aborts the pending command.
        Nack,        ///< 00 00 FF FF 00 00: the host asks for the last reply again.
        BadChecksum, ///< Length or data checksum mismatch; payload empty.
        ForeignFrame ///< Well-formed frame whose TFI is not D4 (e.g. our own D5 echoed).
    };

    struct Event {
        EventKind kind;
        std::vector<std::uint8_t> payload;
        friend bool operator==(const Event&, const Event&) = default;
    };

    /// Appends bytes read from the line and returns every event now complete.
    /// Incomplete frames stay buffered until later bytes arrive.
    [[nodiscard]] std::vector<Event> feed(std::span<const std::uint8_t> bytes);

    /// Bytes buffered but not yet part of a complete frame.
    [[nodiscard]] std::size_t pendingBytes() const noexcept { return buffer_.size(); }

    /// Drops buffered bytes (e.g. when the host reopens the port).
    void reset() noexcept { buffer_.clear(); }

    /// Frames `tfi` + `data`; uses the extended form when TFI + data exceed 255 bytes.
    /// Throws std::length_error when longer than kMaxFrameDataLength.
    [[nodiscard]] static std::vector<std::uint8_t> encode(std::uint8_t tfi, std::span<const std::uint8_t> data);
    [[nodiscard]] static std::vector<std::uint8_t> encodeReply(std::span<const std::uint8_t> data)
    {
        return encode(kChipToHost, data);
    }
    [[nodiscard]] static std::vector<std::uint8_t> ackFrame();
    [[nodiscard]] static std::vector<std::uint8_t> nackFrame();
    /// Application-level error frame: the chip's answer to a command it does not know.
    [[nodiscard]] static std::vector<std::uint8_t> errorFrame();

private:
    std::vector<std::uint8_t> buffer_;
};

} // namespace rollcall::emulator
