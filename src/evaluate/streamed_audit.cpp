#include "evaluate/streamed_audit.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>

#include <boost/container_hash/hash.hpp>
#include <boost/unordered/unordered_flat_map.hpp>
#include <fmt/format.h>

#include "core/limits.hpp"
#include "core/parallel.hpp"
#include "core/progress.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "evaluate/context.hpp"
#include "evaluate/evaluator.hpp"
#include "evaluate/finding_words.hpp"
#include "evaluate/judges.hpp"

namespace remit {

namespace {

// The judges the streamed audit runs: the dated judges (finding_words.hpp), every family but the
// people families, which judge the attendance and membership records it does not read. Those
// read nothing of a body's context but the window, the calendar, the year start, the statement's
// modifiers and the words of the row being judged (state::texts), so it holds no events.
using streamed_judge = dated_judge;

// One statement of a body block, as every body it applies to judges it.
struct statement_plan {
  const ast::statement* statement = nullptr;
  // Notice: the latest compliant publication day for a meeting on each day of the window, as
  // found (no_date: not yet). Every body's meetings on a day share it, and counting working
  // days back is most of judging a notice rule.
  // (Left empty for a window of over a century, which no log fills.)
  std::unique_ptr<std::vector<date>> latest_by_day;
  std::unique_ptr<statement_judge> judging;
  std::shared_ptr<const finding_writer> writer;
};

struct block_plan {
  const ast::rule_file* file = nullptr;
  const ast::body* block = nullptr;
  ast::resolved_settings settings;
  std::optional<std::string> folded_council;
  std::string folded_name;  // empty for body *
  body_context context;
  std::vector<statement_plan> statements;
};

// A body's state is one run of 16-byte cells, read whole for each of its events (a cache line or
// two): a cell for the body, then for each block that applies to it a cell for the block
// followed by a cell per statement. What a cell's fields hold depends on what it is for.
struct cell {
  date day = no_date;       // body: its last event so far; block: its last admitted event; statement: gap, the last qualifying event
  std::uint32_t index = 0;  // body: its place in `bodies`; block: its plan; statement: periods, the first period not closed;
                            // gap and deadline, the undecided event kept (as days after no_date)
  std::uint32_t count = 0;  // body: how many blocks follow; block: its first admitted event's days; statement: periods,
                            // qualifying events in that period so far; deadline, 1 when its undecided event has no items recorded
  bool flag = false;        // block: an event of the body that its council admits was seen; statement: something fell due
  bool failed = false;      // statement: could not be judged for this body (`failures` says why)
  std::uint16_t kinds_on_day = 0;  // body: each kind and status of event seen on `day`, a bit each; statement: periods,
                                   // the undecided events in the period so far
};
static_assert(sizeof(cell) == 16);

// What is kept of a body apart from its run.
struct body_names {
  std::string folded_name;
  string_pool::id display_name = 0;
  std::uint32_t run = 0;  // its first cell
};

// The body of each (body, council) pair as rows write them: every row looks its pair up.
// boost::unordered_flat_map rather than absl::flat_hash_map: the same open addressing, a group of
// slots' tags compared at once, but in headers alone, so remit links no build of Abseil (whose
// ABI depends on the C++ standard it was compiled with).
struct written_pair {
  std::string_view body, council;  // a row's names, or, in the table, the audit's own copies (`names`)
  std::uint64_t hash = 0;          // taken by the reader, while it has the names at hand
  static std::uint64_t of(std::string_view body, std::string_view council) {
    std::size_t h = std::hash<std::string_view>{}(body);  // 8 bytes a step; boost::hash, 4
    boost::hash_combine(h, std::hash<std::string_view>{}(council));
    return h;
  }
  bool operator==(const written_pair& other) const {
    return hash == other.hash && body == other.body && council == other.council;
  }
};
struct written_pair_hash {
  std::size_t operator()(const written_pair& p) const { return p.hash; }
};
struct row_body {
  std::uint32_t body = 0;  // the first cell of the body's run
  string_pool::id council = 0;
};
// Every pair by its names: the table that says.
using row_bodies = boost::unordered_flat_map<written_pair, row_body, written_pair_hash>;
// The first pair seen of each hash, by the hash alone: a lookup compares no names, so it waits on
// no name's memory. A guess is right when its names are the row's (judge_row compares them, the
// guess's fetched by then); otherwise (a pair new since, or another of the same hash) the row
// asks `row_bodies`.
struct guessed_pair {
  std::string_view body, council;  // the audit's own copies (`names`)
  row_body value;
};
using row_body_guesses = boost::unordered_flat_map<std::uint64_t, guessed_pair>;

// Whether the statement's judge (with_judge's) is one the streamed audit runs: decided by the
// judge's type, so a new family's judge is refused here until `dated_judge` holds it.
bool judged_in_one_pass(const ast::statement& s) { return judged_by_dates(s); }
// Whether a statement needs an event's words (title, recipient, items), which the rows then carry.
bool needs_words(const ast::statement& s) {
  return !std::holds_alternative<ast::meets>(s.what) && !std::holds_alternative<ast::notice>(s.what);
}

// A body known by other names (`also`) is refused: rows look their body up by the one name they
// give, and a renamed body's rows under two names would be judged as two bodies.
bool renamed(const ast::rule_file& file, const ast::body& block) { return ast::folded_names(file, block).size() > 1; }

bool streamable(const ast::rule_file& file, const ast::body& block) {
  if (version_of(file, block) || renamed(file, block)) return false;
  return std::all_of(block.statements.begin(), block.statements.end(), [](const ast::statement& s) {
    return judged_in_one_pass(s);
  });
}

}  // namespace

struct streamed_audit::state final : compact_findings {
  audit_window window;
  std::vector<block_plan> blocks;  // files in order, blocks in file order
  std::vector<cell, large_allocator<cell>> cells;  // every body's run, one after another
  // The findings of judging, in the order found, in blocks so that growing copies nothing. One
  // list for all: a list a statement cell would cost a cache miss a finding.
  struct judged_finding {
    std::uint32_t cell = 0;
    compact_finding found;
  };
  static constexpr std::size_t judged_block = std::size_t{1} << 16;
  std::vector<std::vector<judged_finding, large_allocator<judged_finding>>> judged;
  std::map<std::uint32_t, std::string> failures;  // by cell: why the statement could not be judged
  std::vector<body_names> bodies;
  std::unordered_map<std::string, std::uint32_t> body_by_folded_name;
  std::vector<std::uint32_t> body_by_id;  // by interned name; UINT32_MAX: not seen yet
  row_bodies rows;
  row_body_guesses guesses;
  std::size_t events_after_window = 0;  // counted by the reader
  std::atomic<bool> out_of_order = false;
  // The row that made the logs out of order, for why_incomplete: set by the judge, read once it is done.
  struct disorder {
    std::uint16_t source = 0;
    std::uint32_t line = 0;
    date day, before;  // the row's date, and its body's last date before it
    bool same_day = false;  // a second event of one kind and status on the body's day
    event_kind kind = event_kind::meeting;
    event_status status = event_status::held;
    std::string body;
  };
  std::optional<disorder> first_disorder;
  void note_disorder(const event& e, std::string_view body, date before, bool same_day) {
    out_of_order = true;
    if (!first_disorder) first_disorder = disorder{e.source, e.line, e.day, before, same_day, e.kind, e.status, std::string(body)};
  }
  string_pool names;  // bodies and councils as rows wrote them: the audit's own, apart from the reader's log

