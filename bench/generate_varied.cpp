// The benchmark's second log shape (bench/README.md, "The data"), made independently of
// generate.cpp: bodies of very different sizes. Each body's number of events is drawn from a
// heavy-tailed (Pareto) distribution, so that most bodies have a few dozen events and a handful
// tens of thousands; one body for every 100 events (100,000 bodies over 10 million events).
// Written twice: in date order, and the same rows shuffled into random order.
// The same seed and size give the same bytes: the random numbers are splitmix64, and the only
// floating point is one std::pow per body.
//
//   generate_varied --events N --out DIR [--seed S]
//
// writes DIR/varied.csv (date order), DIR/varied-shuffled.csv (the same rows in random order),
// DIR/five-checks.remit (the five checks of the whole-run comparison for every body) and
// DIR/window.
//
// No body has two events of one kind and status on one day, which the streamed engine needs
// (docs/inputs.md, "Large logs"): a body's events of one kind and status fall one in each of
// stretches of whole days that do not overlap. So a body has at most a meeting a day; what a large body
// has beyond that is agenda sessions and reports (held, cancelled, postponed), which the five
// checks read but do not judge.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "splitmix64.hpp"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

constexpr int first_year = 2012, last_year = 2025;
constexpr std::uint64_t events_per_body = 100;
constexpr double pareto_alpha = 1.3;  // the tail: about 40 bodies in 100,000 over 10,000 events
constexpr double pareto_least = 24;   // the smallest body, before scaling to the events asked for
constexpr std::uint32_t largest_body = 30'000;

int day_number(int y, unsigned m, unsigned d) {
  return static_cast<int>(sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count());
}

std::array<char, 10> iso(int d) {
  const year_month_day ymd{sys_days{days{d}}};
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  std::array<char, 10> t{};
  std::memcpy(t.data(), buf.data(), 10);
  return t;
}

enum class kind : std::uint8_t { meeting, session, report };
enum class status : std::uint8_t { held, cancelled, postponed, scheduled };
constexpr std::array<const char*, 3> kind_words{"meeting", "session", "report"};
constexpr std::array<const char*, 4> status_words{"held", "cancelled", "postponed", "scheduled"};

// One row, 12 bytes: 10 million of them are sorted by date, then written twice.
struct row {
  std::int32_t day;
  std::uint32_t body;
  std::uint8_t what;    // kind * 4 + status
  std::uint8_t notice;  // days the agenda was published before the meeting; 0: not recorded
  std::uint16_t pad = 0;
  bool operator<(const row& o) const {
    if (day != o.day) return day < o.day;
    if (body != o.body) return body < o.body;
    return what < o.what;
  }
};

struct body_names {
  std::uint32_t council;
  std::string name;
};

constexpr std::array<const char*, 24> place_starts{
    "Ash", "Brad", "Carl", "Dun", "Elm", "Fair", "Glen", "Hart", "Ick", "Kings", "Lang", "Mid",
    "Nor", "Oak", "Pen", "Quen", "Rother", "Salt", "Thorn", "Upper", "Wal", "West", "York", "Zeal"};
constexpr std::array<const char*, 12> place_ends{"ford", "ton", "bury", "ham", "field", "wick",
                                                 "ley", "stow", "mouth", "bridge", "worth", "dale"};
constexpr std::array<const char*, 5> council_kinds{"Borough Council", "District Council", "County Council",
                                                   "City Council", "Town Council"};
constexpr std::array<const char*, 30> committee_words{
    "Cabinet", "Council", "Licensing Sub-Committee", "Planning Applications Committee", "Audit Committee",
    "Scrutiny Board", "Health and Wellbeing Board", "Corporate Parenting Panel", "Standards Committee",
    "Pensions Board", "Appeals Panel", "Housing Panel", "Schools Forum", "Area Committee",
    "Local Plan Working Group", "Highways Joint Committee", "Children's Services Scrutiny",
    "Adult Care Scrutiny", "Climate Task and Finish Group", "Investment Panel", "Harbour Board",
    "Crematorium Joint Committee", "Community Safety Partnership", "Employment Panel", "Parish Forum",
    "Rural Affairs Panel", "Tourism Working Group", "Regeneration Board", "Budget Scrutiny Panel",
    "Constitution Committee"};

