// Runs the cases of a folder: each case is audited exactly as `remit check` audits, and the
// status of each statement it lists is compared with the one it expects.
//
//   CASE/rules.remit   the rule file, or
//   CASE/rules         one line: the path of a rule file, relative to CASE (to test a shared file)
//   CASE/*.csv ...     the meeting logs (every .csv, .jsonl and .xml file), merged
//   CASE/window        "from YYYY-MM-DD" and "to YYYY-MM-DD"
//   CASE/expected      the status of each statement checked (rule_tests/expectations.cpp)
#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "core/files.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "evaluate/evaluator.hpp"
#include "inputs/reader.hpp"
#include "language/checker.hpp"
#include "language/parser.hpp"
#include "rule_tests/rule_tests.hpp"

namespace remit::rule_tests {

namespace fs = std::filesystem;

std::size_t run_result::count(outcome o) const {
  return static_cast<std::size_t>(std::count_if(cases.begin(), cases.end(), [&](const case_result& c) { return c.result == o; }));
}

bool run_result::fully_covered() const {
  return std::all_of(coverage.begin(), coverage.end(), [](const statement_coverage& s) { return s.seen_met && s.seen_breached; });
}

namespace {

struct case_error {
  std::string why;
};

std::string read_or_fail(const fs::path& p, std::string_view what) {
  std::string why;
  const auto text = read_file(p.string(), why);
  if (!text) throw case_error{fmt::format("{} {}: {}", what, p.filename().string(), why)};
  return *text;
}

// How a path is shown: relative to where remit runs, as the user would type it.
std::string shown(const fs::path& p) {
  std::error_code ec;
  const fs::path rel = fs::relative(p, fs::current_path(ec), ec);
  return (ec || rel.empty() ? p : rel).generic_string();
}

audit_window window_of(const std::string& text) {
  std::optional<date> from;
  std::optional<date> to;
  std::istringstream in(text);
  std::string word;
  std::string value;
  while (in >> word >> value) {
    const auto d = parse_iso_date(value);
    if (!d) throw case_error{fmt::format("window: {}", explain_bad_iso_date(value))};
    if (word == "from") from = d;
    else if (word == "to") to = d;
    else throw case_error{fmt::format("window: expected 'from DATE' and 'to DATE', got '{}'", word)};
  }
  if (!from || !to) throw case_error{"window: expected 'from YYYY-MM-DD' and 'to YYYY-MM-DD' on two lines"};
  if (*to < *from) throw case_error{fmt::format("window: it ends on {} before it starts on {}", *to, *from)};
  return {*from, *to};
}

// Where a statement stands in its file: block and position, and its place among the statements
// of its block that share its label.
struct place {
  std::size_t block = 0;
  std::size_t index = 0;
  int nth = 1;
  int of = 1;
};

place place_of(const ast::rule_file& file, const ast::statement* s) {
  for (std::size_t b = 0; b < file.bodies.size(); ++b) {
    const auto& st = file.bodies[b].statements;
    for (std::size_t i = 0; i < st.size(); ++i) {
      if (&st[i] != s) continue;
      place p{b, i, 0, 0};
      for (std::size_t j = 0; j < st.size(); ++j)
        if (st[j].label == s->label) {
          ++p.of;
          if (j <= i) ++p.nth;
        }
      return p;
    }
  }
  throw std::logic_error("a result whose statement is not in its rule file");
}

std::string label_of(const std::string& label, int nth, int of) {
  return of > 1 ? fmt::format("{}#{}", label, nth) : label;
}

class runner {
 public:
  run_result run(const std::string& dir) {
    const fs::path root(dir);
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      result_.cases.push_back({dir, outcome::error, {}, "no such folder", 0});
      return std::move(result_);
    }
    std::vector<fs::path> cases;
    if (looks_like_case(root)) cases.push_back(root);
    for (const auto& e : fs::recursive_directory_iterator(root, ec))
      if (e.is_directory() && looks_like_case(e.path())) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    for (const fs::path& c : cases) run_case(root, c);
    for (auto& [key, statements] : coverage_)
      for (auto& s : statements) result_.coverage.push_back(std::move(s));
    return std::move(result_);
  }

 private:
  void run_case(const fs::path& root, const fs::path& dir) {
    case_result out;
    out.name = dir == root ? dir.filename().generic_string() : fs::relative(dir, root).generic_string();
    try {
      check_case(dir, out);
      out.result = out.failures.empty() ? outcome::passed : outcome::failed;
    } catch (const case_error& e) {
      out.result = outcome::error;
      out.error = e.why;
    }
    result_.cases.push_back(std::move(out));
  }

