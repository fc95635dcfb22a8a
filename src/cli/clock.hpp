// The only place remit reads the clock. "Today" is the date in the United Kingdom, whatever the
// host's time zone, resolved once per run, here, and passed on: nothing under src/evaluate reads
// the clock, and every part of a run (every council of a sweep) sees the same day.
#pragma once

#include "core/date.hpp"

namespace remit::cli {

// Today, in the United Kingdom: read from the clock the first time it is asked for, then the same
// for the rest of the run.
date today();

}  // namespace remit::cli
