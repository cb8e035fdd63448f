// libFuzzer target: `rollcallctl roster import` on any bytes. Bad input must
// be an InputError (FILE:LINE) that records nothing; anything else escaping —
// a DatabaseError from a constraint the importer should have checked, a
// crash, undefined behaviour — is a finding.
#include "fuzz/fuzz_input_file.h"
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "hub/ctl/roster_import.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rollcall;
    static common::Database db = [] {
        common::Database d(":memory:");
        core::migrate(d);
        return d;
    }();
    const auto path = fuzz::writeInput(data, size, "csv");
    core::Record record(db);
    common::Transaction tx(db); // rolled back: every input starts from the same empty record
    try {
        ctl::RosterImportOptions options;
        options.effective = common::fromMillis(1'790'000'000'000);
        (void)ctl::importRoster(record, path, options);
    } catch (const common::InputError&) {
    }
    return 0;
}
