// Work split into shares, one thread each: the caller's thread takes share 0.
#pragma once

#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace remit {

// Runs work(k) for every k in [0, shares) side by side and returns when all are done. A share
// that throws does not stop the others; the first failure, in share order, is rethrown.
template <typename Work>
void run_shares(std::size_t shares, const Work& work) {
  std::vector<std::exception_ptr> failures(shares);
  const auto run = [&](std::size_t k) {
    try {
      work(k);
    } catch (...) {
      failures[k] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> workers;
    for (std::size_t k = 1; k < shares; ++k) workers.emplace_back(run, k);
    if (shares > 0) run(0);
  }
  for (const std::exception_ptr& failure : failures)
    if (failure) std::rethrow_exception(failure);
}

}  // namespace remit