  // The reader, on a thread of its own, hands rows over a batch at a time, and they are judged
  // while it parses the next: the two halves of a row's cost run side by side.

  // What judging needs of an event (32 bytes: a batch is written on one core and read on the other).
  struct row {
    date day, published;
    std::uint32_t body_size = 0, council_size = 0;  // their names, one after another in `names`
    std::uint64_t hash = 0;  // of the pair, taken while the reader has the names at hand
    std::uint32_t line = 0;  // where the row is, should it be out of order
    std::uint16_t source = 0;
    event_kind kind = event_kind::meeting;
    event_status status = event_status::held;
    // Its words, after the names (only when a statement needs them: `keeps_words`).
    std::uint32_t title_size = 0, to_size = 0;
    std::uint16_t items = 0;
    time_of_day time = no_time;

    event as_event() const {
      event e;
      e.day = day;
      e.published = published;
      e.kind = kind;
      e.status = status;
      e.line = line;
      e.source = source;
      e.time = time;
      return e;
    }
  };
  static_assert(sizeof(row) == 48);
  struct batch {
    std::vector<row> rows;
    std::string names;
    std::vector<std::uint32_t> item_sizes;  // each row's items, one after another
    std::vector<item_outcome> item_outcomes;  // beside `item_sizes`
  };
  static constexpr std::size_t batch_rows = 16384;
  batch filling;                          // the reader's
  std::vector<batch> full, spare;         // under `mutex`
  std::mutex mutex;
  std::condition_variable changed;
  bool reading_done = false;              // under `mutex`
  std::exception_ptr failure;             // of judging
  void hand_over();
  void end_of_rows();    // hands over what is left and says there is no more
  void judge_batches();  // until there is no more
  struct waiting {
    written_pair pair;
    std::optional<guessed_pair> guess;  // looked up before the batch was judged
    std::string_view title, to;
    std::uint32_t items_at = 0;         // its first item in `item_sizes`
    std::size_t item_offset = 0;        // and in `names`
  };
  // The words of the row being judged, for the judges that read them (`keeps_words`): kept
  // here, as the reader's log is the reader's. Each row's items replace the last's.
  bool keeps_words = false;
  event_log texts;
  void take_words(event& e, const batch& b, const row& r, const waiting& w);
  std::vector<waiting> pending;  // of the batch being judged
  void judge_batch(const batch& b);
  void judge_row(const event& e, const waiting& w);

