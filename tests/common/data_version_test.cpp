// Database::dataVersion (PRAGMA data_version), which the hub's tick relies on
// to notice another writer's commit (a rollcallctl amendment, an admin desk):
// it changes for another connection's commit and never for the connection's
// own, so the hub must not re-read it after writing (that would swallow a
// commit made by another connection in between).
#include "common/database.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;
using rollcall::test::TempDir;

namespace {

TEST(DataVersion, staysTheSameAfterTheConnectionsOwnCommit)
{
    TempDir dir;
    common::Database db(dir.file("r.db"));
    db.exec("CREATE TABLE t(v INTEGER)");
    const auto before = db.dataVersion();
    db.exec("INSERT INTO t VALUES (1)");
    EXPECT_EQ(db.dataVersion(), before);
}

TEST(DataVersion, changesAfterAnotherConnectionsCommit)
{
    TempDir dir;
    common::Database hub(dir.file("r.db"));
    hub.exec("CREATE TABLE t(v INTEGER)");
    common::Database other(dir.file("r.db"));
    const auto before = hub.dataVersion();
    other.exec("INSERT INTO t VALUES (1)");
    hub.exec("INSERT INTO t VALUES (2)"); // the hub's own write after it does not hide it
    EXPECT_NE(hub.dataVersion(), before);
}

} // namespace
