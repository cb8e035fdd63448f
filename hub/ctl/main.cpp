#include "hub/ctl/ctl_app.h"
#include "hub/ctl/remote_client.h"

#include <iostream>

int main(int argc, char** argv)
{
    // With --hub the command runs at the hub, over the wire (remote_client.h).
    if (const auto code = rollcall::ctl::runIfRemote(argc, argv, std::cout, std::cerr)) return *code;
    const rollcall::common::SystemClock clock;
    return rollcall::ctl::runCtl(argc, argv, std::cout, std::cerr, clock);
}