  std::uint32_t run_of(string_pool::id name);
  std::uint32_t add_run(std::uint32_t body, const std::string& folded_name);
  void judge(const block_plan& plan, std::uint32_t block_cell, const event& e);
  void close(const block_plan& plan, std::uint32_t block_cell);
  // The findings limit (core/limits.hpp): past it, findings are counted and no longer kept, and
  // finish() refuses the audit. Reading goes on meanwhile: a row out of date order still hands
  // the logs to the batch audit, whose findings may be fewer, and which counts them afresh.
  std::uint64_t found = 0;
  const std::uint64_t most_found = limit_value(limit::findings);
  bool over_limit() const { return found > most_found; }
  // The families never word a finding here (its writer does, when it is reported).
  // A finding worded as it was found (the per-meeting families' words say what the meeting
  // had, which its dates do not) is kept whole.
  std::map<std::uint32_t, std::vector<finding>> worded;
  // Precedence remembers more days than a cell holds: its state lives here, at the cell's index.
  std::vector<precedence_judge::state> precedence_states;
  template <typename Judge>
  typename Judge::state load(const cell& c, const Judge& judge) const;
  template <typename Judge>
  void store(cell& c, const typename Judge::state& s, const Judge& judge);
  void add(std::uint32_t statement_cell, const finding& f) override {
    if (++found > most_found) return;
    if (!f.message.empty()) {
      worded[statement_cell].push_back(f);
      return;
    }
    if (judged.empty() || judged.back().size() == judged_block) judged.emplace_back().reserve(judged_block);
    judged.back().push_back({statement_cell, compact_finding(f)});
  }
  std::vector<std::vector<compact_finding>> findings_by_cell();
};

bool streamed_audit::can_audit(const std::vector<ast::rule_file>& files) {
  return std::all_of(files.begin(), files.end(), [](const ast::rule_file& f) {
    return std::all_of(f.bodies.begin(), f.bodies.end(), [&](const ast::body& b) { return streamable(f, b); });
  });
}

streamed_audit::streamed_audit(const std::vector<ast::rule_file>& files, audit_window window)
    : state_(std::make_unique<state>()) {
  state_->window = window;
  std::size_t count = 0;
  for (const ast::rule_file& file : files) count += file.bodies.size();
  state_->blocks.reserve(count);
  for (const ast::rule_file& file : files)
    for (const ast::body& block : file.bodies) {
      const ast::resolved_settings settings = ast::resolve(file, block);
      block_plan& plan = state_->blocks.emplace_back(block_plan{
          &file, &block, settings, settings.council ? std::optional(fold(*settings.council)) : std::nullopt,
          block.every_body ? std::string{} : fold(block.name),
          body_context{state_->texts, {}, window, calendar::of(settings.calendar), settings.year_start_month, nullptr},
          {}});
      // The words' writers may outlive the audit, and with it the row's words: they read none.
      const body_context words_context{no_log(), {}, window, calendar::of(settings.calendar), settings.year_start_month,
                                       nullptr};
      plan.statements.reserve(block.statements.size());
      for (const ast::statement& s : block.statements) {
        statement_plan& sp = plan.statements.emplace_back();
        sp.statement = &s;
        if (std::holds_alternative<ast::notice>(s.what))
          if (const auto days = days_between(window.from, window.to) + 1; days <= 40'000)
            sp.latest_by_day = std::make_unique<std::vector<date>>(static_cast<std::size_t>(days), no_date);
        sp.judging = std::make_unique<statement_judge>(plan.context, s);
        if (auto* notice = std::get_if<notice_judge>(&sp.judging->judge)) notice->share_latest_days(sp.latest_by_day.get());
        sp.writer = std::make_shared<statement_words>(words_context, s);
        state_->keeps_words = state_->keeps_words || needs_words(s);
      }
    }
}

streamed_audit::~streamed_audit() = default;

// A run for a body: its cell, then each block that applies to it (body * or its own name) with
// a cell per statement. A named block whose body never appears gets a run of its own at the end.
std::uint32_t streamed_audit::state::add_run(std::uint32_t body, const std::string& folded_name) {
  const auto run = static_cast<std::uint32_t>(cells.size());
  cells.push_back({no_date, body, 0, false, false});
  for (std::uint32_t k = 0; k < blocks.size(); ++k) {
    if (!blocks[k].folded_name.empty() && blocks[k].folded_name != folded_name) continue;
    ++cells[run].count;
    cells.push_back({no_date, k, 0, false, false});
    cells.resize(cells.size() + blocks[k].statements.size());
  }
  return run;
}

std::uint32_t streamed_audit::state::run_of(string_pool::id name) {
  if (body_by_id.size() <= name) body_by_id.resize(std::max<std::size_t>(names.size(), name + 1), UINT32_MAX);
  std::uint32_t& index = body_by_id[name];
  if (index == UINT32_MAX) {
    // A new spelling: of a body seen before (names are matched folded), or of a new one.
    const std::string_view folded = names.folded(name);
    auto [it, fresh] = body_by_folded_name.emplace(std::string(folded), static_cast<std::uint32_t>(bodies.size()));
    if (fresh) {
      const auto body = static_cast<std::uint32_t>(bodies.size());
      bodies.push_back({std::string(folded), name, add_run(body, it->first)});
    }
    index = it->second;
    // Of several spellings, show the first in byte order, so row order never changes the report.
    body_names& b = bodies[index];
    if (names.text(name) < names.text(b.display_name)) b.display_name = name;
  }
  return bodies[index].run;
}

void streamed_audit::take(const event& read, std::string_view body_name, std::string_view council, std::string_view ref,
                          const row_words& words, event_log& log) {
  state& s = *state_;
  if (!log.councils.admits(council)) {
    log.left_out.add(read.source, council, read.line);
    return;
  }
  // A confirmed event after today has not happened: read as scheduled (copied only then, as the
  // rows that stream through here are millions).
  std::optional<event> scheduled;
  const event* taken = &read;
  if (log.today && read.status == event_status::confirmed && read.day > *log.today) {
    scheduled = read;
    scheduled->status = event_status::scheduled;
    log.files[read.source].notes.push_back({read.line, after_today_words(read.kind, body_name, read.day, *log.today)});
    taken = &*scheduled;
  }
  const event& e = *taken;
  const date to = s.window.to;
  if (e.day > to) ++s.events_after_window;
  if (e.status == event_status::confirmed && e.day <= to) {
    log.files[e.source].notes.push_back({e.line, confirmed_note(e.kind, body_name, e.day, ref)});
  }
  if (s.out_of_order.load(std::memory_order_relaxed)) return;
  s.filling.rows.push_back({e.day, e.published, static_cast<std::uint32_t>(body_name.size()),
                            static_cast<std::uint32_t>(council.size()), written_pair::of(body_name, council), e.line,
                            e.source, e.kind, e.status, 0, 0, 0, e.time});
  s.filling.names += body_name;
  s.filling.names += council;
  if (s.keeps_words) {
    state::row& r = s.filling.rows.back();
    r.title_size = static_cast<std::uint32_t>(words.title.size());
    r.to_size = static_cast<std::uint32_t>(words.to.size());
    s.filling.names += words.title;
    s.filling.names += words.to;
    for (const written_item& item : words.items) {
      ++r.items;
      s.filling.item_sizes.push_back(static_cast<std::uint32_t>(item.title.size()));
      s.filling.item_outcomes.push_back(item.outcome);
      s.filling.names += item.title;
    }
  }
  if (s.filling.rows.size() == state::batch_rows) s.hand_over();
}

bool streamed_audit::wants_words() const { return state_->keeps_words; }

bool streamed_audit::stopped() const { return state_->out_of_order.load(std::memory_order_relaxed); }

void streamed_audit::state::hand_over() {
  std::unique_lock lock(mutex);
  // Batches may wait, so that neither side waits on the other's pauses: at the start of a
  // national log the judge meets a new body every row or so (creating it is slow), and the reader
  // reads on meanwhile. Bounded: 16 batches are some 25 MB, freed when reading ends. Large
  // batches: a hand-over wakes a thread.
  changed.wait(lock, [&] { return full.size() < 16; });
  full.push_back(std::move(filling));
  if (spare.empty()) {
    filling = batch{};
  } else {
    filling = std::move(spare.back());
    spare.pop_back();
  }
  filling.rows.clear();
  filling.names.clear();
  filling.item_sizes.clear();
  filling.item_outcomes.clear();
  changed.notify_all();
}

void streamed_audit::state::end_of_rows() {
  if (!filling.rows.empty()) hand_over();
  std::lock_guard lock(mutex);
  reading_done = true;
  changed.notify_all();
}

void streamed_audit::state::judge_batches() {
  for (;;) {
    batch b;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return !full.empty() || reading_done; });
      if (full.empty()) return;
      b = std::move(full.front());
      full.erase(full.begin());
      changed.notify_all();
    }
    if (!failure) {
      try {
        judge_batch(b);
      } catch (...) {  // kept until the reader is done: it may be waiting to hand over a batch
        failure = std::current_exception();
        out_of_order = true;  // and it hands over no more
      }
    }
    std::lock_guard lock(mutex);
    spare.push_back(std::move(b));
  }
}

