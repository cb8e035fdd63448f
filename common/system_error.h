#pragma once
// A failed system call as an exception: errno's code and what was attempted
// ("open /dev/ptmx"), so the message names the call and the reason.

#include <cerrno>
#include <string>
#include <system_error>

namespace rollcall::common {

[[noreturn]] inline void throwErrno(const std::string& what)
{
    throw std::system_error(errno, std::generic_category(), what);
}

} // namespace rollcall::common