  // A folder with an `expected` file is a case; so is one with a case's other files, which then
  // cannot run: a case whose statuses sit in `expected.txt` must fail, not vanish from the count.
  static bool looks_like_case(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / "expected", ec) || fs::exists(dir / "window", ec) ||
        fs::is_regular_file(dir / "rules", ec))
      return true;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().filename().string().starts_with("expected")) return true;
    return false;
  }

  static void require_expected(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / "expected", ec)) return;
    std::vector<std::string> near;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (const std::string name = e.path().filename().string(); fold(name).starts_with("expected")) near.push_back(name);
    std::sort(near.begin(), near.end());
    if (!near.empty())
      throw case_error{fmt::format("no file named 'expected' (found '{}': the statuses go in a file named exactly 'expected')",
                                   near.front())};
    throw case_error{"no file named 'expected': list the status each statement must have in it"};
  }

  void check_case(const fs::path& dir, case_result& out) {
    require_expected(dir);
    std::string problem;
    const auto expected = read_expectations(read_or_fail(dir / "expected", "cannot read"), problem);
    if (!expected) throw case_error{problem};

    fs::path rules = dir / "rules.remit";
    if (!fs::exists(rules)) {
      if (!fs::exists(dir / "rules")) throw case_error{"no rule file: put it in rules.remit, or its path in a file named rules"};
      const std::string reference(trim(read_or_fail(dir / "rules", "cannot read")));
      rules = dir / reference;
    }
    rules = fs::weakly_canonical(rules);
    diagnostics diags;
    auto file = load_rule_file(shown(rules), diags);
    if (file) check_rule_file(*file, diags);
    std::vector<std::string> logs;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && (e.path().extension() == ".csv" || e.path().extension() == ".jsonl" ||
                                  e.path().extension() == ".xml"))
        logs.push_back(e.path().string());
    std::sort(logs.begin(), logs.end());
    if (logs.empty()) throw case_error{"no meeting log: put one or more .csv (or .jsonl, .xml) files in the case"};
    event_log log;
    if (file) log.councils = councils_of(std::vector<ast::rule_file>{*file});
    read_log_files(logs, log, diags);
    if (!diags.empty()) {
      std::ostringstream text;
      diags.render(text);
      throw case_error{text.str()};
    }
    for (const auto& f : log.files)
      if (!f.rejected.empty())
        throw case_error{fmt::format("{}:{}: {} (a test log must be read whole)", shown(f.path), f.rejected[0].line,
                                     f.rejected[0].reason)};
    const audit_window window = window_of(read_or_fail(dir / "window", "cannot read"));

    std::vector<ast::rule_file> files;
    files.push_back(std::move(*file));
    const audit_report report = run_audit(files, log, window, diags);
    if (!diags.empty()) {
      std::ostringstream text;
      diags.render(text);
      throw case_error{text.str()};
    }
    auto& coverage = coverage_for(files.front());
    for (const expectation& e : *expected) check_one(files.front(), report, e, coverage, out);
  }

  std::vector<statement_coverage>& coverage_for(const ast::rule_file& file) {
    auto [it, fresh] = coverage_.try_emplace(file.path);
    if (fresh)
      for (const ast::body& b : file.bodies)
        for (const ast::statement& s : b.statements) {
          const place p = place_of(file, &s);
          it->second.push_back({file.path, b.every_body ? "*" : b.name, s.label, p.of > 1 ? p.nth : 0, s.text, s.where.line,
                                false, false, false});
        }
    return it->second;
  }

  void check_one(const ast::rule_file& file, const audit_report& report, const expectation& e,
                 std::vector<statement_coverage>& coverage, case_result& out) {
    const rule_result* match = nullptr;
    place matched;
    std::size_t candidates = 0;
    for (const rule_result& r : report.results) {
      if (r.statement->label != e.label) continue;
      if (e.body && fold(*e.body) != fold(r.body)) continue;
      if (e.in_force_on && r.version &&
          ((r.version->from && *e.in_force_on < *r.version->from) || (r.version->until && *e.in_force_on > *r.version->until)))
        continue;
      const place p = place_of(file, r.statement);
      if (e.nth == 0 && p.of > 1)
        throw case_error{fmt::format("expected:{}: {} heads {} statements in body \"{}\": write {}#1 to {}#{}", e.line, e.label,
                                     p.of, r.body, e.label, e.label, p.of)};
      if (e.nth != 0 && p.nth != e.nth) continue;
      ++candidates;
      match = &r;
      matched = p;
    }
    const std::string what = e.nth ? fmt::format("{}#{}", e.label, e.nth) : e.label;
    if (candidates == 0)
      throw case_error{fmt::format("expected:{}: the rule file has no statement {}{} that the log's bodies meet", e.line, what,
                                   e.body ? fmt::format(" for body \"{}\"", *e.body) : std::string{})};
    if (candidates > 1)
      throw case_error{fmt::format("expected:{}: {} is checked for {} bodies: put a 'body \"NAME\"' line above it", e.line,
                                   what, candidates)};
    ++out.checked;
    std::size_t position = matched.index;  // in the file, counting the statements of the blocks before
    for (std::size_t b = 0; b < matched.block; ++b) position += file.bodies[b].statements.size();
    statement_coverage& seen = coverage[position];
    seen.exercised = true;
    if (match->status == e.status) {
      seen.seen_met = seen.seen_met || e.status == rule_status::pass;
      // An advisory statement that was not met is its "breached" case.
      seen.seen_breached = seen.seen_breached || e.status == rule_status::breach || e.status == rule_status::advisory;
      return;
    }
    std::string failure = fmt::format("{} (line {}, {}){}: expected {}, got {}", label_of(e.label, matched.nth, matched.of),
                                      match->statement->where.line, match->statement->text,
                                      e.body ? fmt::format(" for \"{}\"", match->body) : std::string{}, name(e.status),
                                      name(match->status));
    for (const finding& f : match->findings)
      failure += fmt::format("\n  - {}, due {}: {}", name(f.status), f.due, f.words());
    out.failures.push_back(std::move(failure));
  }

  run_result result_;
  std::map<std::string, std::vector<statement_coverage>> coverage_;  // by rule file, statements in file order
};

}  // namespace

run_result run_rule_tests(const std::string& dir) { return runner().run(dir); }

}  // namespace remit::rule_tests
