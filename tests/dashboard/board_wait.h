#pragma once
// How long a dashboard test waits for something a real hub sends (a snapshot,
// an update, an admin reply) before it fails: generous, since the suite runs
// two at a time on two cores, under ASan and in the package build too. Tests
// wait on the event itself (QSignalSpy / QTRY_*), so a pass takes no longer.

namespace rollcall::test {

inline constexpr int kWaitMs = 20000;

} // namespace rollcall::test