// Each row's pair is guessed for the whole batch before any row is judged, and the guess's names
// and its body's run are fetched a few rows before the row is judged: at 50,000 bodies each is a
// cache miss. Lookups with nothing between them wait for their misses side by side.
void streamed_audit::state::judge_batch(const batch& b) {
  const std::size_t n = b.rows.size();
  pending.resize(n);
  std::size_t offset = 0;
  std::uint32_t items_at = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const row& r = b.rows[i];
    waiting& w = pending[i];
    const std::string_view names(b.names);
    w.pair = {names.substr(offset, r.body_size), names.substr(offset + r.body_size, r.council_size), r.hash};
    offset += r.body_size + r.council_size;
    w.title = names.substr(offset, r.title_size);
    w.to = names.substr(offset + r.title_size, r.to_size);
    offset += r.title_size + r.to_size;
    w.items_at = items_at;
    w.item_offset = offset;
    for (std::uint32_t k = 0; k < r.items; ++k) offset += b.item_sizes[items_at++];
    const auto it = guesses.find(r.hash);
    w.guess = it == guesses.end() ? std::nullopt : std::optional(it->second);
  }
  constexpr std::size_t ahead = 16;
  for (std::size_t i = 0; i < n; ++i) {
    if (i + ahead < n && pending[i + ahead].guess) {
      const guessed_pair& g = *pending[i + ahead].guess;
      __builtin_prefetch(g.body.data());
      __builtin_prefetch(g.council.data());
      const char* run = reinterpret_cast<const char*>(&cells[g.value.body]);
      for (std::size_t line = 0; line < 3; ++line) __builtin_prefetch(run + 64 * line);
    }
    event e = b.rows[i].as_event();
    if (keeps_words) take_words(e, b, b.rows[i], pending[i]);
    judge_row(e, pending[i]);
  }
}

