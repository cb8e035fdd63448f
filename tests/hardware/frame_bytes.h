#pragma once
// Bytes on the PN532's serial line, for tests that write frames by hand.

#include "hardware/emulator/pn532_frame_codec.h"

#include <cstdint>
#include <vector>

namespace rollcall::emulator::test {

using Bytes = std::vector<std::uint8_t>;

/// `data` (command code first) in a normal information frame from the host.
inline Bytes hostFrame(const Bytes& data) { return Pn532FrameCodec::encode(Pn532FrameCodec::kHostToChip, data); }

/// `a` followed by `b`: several frames as one write.
inline Bytes concat(Bytes a, const Bytes& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace rollcall::emulator::test
