#include "common/fault_vfs.h"

#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sqlite3.h>
#include <unistd.h>

namespace rollcall::common {
namespace {

enum class Fault { None, Full, IoErr, Sync, Free };

struct Control {
    std::string path;
    sqlite3_vfs* real = nullptr;
    sqlite3_vfs vfs{};
    sqlite3_io_methods methods{};
};

Control& control()
{
    static Control c;
    return c;
}

// The control file is read at every write: tests flip faults at any moment.
std::string readControl()
{
    const int fd = ::open(control().path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    char buf[64];
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0) return {};
    std::string s(buf, static_cast<std::size_t>(n));
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
    return s;
}

Fault currentFault()
{
    const auto s = readControl();
    if (s == "full") return Fault::Full;
    if (s == "ioerr") return Fault::IoErr;
    if (s == "sync") return Fault::Sync;
    if (s.rfind("free=", 0) == 0) return Fault::Free;
    return Fault::None;
}

struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* realOf(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

int xClose(sqlite3_file* f) { return realOf(f)->pMethods->xClose(realOf(f)); }
int xRead(sqlite3_file* f, void* p, int n, sqlite3_int64 o) { return realOf(f)->pMethods->xRead(realOf(f), p, n, o); }
int xWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 o)
{
    switch (currentFault()) {
    case Fault::Full: return SQLITE_FULL;
    case Fault::IoErr: return SQLITE_IOERR_WRITE;
    default: return realOf(f)->pMethods->xWrite(realOf(f), p, n, o);
    }
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) { return realOf(f)->pMethods->xTruncate(realOf(f), size); }
int xSync(sqlite3_file* f, int flags)
{
    const auto fault = currentFault();
    if (fault == Fault::IoErr || fault == Fault::Sync) return SQLITE_IOERR_FSYNC;
    return realOf(f)->pMethods->xSync(realOf(f), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return realOf(f)->pMethods->xFileSize(realOf(f), size); }
int xLock(sqlite3_file* f, int l) { return realOf(f)->pMethods->xLock(realOf(f), l); }
int xUnlock(sqlite3_file* f, int l) { return realOf(f)->pMethods->xUnlock(realOf(f), l); }
int xCheckReservedLock(sqlite3_file* f, int* out) { return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out); }
int xFileControl(sqlite3_file* f, int op, void* arg) { return realOf(f)->pMethods->xFileControl(realOf(f), op, arg); }
int xSectorSize(sqlite3_file* f) { return realOf(f)->pMethods->xSectorSize(realOf(f)); }
int xDeviceCharacteristics(sqlite3_file* f) { return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f)); }
int xShmMap(sqlite3_file* f, int pg, int sz, int ext, void volatile** pp)
{
    return realOf(f)->pMethods->xShmMap(realOf(f), pg, sz, ext, pp);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags)
{
    return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags);
}
void xShmBarrier(sqlite3_file* f) { realOf(f)->pMethods->xShmBarrier(realOf(f)); }
int xShmUnmap(sqlite3_file* f, int del) { return realOf(f)->pMethods->xShmUnmap(realOf(f), del); }
int xFetch(sqlite3_file* f, sqlite3_int64 o, int n, void** pp)
{
    return realOf(f)->pMethods->xFetch(realOf(f), o, n, pp);
}
int xUnfetch(sqlite3_file* f, sqlite3_int64 o, void* p) { return realOf(f)->pMethods->xUnfetch(realOf(f), o, p); }

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* ff = reinterpret_cast<FaultFile*>(file);
    ff->real = reinterpret_cast<sqlite3_file*>(ff + 1);
    ff->base.pMethods = nullptr;
    sqlite3_vfs* real = control().real;
    const int rc = real->xOpen(real, name, ff->real, flags, outFlags);
    if (ff->real->pMethods) {
        auto& m = control().methods;
        m.iVersion = ff->real->pMethods->iVersion;
        ff->base.pMethods = &m;
    }
    return rc;
}

int xDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return control().real->xDelete(control().real, name, syncDir);
}
int xAccess(sqlite3_vfs*, const char* name, int flags, int* out)
{
    return control().real->xAccess(control().real, name, flags, out);
}
int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out)
{
    return control().real->xFullPathname(control().real, name, n, out);
}
void* xDlOpen(sqlite3_vfs*, const char* name) { return control().real->xDlOpen(control().real, name); }
void xDlError(sqlite3_vfs*, int n, char* msg) { control().real->xDlError(control().real, n, msg); }
void (*xDlSym(sqlite3_vfs*, void* h, const char* sym))(void) { return control().real->xDlSym(control().real, h, sym); }
void xDlClose(sqlite3_vfs*, void* h) { control().real->xDlClose(control().real, h); }
int xRandomness(sqlite3_vfs*, int n, char* out) { return control().real->xRandomness(control().real, n, out); }
int xSleep(sqlite3_vfs*, int us) { return control().real->xSleep(control().real, us); }
int xCurrentTime(sqlite3_vfs*, double* t) { return control().real->xCurrentTime(control().real, t); }
int xGetLastError(sqlite3_vfs*, int n, char* out) { return control().real->xGetLastError(control().real, n, out); }
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* t) { return control().real->xCurrentTimeInt64(control().real, t); }

} // namespace

void installFaultVfs(const std::string& controlFile)
{
    static std::once_flag once;
    std::call_once(once, [&] {
        auto& c = control();
        c.path = controlFile;
        c.real = sqlite3_vfs_find(nullptr);
        auto& m = c.methods;
        m.iVersion = 3;
        m.xClose = xClose;
        m.xRead = xRead;
        m.xWrite = xWrite;
        m.xTruncate = xTruncate;
        m.xSync = xSync;
        m.xFileSize = xFileSize;
        m.xLock = xLock;
        m.xUnlock = xUnlock;
        m.xCheckReservedLock = xCheckReservedLock;
        m.xFileControl = xFileControl;
        m.xSectorSize = xSectorSize;
        m.xDeviceCharacteristics = xDeviceCharacteristics;
        m.xShmMap = xShmMap;
        m.xShmLock = xShmLock;
        m.xShmBarrier = xShmBarrier;
        m.xShmUnmap = xShmUnmap;
        m.xFetch = xFetch;
        m.xUnfetch = xUnfetch;
        auto& v = c.vfs;
        v.iVersion = 2;
        v.szOsFile = static_cast<int>(sizeof(FaultFile)) + c.real->szOsFile;
        v.mxPathname = c.real->mxPathname;
        v.zName = "rollcall-fault";
        v.xOpen = xOpen;
        v.xDelete = xDelete;
        v.xAccess = xAccess;
        v.xFullPathname = xFullPathname;
        v.xDlOpen = xDlOpen;
        v.xDlError = xDlError;
        v.xDlSym = xDlSym;
        v.xDlClose = xDlClose;
        v.xRandomness = xRandomness;
        v.xSleep = xSleep;
        v.xCurrentTime = xCurrentTime;
        v.xGetLastError = xGetLastError;
        v.xCurrentTimeInt64 = xCurrentTimeInt64;
        sqlite3_vfs_register(&v, 1);
    });
}

bool installFaultVfsFromEnvironment()
{
    const char* file = std::getenv("ROLLCALL_FAULT_FILE");
    if (!file || !*file) return false;
    installFaultVfs(file);
    return true;
}

std::optional<std::uint64_t> faultFreeBytes()
{
    if (control().path.empty()) return std::nullopt;
    const auto s = readControl();
    if (s.rfind("free=", 0) != 0) return std::nullopt;
    try {
        return static_cast<std::uint64_t>(std::stoull(s.substr(5))) * 1024 * 1024;
    } catch (...) {
        return std::nullopt;
    }
}

} // namespace rollcall::common
