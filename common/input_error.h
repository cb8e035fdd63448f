#pragma once
// The one error type for bad input from outside (CLI, CSV, config, wire, time
// strings): its message names the input and what was wrong with it.

#include <stdexcept>

namespace rollcall::common {

/// Bad input from outside (CLI, CSV, config): the message names the input and the problem.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace rollcall::common