void streamed_audit::state::take_words(event& e, const batch& b, const row& r, const waiting& w) {
  e.title = texts.strings.intern(w.title);
  e.to = texts.strings.intern(w.to);
  texts.cut_items(0);
  std::size_t offset = w.item_offset;
  for (std::uint32_t k = 0; k < r.items; ++k) {
    const std::uint32_t size = b.item_sizes[w.items_at + k];
    texts.record_outcome(k, b.item_outcomes[w.items_at + k]);
    texts.items.push_back(texts.strings.intern(std::string_view(b.names).substr(offset, size)));
    offset += size;
  }
  e.items_first = 0;
  e.items_count = r.items;
}

void streamed_audit::state::judge_row(const event& e, const waiting& w) {
  if (out_of_order) return;
  std::optional<row_body> found;
  if (w.guess && w.guess->body == w.pair.body && w.guess->council == w.pair.council) {
    found = w.guess->value;
  } else if (const auto it = rows.find(w.pair); it != rows.end()) {
    found = it->second;
  }
  row_body row;
  if (found) {
    row = *found;
  } else {
    const string_pool::id body_name = names.intern(w.pair.body), council = names.intern(w.pair.council);
    row = {run_of(body_name), council};
    const std::string_view body_text = names.text(body_name), council_text = names.text(council);
    rows.emplace(written_pair{body_text, council_text, w.pair.hash}, row);
    guesses.try_emplace(w.pair.hash, guessed_pair{body_text, council_text, row});  // the first of its hash
  }
  cell& body = cells[row.body];
  if (e.day < body.day) {
    note_disorder(e, w.pair.body, body.day, false);
    return;
  }
  // Two events of one kind and status for a body on one day may repeat one row, which the batch
  // audit counts once (count_repeated_rows_once), comparing titles this audit does not keep: it
  // hands such a log back to be read whole. Rare: a body seldom meets twice in a day.
  const auto kind_bit = static_cast<std::uint16_t>(
      1u << (static_cast<unsigned>(e.kind) * 5 + static_cast<unsigned>(e.status)));
  if (e.day == body.day && (body.kinds_on_day & kind_bit)) {
    note_disorder(e, w.pair.body, body.day, true);
    return;
  }
  body.kinds_on_day = e.day == body.day ? static_cast<std::uint16_t>(body.kinds_on_day | kind_bit) : kind_bit;
  body.day = e.day;
  std::uint32_t at = row.body + 1;
  for (std::uint32_t b = 0; b < body.count; ++b) {
    cell& block = cells[at];
    const block_plan& plan = blocks[block.index];
    // Rows that name no council belong to every file; rows that name one, only to that council's files.
    const bool admitted =
        !plan.folded_council || row.council == 0 || names.folded(row.council) == *plan.folded_council;
    if (admitted) {
      // The block's first and last admitted events (audited_body::first_event, last_event): the
      // log is in date order for each body, so the first is the one that finds the flag unset.
      if (!block.flag) block.count = static_cast<std::uint32_t>(e.day.days);
      block.day = e.day;
      block.flag = true;
      if (e.day <= window.to) judge(plan, at, e);
    }
    at += 1 + static_cast<std::uint32_t>(plan.statements.size());
  }
}

