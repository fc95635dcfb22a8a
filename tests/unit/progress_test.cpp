// The progress of a long check (core/progress.hpp): the counts the readers and judges keep, and
// the line a thread draws from them. Run under ThreadSanitizer too (tests/threads).
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "core/progress.hpp"
#include "support.hpp"

using namespace remit;

TEST_CASE("progress: numbers are grouped in threes", "[progress]") {
  CHECK(grouped(0) == "0");
  CHECK(grouped(999) == "999");
  CHECK(grouped(1000) == "1,000");
  CHECK(grouped(1234567) == "1,234,567");
  CHECK(grouped(100000) == "100,000");
}

TEST_CASE("progress: a tally adds a thousand at a time, and the rest when it goes", "[progress]") {
  std::atomic<std::uint64_t> count{0};
  {
    progress_tally tally(count);
    for (int i = 0; i < 1023; ++i) tally.add_one();
    CHECK(count.load() == 0);
    tally.add_one();
    CHECK(count.load() == 1024);
    tally.add_one();
    CHECK(count.load() == 1024);
  }
  CHECK(count.load() == 1025);
  // Two readers of one file, each with its own tally of one count.
  std::vector<std::thread> readers;
  for (int t = 0; t < 2; ++t)
    readers.emplace_back([&] {
      progress_tally tally(count);
      for (int i = 0; i < 10000; ++i) tally.add_one();
    });
  for (std::thread& r : readers) r.join();
  CHECK(count.load() == 1025 + 20000);
}

TEST_CASE("progress: every CSV and JSON Lines row read is counted, and every body judged", "[progress]") {
  const std::uint64_t rows_before = progress().rows_read.load();
  std::string csv = "body,date\n";
  for (int i = 0; i < 3000; ++i) csv += "Board " + std::to_string(i % 7) + ",2025-01-" + std::to_string(10 + i % 20) + "\n";
  const event_log log = test::csv_log(csv);
  CHECK(progress().rows_read.load() - rows_before == 3000);

  const std::uint64_t bodies_before = progress().bodies_judged.load();
  const auto audited = test::audit("body * {\n  1  meets quarterly\n}\n", csv, "2025-01-01", "2025-12-31");
  CHECK(audited.report.bodies.size() == 7);
  CHECK(progress().bodies_judged.load() - bodies_before == 7);
}

TEST_CASE("progress: a run shorter than the delay draws nothing", "[progress]") {
  std::ostringstream out;
  {
    progress_line line(out, [] { return std::string("remit check: 1 rows read"); }, std::chrono::hours(1),
                       std::chrono::milliseconds(1));
  }
  CHECK(out.str().empty());
}

TEST_CASE("progress: the line is redrawn from the counts as they change, and wiped when stopped", "[progress]") {
  std::ostringstream out;
  std::atomic<std::uint64_t> rows{0};
  std::promise<void> drawn;
  bool seen_all = false;  // the drawing thread's own
  const auto words = [&] {
    const std::uint64_t n = rows.load(std::memory_order_relaxed);
    if (n == 5000 && !seen_all) {
      seen_all = true;
      drawn.set_value();
    }
    return "read " + grouped(n);
  };
  progress_line line(out, words, std::chrono::milliseconds(0), std::chrono::milliseconds(1));
  std::thread reader([&] {
    progress_tally tally(rows);
    for (int i = 0; i < 5000; ++i) tally.add_one();
  });
  reader.join();
  REQUIRE(drawn.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  line.stop();
  const std::string text = out.str();
  const std::string erase = "\r\033[K";
  CHECK(text.starts_with(erase + "read "));
  CHECK(text.ends_with(erase));
  CHECK(text.find(erase + "read 5,000") != std::string::npos);
  line.stop();  // a second stop changes nothing
  CHECK(out.str() == text);
}
