// Synthetic national meeting records for the benchmark (bench/README.md): councils with tens of
// committees each, fourteen years of meetings at a realistic cadence with cancellations,
// postponements, agenda sessions, quarterly reports, agenda publication dates and items, and
// deliberate breaches (lapses in cadence, late agendas, missing publication dates and items).
// The same seed and size give the same bytes: the random numbers are splitmix64, not the
// standard library's distributions, whose results differ between implementations.
//
//   generate --events N --out DIR [--seed S] [--sweep] [--bodies B]
//
// --bodies B makes B bodies (by default one for every 210 events) and stops after N events:
// with many bodies and few events, the shape of a log of many small bodies, each with a
// meeting or two, that the streamed audit's tables must grow through.
//
// writes DIR/national.csv (every event of every council in date order), DIR/five-checks.remit
// (the five checks of the whole-run comparison for every body) and DIR/window; with --sweep
// also DIR/sweep/rules/<slug>.remit (a rule file per council drawing on every statement family)
// and DIR/sweep/corpora/<slug>/{meetings.csv,window}, laid out for `remit sweep`.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "splitmix64.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

int day_number(int y, unsigned m, unsigned d) {
  return static_cast<int>(sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count());
}

// yyyy-mm-dd of every day in the range, formatted once.
struct iso_dates {
  int first;
  std::vector<std::array<char, 10>> text;
  iso_dates(int from, int to) : first(from) {
    for (int d = from; d <= to; ++d) {
      const year_month_day ymd{sys_days{days{d}}};
      std::array<char, 16> buf{};
      std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
      std::array<char, 10> t{};
      std::memcpy(t.data(), buf.data(), 10);
      text.push_back(t);
    }
  }
  std::string_view operator()(int d) const { return {text[static_cast<std::size_t>(d - first)].data(), 10}; }
};

constexpr std::array<const char*, 25> committee_names{
    "Cabinet", "Full Council", "Audit and Governance Committee", "Corporate Parenting Board",
    "Planning Committee", "Licensing Committee", "Health and Wellbeing Board", "Overview and Scrutiny Committee",
    "Standards Committee", "Pensions Committee", "Children and Young People Scrutiny Panel",
    "Adult Social Care Scrutiny Panel", "Environment Scrutiny Panel", "Appeals Panel", "Employment Committee",
    "Schools Forum", "Community Safety Partnership", "Housing Board", "Climate Emergency Working Group",
    "Economic Development Committee", "Transport Committee", "Member Development Panel",
    "Constitution Working Group", "Health Scrutiny Committee", "Resources Scrutiny Panel"};

struct body_state {
  std::string name;
  std::uint32_t council = 0;
  int interval = 42;       // the body's usual days between meetings
  bool records_items = false;
};

enum class kind : std::uint8_t { meeting, session, report };

struct pending {
  int day;
  std::uint64_t seq;  // ties in creation order, so the output never depends on the heap
  std::uint32_t body;
  kind what;
  bool operator>(const pending& o) const { return day != o.day ? day > o.day : seq > o.seq; }
};

struct options {
  std::uint64_t events = 1'000'000;
  std::string out;
  std::uint64_t seed = 20260401;
  bool sweep = false;
  std::uint64_t bodies = 0;  // 0: one per 210 events, every event of fourteen years written
};

constexpr int per_council = 25;
constexpr int first_day_y = 2012, last_day_y = 2025;
constexpr const char* window_text = "from 2013-01-01\nto 2025-12-31\n";

void write_five_checks(const fs::path& dir) {
  std::ofstream f(dir / "five-checks.remit");
  f << "# The five checks of the whole-run comparison (bench/README.md), for every body in the log.\n"
       "calendar england-and-wales\n"
       "year starts 1 January\n\n"
       "body * {\n"
       "  gap-months  meets every 2 months\n"
       "  gap-days    meets every 60 days\n"
       "  notice      agenda published at least 5 clear working days before each meeting\n"
       "  quarterly   meets quarterly\n"
       "  per-year    meets at least 6 times a year\n"
       "}\n";
}