// A statement cell holds its judge's state: what the judge needs is loaded from it and stored
// back (a cell's fields, by what the cell is for: see `cell`; precedence's, at the cell's index).
template <typename Judge>
typename Judge::state streamed_audit::state::load(const cell& c, const Judge&) const {
  // A date in `index` as days after no_date, so that a fresh cell's 0 is none.
  const auto index_day = [](std::uint32_t index) { return date{static_cast<std::int32_t>(index + static_cast<std::uint32_t>(no_date.days))}; };
  if constexpr (std::is_same_v<Judge, gap_judge>) return {c.day, c.flag, false, index_day(c.index)};
  else if constexpr (std::is_same_v<Judge, period_judge>) return {c.index, c.count, c.flag, c.kinds_on_day};
  else if constexpr (std::is_same_v<Judge, deadline_judge>) return {c.day, c.flag, index_day(c.index), c.count != 0};
  else if constexpr (std::is_same_v<Judge, precedence_judge>) return c.index ? precedence_states[c.index - 1] : typename Judge::state{};
  else if constexpr (std::is_same_v<Judge, notice_judge> || std::is_same_v<Judge, item_judge> ||
                     std::is_same_v<Judge, title_judge>)
    return {c.flag};
  else if constexpr (std::is_same_v<Judge, first_meeting_judge>)
    return {date{static_cast<std::int32_t>(c.index + static_cast<std::uint32_t>(no_date.days))}, c.day,
            static_cast<agenda_holds>(c.count), c.flag};
  else static_assert(ast::form_left_out<Judge>, "a streamed judge whose state has no place in a cell");
}

template <typename Judge>
void streamed_audit::state::store(cell& c, const typename Judge::state& s, const Judge&) {
  c.flag = s.fell_due;
  const auto day_index = [](date d) { return static_cast<std::uint32_t>(d.days) - static_cast<std::uint32_t>(no_date.days); };
  if constexpr (std::is_same_v<Judge, gap_judge>) c.day = s.last, c.index = day_index(s.unsure);
  else if constexpr (std::is_same_v<Judge, period_judge>) c.index = s.index, c.count = s.count, c.kinds_on_day = s.unsure;
  else if constexpr (std::is_same_v<Judge, deadline_judge>)
    c.day = s.first, c.index = day_index(s.unsure), c.count = s.unsure_items;
  else if constexpr (std::is_same_v<Judge, first_meeting_judge>)
    // The year as days after no_date, so that a fresh cell's 0 is no year yet.
    c.index = static_cast<std::uint32_t>(s.year.days) - static_cast<std::uint32_t>(no_date.days), c.day = s.first_day,
    c.count = static_cast<std::uint32_t>(s.seen_so_far);
  else if constexpr (std::is_same_v<Judge, precedence_judge>) {
    if (!c.index) {
      precedence_states.emplace_back();
      c.index = static_cast<std::uint32_t>(precedence_states.size());
    }
    precedence_states[c.index - 1] = s;
  }
}

void streamed_audit::state::judge(const block_plan& plan, std::uint32_t block_cell, const event& e) {
  for (std::size_t k = 0; k < plan.statements.size(); ++k) {
    const statement_judge& judging = *plan.statements[k].judging;
    const auto at = static_cast<std::uint32_t>(block_cell + 1 + k);
    cell& r = cells[at];
    if (r.failed) continue;
    compact_sink sink{*this, at};
    try {
      std::visit(
          [&](const auto& judge) {
            auto st = load(r, judge);
            judge.observe(st, e, sink);
            store(r, st, judge);
          },
          judging.judge);
    } catch (const calendar_year_missing& failure) {
      r.failed = true;
      failures[at] = failure.what();
    }
  }
}

// What is still open at the end of the window: the last link of each gap rule, the periods no
// event closed.
void streamed_audit::state::close(const block_plan& plan, std::uint32_t block_cell) {
  for (std::size_t k = 0; k < plan.statements.size(); ++k) {
    const auto at = static_cast<std::uint32_t>(block_cell + 1 + k);
    cell& r = cells[at];
    if (r.failed) continue;
    compact_sink sink{*this, at};
    std::visit(
        [&](const auto& judge) {
          auto st = load(r, judge);
          judge.close(st, sink);
          store(r, st, judge);
        },
        plan.statements[k].judging->judge);
  }
}

// Each cell's findings in a list of its own, in the order found, each list allocated once.
std::vector<std::vector<compact_finding>> streamed_audit::state::findings_by_cell() {
  std::vector<std::uint32_t> count(cells.size(), 0);
  for (const auto& block : judged)
    for (const judged_finding& j : block) ++count[j.cell];
  std::vector<std::vector<compact_finding>> by_cell(cells.size());
  for (std::size_t c = 0; c < cells.size(); ++c)
    if (count[c]) by_cell[c].reserve(count[c]);
  for (auto& block : judged) {
    for (const judged_finding& j : block) by_cell[j.cell].push_back(j.found);
    decltype(judged)::value_type().swap(block);
  }
  judged.clear();
  return by_cell;
}

void streamed_audit::read_and_judge(const std::function<void()>& read) {
  std::exception_ptr read_failure;
  std::thread reader([&] {
    try {
      read();
    } catch (...) {
      read_failure = std::current_exception();
    }
    state_->end_of_rows();
  });
  state_->judge_batches();
  reader.join();
  // Their memory goes before the report's is taken.
  state_->filling = state::batch{};
  std::vector<state::batch>().swap(state_->spare);
  std::vector<state::batch>().swap(state_->full);
  if (read_failure) std::rethrow_exception(read_failure);
  if (state_->failure) std::rethrow_exception(state_->failure);
}