// A body's events of one kind and status: k of them, one in each of k stretches of whole days
// of the body's life, as equal as whole days allow (each a day or more: k <= span), mostly near
// the stretch's middle and now and then anywhere in it (a lapse). A meeting's status is drawn,
// with its agenda's publication; sessions and reports have the status given.
void spread(splitmix64& rng, std::vector<row>& rows, std::uint32_t body, int from, int span, std::uint32_t k,
            kind what, status given) {
  const auto start = [&](std::uint32_t i) { return static_cast<int>(static_cast<std::uint64_t>(i) * span / k); };
  for (std::uint32_t i = 0; i < k; ++i) {
    const double at = rng.chance(900) ? 0.3 + 0.4 * rng.unit() : rng.unit();
    row r{};
    r.day = from + start(i) + static_cast<int>(at * (start(i + 1) - start(i)));
    r.body = body;
    status s = given;
    if (what == kind::meeting) {
      const int p = rng.between(0, 999);
      s = p < 940 ? status::held : p < 975 ? status::cancelled : p < 995 ? status::postponed : status::scheduled;
      const int q = rng.between(0, 999);
      r.notice = static_cast<std::uint8_t>(q < 955 ? rng.between(8, 20) : q < 985 ? rng.between(1, 7) : 0);
    }
    r.what = static_cast<std::uint8_t>(static_cast<int>(what) * 4 + static_cast<int>(s));
    rows.push_back(r);
  }
}

// Fills the buffer with row r and returns its length.
std::size_t format(const row& r, const std::vector<body_names>& bodies, const std::vector<std::string>& councils,
                   std::string& out) {
  const body_names& b = bodies[r.body];
  const auto k = static_cast<kind>(r.what / 4);
  out.clear();
  out += councils[b.council];
  out += ',';
  out += b.name;
  out += ',';
  out.append(iso(r.day).data(), 10);
  out += ',';
  out += kind_words[r.what / 4];
  out += ',';
  out += status_words[r.what % 4];
  if (k == kind::meeting) {
    out += ",,,";
    if (r.notice) out.append(iso(r.day - r.notice).data(), 10);
    out += ",\n";
  } else if (k == kind::session) {
    out += ",Agenda Setting,,,\n";
  } else {
    out += ",Quarterly Performance Report,Scrutiny Board,,\n";
  }
  return out.size();
}

