#include "hub/ctl/database_file.h"

#include "common/input_error.h"
#include "hub/core/schema.h"

#include <filesystem>

namespace rollcall::ctl {

common::Database openDatabaseFile(const std::string& path, bool create)
{
    if (path.empty()) throw common::InputError("--db PATH is required");
    if (!create && !std::filesystem::exists(path)) {
        throw common::InputError("database " + path + " does not exist; create it with `rollcallctl --db " + path
                                 + " init`");
    }
    common::Database db(path);
    core::migrate(db);
    return db;
}

} // namespace rollcall::ctl