bool streamed_audit::complete(const event_log& log) const {
  return !state_->out_of_order && log.events.empty() && log.attendance_rows.empty();
}

void streamed_audit::why_not_judged(const std::vector<ast::rule_file>& files, diagnostics& diags) {
  constexpr std::string_view batch = "use --engine batch (or auto, which chooses it)";
  for (const ast::rule_file& file : files)
    for (const ast::body& block : file.bodies) {
      if (renamed(file, block) && !version_of(file, block)) {
        diags.error(block.where,
                    fmt::format("--engine stream does not judge a body known by other names ('also'), whose rows it "
                                "would judge as separate bodies: {}",
                                batch),
                    line_of(file, block.where.line));
        continue;
      }
      if (version_of(file, block)) {
        diags.error(block.where,
                    fmt::format("--engine stream does not judge a body block that is a version of the body's rules: {}",
                                batch),
                    line_of(file, block.where.line));
        continue;
      }
      for (const ast::statement& s : block.statements)
        if (!judged_in_one_pass(s))
          diags.error(s.where,
                      fmt::format("clause {}: --engine stream does not judge this statement (it does not read the "
                                  "attendance and membership records a people statement is judged on): {}",
                                  s.label, batch),
                      line_of(file, s.where.line));
    }
}

void streamed_audit::why_incomplete(const event_log& log, diagnostics& diags) const {
  constexpr std::string_view batch = "use --engine batch (or auto)";
  if (const auto& d = state_->first_disorder) {
    const std::string& path = log.files[d->source].path;
    if (d->same_day)
      diags.error({path, d->line, 0},
                  fmt::format("--engine stream cannot tell whether this row repeats another: \"{}\" has two {} {} "
                              "events on {}, and this engine keeps no titles to compare: {}",
                              d->body, name(d->status), name(d->kind), d->day, batch));
    else
      diags.error({path, d->line, 0},
                  fmt::format("--engine stream needs each body's rows in date order: this row of \"{}\" is dated {}, "
                              "after one dated {}; sort the log by date, or {}",
                              d->body, d->day, d->before, batch));
    return;
  }
  if (!log.events.empty())
    diags.error({log.files[log.events.front().source].path, 0, 0},
                fmt::format("--engine stream reads only CSV and JSON Lines logs of events as they come, and this is "
                            "{}: {}",
                            log.files[log.events.front().source].format.starts_with("moderngov") ? "a ModernGov response"
                                                                                       : "not one",
                            batch));
  if (!log.attendance_rows.empty())
    diags.error({log.files[log.attendance_rows.front().source].path, 0, 0},
                fmt::format("--engine stream does not join attendance to meetings: {}", batch));
}