// A council's rule file: the statutory notice for every committee, and one committee's ToR with a
// statement of every family.
void write_council_rules(const fs::path& file, const std::string& council, const std::string& board) {
  std::ofstream f(file);
  f << "council \"" << council << "\"\ncalendar england-and-wales\nyear starts 1 April\n\n"
    << "body * {\n  s100B  agenda published at least 5 clear working days before each meeting\n}\n\n"
    << "body \"" << board << "\" {\n"
    << "  5.1   meets every 2 months with 7 days grace\n"
    << "  5.2   meets at least 6 times a year\n"
    << "  5.3   meets quarterly\n"
    << "  5.4   agenda published at least 5 working days before each meeting\n"
    << "  5.5   each meeting has item \"Forward Plan\"\n"
    << "  5.6   each meeting has item matching \"minutes|performance\"\n"
    << "  6.1   reports \"Performance Report\" quarterly to \"Overview and Scrutiny Committee\"\n"
    << "  6.2   receives \"Performance Report\" annually\n"
    << "  6.3   receives \"Terms of Reference\" by 2025-06-30\n"
    << "  7.1   each meeting preceded by \"Agenda Setting\" within 30 days\n"
    << "  7.2   meets jointly with \"agenda setting\" twice a year\n"
    << "}\n";
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "generate: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--events") o.events = std::stoull(value());
    else if (a == "--out") o.out = value();
    else if (a == "--seed") o.seed = std::stoull(value());
    else if (a == "--sweep") o.sweep = true;
    else if (a == "--bodies") o.bodies = std::stoull(value());
    else {
      std::fprintf(stderr, "usage: generate --events N --out DIR [--seed S] [--sweep] [--bodies B]\n");
      return 2;
    }
  }
  if (o.out.empty()) {
    std::fprintf(stderr, "usage: generate --events N --out DIR [--seed S] [--sweep] [--bodies B]\n");
    return 2;
  }
  const fs::path out(o.out);
  fs::create_directories(out);
  splitmix64 rng{o.seed};

  const int first = day_number(first_day_y, 1, 2), last = day_number(last_day_y, 12, 31);
  const iso_dates iso(first - 40, last + 40);
  // About 210 events per body over the fourteen years: meetings, sessions and reports.
  const std::uint64_t body_count = o.bodies ? o.bodies : std::max<std::uint64_t>(per_council, o.events / 210);
  const std::uint32_t councils = static_cast<std::uint32_t>((body_count + per_council - 1) / per_council);

  std::vector<body_state> bodies;
  std::vector<std::string> council_names;
  constexpr std::array<int, 8> intervals{28, 30, 30, 35, 42, 42, 45, 49};
  for (std::uint32_t c = 0; c < councils; ++c) {
    council_names.push_back("Council " + std::to_string(1000 + c));
    for (int k = 0; k < per_council && bodies.size() < body_count; ++k) {
      body_state b;
      b.council = c;
      b.name = council_names.back() + " " + committee_names[static_cast<std::size_t>(k)];
      b.interval = intervals[rng.next() % intervals.size()];
      b.records_items = rng.chance(350);
      bodies.push_back(std::move(b));
    }
  }

  std::priority_queue<pending, std::vector<pending>, std::greater<>> queue;
  std::uint64_t seq = 0;
  for (std::uint32_t i = 0; i < bodies.size(); ++i) {
    queue.push({first + rng.between(0, bodies[i].interval), seq++, i, kind::meeting});
    queue.push({first + rng.between(60, 120), seq++, i, kind::report});
  }

  // One writer for the national log, and with --sweep one per council (opened as they are first used).
  std::ofstream national(out / "national.csv", std::ios::binary);
  const std::string header = "council,body,date,kind,status,title,to,published,items\n";
  national << header;
  std::vector<std::unique_ptr<std::ofstream>> council_logs(o.sweep ? councils : 0);
  const auto slug = [&](std::uint32_t c) { return "council-" + std::to_string(1000 + c); };
  if (o.sweep) {
    fs::create_directories(out / "sweep" / "rules");
    for (std::uint32_t c = 0; c < councils; ++c) {
      const fs::path dir = out / "sweep" / "corpora" / slug(c);
      fs::create_directories(dir);
      std::ofstream(dir / "window") << window_text;
      write_council_rules(out / "sweep" / "rules" / (slug(c) + ".remit"), council_names[c],
                          council_names[c] + " " + committee_names[3]);
    }
  }

  std::string row;
  std::uint64_t written = 0;
  while (!queue.empty() && (!o.bodies || written < o.events)) {
    const pending p = queue.top();
    queue.pop();
    body_state& b = bodies[p.body];
    row.clear();
    row += council_names[b.council];
    row += ',';
    row += b.name;
    row += ',';
    row += iso(p.day);
    if (p.what == kind::meeting) {
      const int r = rng.between(0, 999);
      const char* status = r < 935 ? "held" : r < 975 ? "cancelled" : r < 995 ? "postponed" : "scheduled";
      row += ",meeting,";
      row += status;
      row += ",,,";
      // Agenda published a week or two ahead; sometimes late, sometimes not recorded.
      const int pr = rng.between(0, 999);
      if (pr < 960) row += iso(p.day - rng.between(10, 17));
      else if (pr < 985) row += iso(p.day - rng.between(1, 9));
      row += ',';
      if (b.records_items && rng.chance(970))
        row += rng.chance(940) ? "Minutes of the last meeting;Forward Plan;Performance Report"
                               : "Minutes of the last meeting;Terms of Reference";
      // The next meeting: the usual interval give or take a week, and now and then a lapse.
      int next = p.day + b.interval + rng.between(-5, 5);
      if (rng.chance(15)) next += rng.between(20, 90);
      if (next <= last) {
        queue.push({next, seq++, p.body, kind::meeting});
        if (rng.chance(150) && next - 20 > p.day) queue.push({next - rng.between(5, 20), seq++, p.body, kind::session});
      }
    } else if (p.what == kind::session) {
      row += ",session,held,Agenda Setting,,,";
    } else {
      row += ",report,held,Performance Report,Overview and Scrutiny Committee,,";
      int next = p.day + rng.between(85, 97);
      if (rng.chance(40)) next += 60;
      if (next <= last) queue.push({next, seq++, p.body, kind::report});
    }
    row += '\n';
    national << row;
    if (o.sweep) {
      auto& f = council_logs[b.council];
      if (!f) {
        f = std::make_unique<std::ofstream>(out / "sweep" / "corpora" / slug(b.council) / "meetings.csv",
                                            std::ios::binary);
        *f << header;
      }
      *f << row;
    }
    ++written;
  }
  write_five_checks(out);
  std::ofstream(out / "window") << window_text;
  std::printf("%llu events, %zu bodies, %u councils\n", static_cast<unsigned long long>(written), bodies.size(), councils);
  return 0;
}
