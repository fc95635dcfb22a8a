// Work split into shares, one thread each: the caller's thread takes share 0.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <ostream>
#include <string>
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

// Renders each item with render(item, text), a share of the items at a time on every core, and
// writes the shares in order: the output is the same for any number of cores. For reports whose
// rows depend on one item each (a body's rows), which at a national scale are most of the work
// after reading.
template <typename Item, typename Render>
void render_in_order(const std::vector<Item>& items, const Render& render, std::ostream& out) {
  const std::size_t threads = std::max(1u, std::thread::hardware_concurrency());
  constexpr std::size_t share = 512;
  std::vector<std::string> rendered(threads);
  for (std::size_t first = 0; first < items.size(); first += share * threads) {
    run_shares(threads, [&](std::size_t t) {
      const std::size_t begin = std::min(items.size(), first + t * share);
      const std::size_t end = std::min(items.size(), begin + share);
      for (std::size_t i = begin; i < end; ++i) render(items[i], rendered[t]);
    });
    for (std::string& text : rendered) {
      out << text;
      text.clear();
    }
  }
}

}  // namespace remit