audit_report streamed_audit::finish(event_log& log, diagnostics& diags) {
  state& s = *state_;
  row_body_guesses().swap(s.guesses);
  row_bodies().swap(s.rows);  // what finding a row's body took is no longer needed: the report is
  std::vector<std::uint32_t>().swap(s.body_by_id);
  note_confirmed_events(log, s.window.to);  // orders the notes taken above by line
  // Bodies in order of their folded names, as body * lists them.
  std::vector<std::uint32_t> order(s.bodies.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return s.bodies[a].folded_name < s.bodies[b].folded_name; });

  // What the report lists, in its order: each block with each body it audited.
  struct audited_block {
    std::uint32_t block = 0, cell = 0;
    std::string name;
    std::string no_record = {};  // why, for a body the logs hold no record of
  };
  std::vector<audited_block> listed;
  audit_report report{s.window, {}, {}, log.files, s.events_after_window, {}, {}};
  std::vector<bool> audited(s.bodies.size(), false);
  // The cell of block k in a body's run.
  const auto block_in = [&](std::uint32_t run, std::uint32_t k) {
    std::uint32_t at = run + 1;
    while (s.cells[at].index != k) at += 1 + static_cast<std::uint32_t>(s.blocks[s.cells[at].index].statements.size());
    return at;
  };
  // For a "did you mean", listed once a named body turns out to have no record.
  std::vector<std::string> names_in_logs;
  const auto bodies_in_logs = [&]() -> const std::vector<std::string>& {
    if (names_in_logs.empty())
      for (std::uint32_t i : order) names_in_logs.emplace_back(s.names.text(s.bodies[i].display_name));
    return names_in_logs;
  };
  for (std::uint32_t k = 0; k < s.blocks.size(); ++k) {
    const block_plan& plan = s.blocks[k];
    if (plan.folded_name.empty()) {
      for (std::uint32_t i : order) {
        const std::uint32_t at = block_in(s.bodies[i].run, k);
        if (!s.cells[at].flag) continue;
        audited[i] = true;
        listed.push_back({k, at, std::string(s.names.text(s.bodies[i].display_name))});
      }
      continue;
    }
    const std::string& name = plan.block->name;
    const auto it = s.body_by_folded_name.find(plan.folded_name);
    if (it != s.body_by_folded_name.end()) {
      audited[it->second] = true;
      // Rows of the body that only other councils' rows record are no record of it for this block.
      const std::uint32_t at = block_in(s.bodies[it->second].run, k);
      const bool recorded = s.cells[at].flag;
      if (!recorded && std::find(report.bodies_without_events.begin(), report.bodies_without_events.end(), name) ==
                           report.bodies_without_events.end())
        report.bodies_without_events.push_back(name);
      listed.push_back({k, at, name, recorded ? std::string{} : no_record_words(name, bodies_in_logs())});
      continue;
    }
    if (std::find(report.bodies_without_events.begin(), report.bodies_without_events.end(), name) ==
        report.bodies_without_events.end())
      report.bodies_without_events.push_back(name);
    // A run of this block alone, with nothing seen.
    const auto run = static_cast<std::uint32_t>(s.cells.size());
    s.cells.push_back({no_date, UINT32_MAX, 1, false, false});
    s.cells.push_back({no_date, k, 0, false, false});
    s.cells.resize(s.cells.size() + plan.statements.size());
    listed.push_back({k, run + 1, name, no_record_words(name, bodies_in_logs())});
  }
  for (std::uint32_t i : order)
    if (!audited[i]) report.unaudited_bodies.emplace_back(s.names.text(s.bodies[i].display_name));
  // The names are in `listed` now: what found bodies by name goes before the report is built,
  // which is when memory peaks.
  std::vector<body_names>().swap(s.bodies);
  std::unordered_map<std::string, std::uint32_t>().swap(s.body_by_folded_name);
  s.names = string_pool{};

  for (const audited_block& b : listed) {
    if (s.over_limit()) break;
    s.close(s.blocks[b.block], b.cell);
  }
  if (s.over_limit()) {  // refused whole: never a partial report
    diags.error({"remit", 0, 0}, findings_limit_words());
    return {s.window, {}, {}, log.files, s.events_after_window, {}, {}};
  }
  std::vector<std::vector<compact_finding>> findings = s.findings_by_cell();
  // Where each listed block's rules go: a statement that could not be judged has none, and its
  // diagnostic is said here, in report order.
  std::vector<std::size_t> first_result(listed.size() + 1, 0);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const audited_block& b = listed[i];
    const block_plan& plan = s.blocks[b.block];
    first_result[i + 1] = first_result[i];
    for (std::size_t k = 0; k < plan.statements.size(); ++k) {
      const ast::statement& statement = *plan.statements[k].statement;
      const auto at = static_cast<std::uint32_t>(b.cell + 1 + k);
      if (!s.cells[at].failed) {
        ++first_result[i + 1];
        continue;
      }
      diags.error(statement.where, fmt::format("clause {} for body \"{}\": {}", statement.label, b.name, s.failures[at]),
                  line_of(*plan.file, statement.where.line));
    }
  }
  // A quarter of a million rule results at a national scale, each in its place, built a share of
  // the bodies on every core: the report is the same for any number of cores.
  report.results.resize(first_result.back());
  report.bodies.resize(listed.size());
  const std::size_t shares = core_count();
  run_shares(shares, [&](std::size_t share) {
    const std::size_t begin = listed.size() * share / shares, end = listed.size() * (share + 1) / shares;
    for (std::size_t i = begin; i < end; ++i) {
      const audited_block& b = listed[i];
      const block_plan& plan = s.blocks[b.block];
      audited_body& body = report.bodies[i];
      body = audited_body{plan.file->path, plan.settings.council, b.name, plan.settings, first_result[i],
                          first_result[i + 1] - first_result[i], {}, body_waivers(*plan.file, *plan.block),
                          std::nullopt};
      body.not_checked = clauses_not_checked(*plan.block);
      if (const cell& seen = s.cells[b.cell]; seen.flag) {
        body.first_event = date{static_cast<std::int32_t>(seen.count)};
        body.last_event = seen.day;
      }
      std::size_t next = first_result[i];
      for (std::size_t k = 0; k < plan.statements.size(); ++k) {
        const ast::statement& statement = *plan.statements[k].statement;
        const auto at = static_cast<std::uint32_t>(b.cell + 1 + k);
        if (s.cells[at].failed) continue;
        const std::shared_ptr<const finding_writer>& writer = plan.statements[k].writer;
        std::vector<compact_finding> compact = std::move(findings[at]);
        rule_result& result = report.results[next++];
        result = rule_result{plan.file->path, plan.settings.council, b.name, &statement, rule_status::pass, {},
                             std::nullopt};
        // Held compact in the report, unless a waiver adds words to a finding, or its words were
        // written as it was found.
        family_result found{{}, s.cells[at].flag, std::move(compact)};
        if (const auto worded = s.worded.find(at); worded != s.worded.end()) found.findings = std::move(worded->second);
        settle_family(*plan.file, *plan.block, statement, found, writer, result);
        if (!b.no_record.empty()) judge_without_record(result, false, b.no_record, s.window.to);
      }
      progress().bodies_judged.fetch_add(1, std::memory_order_relaxed);
    }
  });
  return report;
}

}  // namespace remit
