#include "hub/core/record_guard.h"

#include "hub/core/hash_chain.h"
#include "hub/core/schema.h"

#include <map>

namespace rollcall::core {
namespace {

/// Trigger name → SQL as a freshly made record at the latest schema has them:
/// the one definition is the migrations themselves.
const std::map<std::string, std::string>& expectedTriggers()
{
    static const std::map<std::string, std::string> triggers = [] {
        common::Database fresh(":memory:");
        migrate(fresh);
        std::map<std::string, std::string> out;
        auto s = fresh.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'");
        while (s.step()) out.emplace(s.getText(0), s.getText(1));
        return out;
    }();
    return triggers;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

} // namespace

std::vector<std::string> missingTriggers(common::Database& db)
{
    std::map<std::string, std::string> present;
    auto s = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'");
    while (s.step()) present.emplace(s.getText(0), s.getText(1));
    std::vector<std::string> missing;
    for (const auto& [name, sql] : expectedTriggers()) {
        const auto it = present.find(name);
        if (it == present.end() || it->second != sql) missing.push_back(name);
    }
    return missing;
}

void restoreTriggers(common::Database& db)
{
    for (const auto& name : missingTriggers(db)) {
        db.exec("DROP TRIGGER IF EXISTS \"" + name + "\"");
        db.exec(expectedTriggers().at(name));
    }
}

void checkRecordIntegrity(common::Database& db)
{
    const auto missing = missingTriggers(db);
    if (!missing.empty()) {
        throw RecordIntegrityError("record " + db.path() + " has lost its append-only guards (missing or changed: "
                                   + joined(missing) + "); run `rollcallctl --db " + db.path()
                                   + " verify`, and `rollcallctl init` restores them once it passes");
    }
    if (const auto problem = verifyChainTail(db)) {
        throw RecordIntegrityError("record " + db.path() + " fails its hash chain: " + problem->describe()
                                   + "; run `rollcallctl --db " + db.path() + " verify`");
    }
}

} // namespace rollcall::core
