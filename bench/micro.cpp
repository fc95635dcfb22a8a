// Google Benchmark micro-benchmarks of remit's hot paths (bench/README.md): reading a CSV log,
// stepping back working days, and each rule family over one body's fourteen years of events.
#include <benchmark/benchmark.h>

#include <string>

#include "calendar/calendar.hpp"
#include "evaluate/evaluator.hpp"
#include "inputs/reader.hpp"
#include "language/parser.hpp"

namespace {

using namespace remit;

// A log of `bodies` bodies meeting every five weeks from 2012 to 2025, with a session before every
// third meeting, a report every quarter, publication dates and agenda items.
std::string synthetic_log(int bodies) {
  std::string text = "body,date,kind,status,title,to,published,items\n";
  const date first = *parse_iso_date("2012-01-04"), last = *parse_iso_date("2025-12-31");
  for (int b = 0; b < bodies; ++b) {
    const std::string name = fmt::format("Committee {}", b);
    int n = 0;
    for (date d = first.plus_days(b % 7); d <= last; d = d.plus_days(35), ++n) {
      const char* status = n % 17 == 0 ? "cancelled" : "held";
      text += fmt::format("{},{},meeting,{},,,{},Minutes;{};Performance Report\n", name, d, status, d.plus_days(-9 - n % 5),
                          n % 11 == 0 ? "Budget" : "Forward Plan");
      if (n % 3 == 0) text += fmt::format("{},{},session,held,Agenda Setting,,,\n", name, d.plus_days(-14));
      if (n % 3 == 1) text += fmt::format("{},{},report,held,Performance Report,Scrutiny,,\n", name, d.plus_days(3));
    }
  }
  return text;
}

event_log read(const std::string& text) {
  event_log log;
  diagnostics diags;
  log.files.push_back({"bench.csv", "csv", 0, 0, {}});
  csv_log_reader.read(text, log, log.files.back(), diags);
  return log;
}

void read_csv_log(benchmark::State& state) {
  const std::string text = synthetic_log(static_cast<int>(state.range(0)));
  std::size_t rows = 0;
  for (auto _ : state) {
    event_log log = read(text);
    rows = log.events.size();
    benchmark::DoNotOptimize(log.events.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * rows));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(read_csv_log)->Arg(100)->Unit(benchmark::kMillisecond);

void working_days_before(benchmark::State& state) {
  const calendar& cal = calendar::of(division::england_and_wales);
  const date first = *parse_iso_date("2013-01-01");
  std::int64_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.working_days_before(first.plus_days(i++ % 4700), static_cast<int>(state.range(0))));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(working_days_before)->Arg(5)->Arg(10);

// One rule over 100 bodies' fourteen years, audited as `remit check` does.
void family(benchmark::State& state, const char* statement) {
  static const event_log log = read(synthetic_log(100));
  diagnostics diags;
  std::vector<ast::rule_file> files;
  files.push_back(*parse_rule_file("bench.remit", fmt::format("body * {{\n  1  {}\n}}\n", statement), diags));
  const audit_window window{*parse_iso_date("2013-01-01"), *parse_iso_date("2025-12-31")};
  std::size_t findings = 0;
  for (auto _ : state) {
    const audit_report report = run_audit(files, log, window, diags);
    findings = report.count(finding_status::breach);
    benchmark::DoNotOptimize(findings);
  }
  state.counters["breaches"] = static_cast<double>(findings);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * log.events.size()));
}
BENCHMARK_CAPTURE(family, gap_months, "meets every 2 months")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, gap_days, "meets every 40 days")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, coverage_quarterly, "meets quarterly")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, count_per_year, "meets at least 10 times a year")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, notice_clear_working_days, "agenda published at least 7 clear working days before each meeting")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, item, "each meeting has item \"Forward Plan\"")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, item_matching, "each meeting has item matching \"forward|budget\"")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, reports, "reports \"Performance\" quarterly to \"Scrutiny\"")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, receives, "receives \"Budget\" annually")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, deadline, "receives \"Terms of Reference\" by 2024-03-31")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, precedence, "each meeting preceded by \"Agenda Setting\" within 30 days")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(family, jointly, "meets jointly with \"agenda setting\" twice a year")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
