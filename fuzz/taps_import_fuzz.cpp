// libFuzzer target: `rollcallctl taps import` on any bytes, against a record
// with one venue and reader ("hall", "hall-in"). Bad input must be an
// InputError (FILE:LINE) that records nothing; anything else is a finding.
#include "fuzz/fuzz_input_file.h"
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "hub/ctl/taps_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rollcall;
    static common::Database db = [] {
        common::Database d(":memory:");
        core::migrate(d);
        core::Record r(d);
        r.addVenue("hall", "主会场");
        r.addReader({"hall-in", "hall", core::ReaderDirection::In}, common::fromMillis(1'790'000'000'000));
        return d;
    }();
    const auto path = fuzz::writeInput(data, size, "csv");
    core::Record record(db);
    common::Transaction tx(db); // rolled back: every input starts from the same record
    try {
        (void)ctl::importTaps(record, path, common::fromMillis(1'790'000'000'000));
    } catch (const common::InputError&) {
    }
    return 0;
}
