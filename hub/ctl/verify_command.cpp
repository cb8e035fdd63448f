#include "hub/ctl/verify_command.h"

#include "hub/core/hash_chain.h"
#include "hub/core/record_guard.h"
#include "hub/ctl/database_file.h"

#include <CLI/CLI.hpp>
#include <memory>

namespace rollcall::ctl {
namespace {

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

void printHead(std::ostream& out, const core::ChainHead& head)
{
    out << "chain head " << head.hash << "\n"
        << "rows chained " << head.rows << " (taps, amendments, notice register, appeal filings)\n";
}

void cmdVerify(const std::string& head, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    common::Transaction tx(db, common::Transaction::Kind::Deferred); // one consistent snapshot
    const auto v = core::verifyChain(db, head.empty() ? std::nullopt : std::optional<std::string>(head));
    printHead(c.out, v.head);
    if (v.problem) throw core::RecordIntegrityError("verify failed: " + v.problem->describe());
    if (!head.empty()) {
        if (!v.headPosition)
            throw core::RecordIntegrityError("verify failed: head " + head + " is not a link of this record's chain");
        c.out << "head " << head << " is chain position " << *v.headPosition << " of " << v.head.rows << "\n";
    }
    const auto missing = core::missingTriggers(db);
    if (!missing.empty()) {
        throw core::RecordIntegrityError("verify failed: the chain matches, but triggers are missing or changed: "
                                         + joined(missing) + "; `rollcallctl init` restores them");
    }
    c.out << "verified: every tap and amendment matches the chain\n";
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addVerifyCommands(CLI::App& app)
{
    auto head = std::make_shared<std::string>();
    auto* verify =
        app.add_subcommand("verify", "walk the record's hash chain; name the first row altered, inserted or deleted");
    verify->add_option("--head", *head, "a chain head printed on a document: confirm it is part of the record");
    return {{verify, [head](const CommandContext& c) { cmdVerify(*head, c); }}};
}

void restoreRecordGuards(common::Database& db, std::ostream& out)
{
    const auto missing = core::missingTriggers(db);
    if (missing.empty()) return;
    common::Transaction tx(db);
    const auto v = core::verifyChain(db);
    if (v.problem) {
        throw core::RecordIntegrityError("triggers missing or changed (" + joined(missing)
                                         + ") are not restored: the record fails verification: "
                                         + v.problem->describe());
    }
    core::restoreTriggers(db);
    tx.commit();
    out << "restored " << missing.size() << " trigger(s) after the chain verified (" << v.head.rows
        << " rows): " << joined(missing) << "\n";
}

} // namespace rollcall::ctl