void write_rows(const fs::path& file, const std::vector<row>& rows, const std::vector<std::uint32_t>* order,
                const std::vector<body_names>& bodies, const std::vector<std::string>& councils) {
  std::FILE* f = std::fopen(file.c_str(), "wb");
  if (!f) {
    std::perror(file.c_str());
    std::exit(2);
  }
  std::string buffer = "council,body,date,kind,status,title,to,published,items\n", line;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    format(rows[order ? (*order)[i] : i], bodies, councils, line);
    buffer += line;
    if (buffer.size() > (1 << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), f);
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), f);
  if (std::fclose(f) != 0) {
    std::perror(file.c_str());
    std::exit(2);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t events = 10'000'000, seed = 20261207;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool valued = i + 1 < argc;
    if (valued && a == "--events") events = std::stoull(argv[++i]);
    else if (valued && a == "--seed") seed = std::stoull(argv[++i]);
    else if (valued && a == "--out") out = argv[++i];
    else events = 0;  // not an option: the usage below
  }
  if (out.empty() || events < 1000) {
    std::fprintf(stderr, "usage: generate_varied --events N --out DIR [--seed S]   (N at least 1000)\n");
    return 2;
  }
  splitmix64 rng{seed};
  const int first = day_number(first_year, 1, 2), last = day_number(last_year, 12, 31);
  const int span = last - first + 1;
  const auto per_stream = static_cast<std::uint32_t>(span * 9 / 10);  // a stretch a day or more

  // Sizes: Pareto draws, scaled so that they add up to about the events asked for.
  const std::uint64_t body_count = events / events_per_body;
  std::vector<double> drawn(body_count);
  double total = 0;
  for (double& d : drawn) {
    d = std::min<double>(largest_body, pareto_least / std::pow(1.0 - rng.unit(), 1.0 / pareto_alpha));
    total += d;
  }
  const double scale = static_cast<double>(events) / total;

  // Councils of 2 to 40 bodies, with names of places; a body's name carries its council's, so
  // that every body's name is its own (the SQL of the comparison groups by name).
  std::vector<std::string> councils;
  std::vector<body_names> bodies;
  bodies.reserve(body_count);
  while (bodies.size() < body_count) {
    const auto c = static_cast<std::uint32_t>(councils.size());
    councils.push_back(std::string(place_starts[rng.below(place_starts.size())]) + place_ends[rng.below(place_ends.size())] +
                       " " + council_kinds[rng.below(council_kinds.size())] + " " + std::to_string(c + 1));
    const int size = rng.chance(700) ? rng.between(2, 12) : rng.between(13, 40);
    for (int k = 0; k < size && bodies.size() < body_count; ++k) {
      std::string name = councils.back() + " " + committee_words[static_cast<std::size_t>(k) % committee_words.size()];
      if (k >= static_cast<int>(committee_words.size())) name += " " + std::to_string(k / committee_words.size() + 1);
      bodies.push_back({c, std::move(name)});
    }
  }

  std::vector<row> rows;
  rows.reserve(events + events / 20);
  std::vector<std::uint32_t> sizes;
  sizes.reserve(body_count);
  for (std::uint32_t b = 0; b < body_count; ++b) {
    const auto n = static_cast<std::uint32_t>(std::clamp(std::llround(drawn[b] * scale), 1LL,
                                                         static_cast<long long>(largest_body)));
    sizes.push_back(n);
    // Meetings, most of a body's events, at most one a day; the rest agenda sessions and reports.
    const std::uint32_t meetings = std::min(per_stream, static_cast<std::uint32_t>(n * 85 / 100 + (n < 2)));
    std::uint32_t sessions = (n - meetings) / 2, reports = n - meetings - sessions;
    // Half the bodies sit through the whole fourteen years; the others (working groups, task
    // and finish panels) meet every four to seven weeks for as long as their meetings last.
    int life = span;
    if (rng.chance(500)) life = std::clamp(static_cast<int>(meetings) * rng.between(28, 49), 60, span);
    const int from = first + rng.between(0, span - life);
    spread(rng, rows, b, from, life, std::min<std::uint32_t>(meetings, static_cast<std::uint32_t>(life)),
           kind::meeting, status::held);
    // Beyond one event of a kind a day, sessions and reports are held, cancelled or postponed:
    // three events of each kind a day at most.
    for (auto [what, count] : {std::pair{kind::session, sessions}, std::pair{kind::report, reports}}) {
      const std::uint32_t layers = (count + per_stream - 1) / per_stream;
      for (std::uint32_t layer = 0; layer < layers && layer < 3; ++layer) {
        const std::uint32_t k = std::min(per_stream, count - layer * per_stream);
        spread(rng, rows, b, first, span, k, what, static_cast<status>(layer));
      }
    }
  }
  std::sort(rows.begin(), rows.end());

  const fs::path dir(out);
  fs::create_directories(dir);
  write_rows(dir / "varied.csv", rows, nullptr, bodies, councils);
  std::vector<std::uint32_t> order(rows.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
  write_rows(dir / "varied-shuffled.csv", rows, &order, bodies, councils);

  std::ofstream(dir / "five-checks.remit")
      << "# The five checks of the whole-run comparison (bench/README.md), for every body in the log.\n"
         "calendar england-and-wales\n"
         "year starts 1 January\n\n"
         "body * {\n"
         "  gap-months  meets every 2 months\n"
         "  gap-days    meets every 60 days\n"
         "  notice      agenda published at least 5 clear working days before each meeting\n"
         "  quarterly   meets quarterly\n"
         "  per-year    meets at least 6 times a year\n"
         "}\n";
  std::ofstream(dir / "window") << "from 2013-01-01\nto 2025-12-31\n";
  std::sort(sizes.begin(), sizes.end());
  const auto centile = [&](std::size_t c) { return sizes[std::min(sizes.size() - 1, sizes.size() * c / 100)]; };
  const auto large = static_cast<std::size_t>(sizes.end() - std::lower_bound(sizes.begin(), sizes.end(), 10'000u));
  std::printf("%zu events, %zu bodies in %zu councils; events a body: median %u, 90th centile %u, 99th %u, "
              "largest %u; %zu bodies of 10,000 or more\n",
              rows.size(), bodies.size(), councils.size(), centile(50), centile(90), centile(99), sizes.back(), large);
  return 0;
}
