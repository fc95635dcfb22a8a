#include "cli/clock.hpp"

#include <mutex>
#include <optional>

namespace remit::cli {

namespace {

std::mutex mutex;
std::optional<date> resolved;

}  // namespace

date today() {
  const std::lock_guard lock(mutex);
  if (!resolved) resolved = uk_date(std::chrono::system_clock::now());
  return *resolved;
}

}  // namespace remit::cli
