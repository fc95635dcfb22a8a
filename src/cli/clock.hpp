// The only place remit reads the clock. Commands resolve "today" once, here, as a local civil
// date, and pass it on: nothing under src/evaluate reads the clock.
#pragma once

#include "core/date.hpp"

namespace remit::cli {

date today();

}  // namespace remit::cli
