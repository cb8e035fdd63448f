#include "hub/ctl/ctl_app.h"

#include <iostream>

int main(int argc, char** argv)
{
    const rollcall::common::SystemClock clock;
    return rollcall::ctl::runCtl(argc, argv, std::cout, std::cerr, clock);
}
