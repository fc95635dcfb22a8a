// Work on every core: shares of it side by side (run_shares), and items rendered side by side and
// written in order (render_in_order).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

namespace remit {

// How many threads to share work among: one a core (the standard library may not know: then one).
inline unsigned core_count() { return std::max(1u, std::thread::hardware_concurrency()); }

// Runs work(k) for every k in [0, shares) side by side (the calling thread takes share 0) and
// returns when all are done. A share that throws does not stop the others; the first failure,
// in share order, is rethrown.
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
// writes the shares in order as they are done, on the calling thread: the output is the same for
// any number of cores, and writing one share overlaps rendering the next. For reports whose rows
// depend on one item each (a body's rows), which at a national scale are most of the work after
// reading. At most two shares a core are held at once: a national report is never held whole.
template <typename Item, typename Render>
void render_in_order(const std::vector<Item>& items, const Render& render, std::ostream& out) {
  const std::size_t threads = core_count();
  constexpr std::size_t share = 512;
  const std::size_t shares = (items.size() + share - 1) / share, held = 2 * threads;
  struct rendered_share {
    std::string text;
    bool done = false;
  };
  std::vector<rendered_share> slots(held);  // share s goes to slots[s % held]
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 0, written = 0;  // under `mutex`, as are the slots' `done`, `failure` and `stop`
  std::exception_ptr failure;
  bool stop = false;
  const auto fail = [&] {
    std::lock_guard lock(mutex);
    if (!failure) failure = std::current_exception();
    stop = true;
    changed.notify_all();
  };
  const auto render_shares = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      // A share's slot is free once the share `held` before it is written.
      changed.wait(lock, [&] { return stop || next >= shares || next < written + held; });
      if (stop || next >= shares) return;
      const std::size_t s = next++;
      rendered_share& into = slots[s % held];
      lock.unlock();
      try {
        for (std::size_t i = s * share; i < std::min(items.size(), (s + 1) * share); ++i) render(items[i], into.text);
      } catch (...) {
        fail();
        return;
      }
      lock.lock();
      into.done = true;
      changed.notify_all();
    }
  };
  {
    std::vector<std::jthread> workers;
    for (std::size_t k = 0; k < threads; ++k) workers.emplace_back(render_shares);
    std::unique_lock lock(mutex);
    while (written < shares) {
      rendered_share& s = slots[written % held];
      changed.wait(lock, [&] { return stop || s.done; });
      if (stop) break;
      lock.unlock();
      try {
        out << s.text;
      } catch (...) {
        fail();
        break;
      }
      s.text.clear();
      lock.lock();
      s.done = false;
      ++written;
      changed.notify_all();
    }
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace remit
