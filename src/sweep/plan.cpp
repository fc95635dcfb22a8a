#include "sweep/plan.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "core/date.hpp"
#include "core/files.hpp"
#include "core/text.hpp"

namespace remit::sweep {

namespace fs = std::filesystem;

namespace {

bool is_log_name(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.starts_with("expected")) return false;  // a corpus's golden reports, never a log
  const std::string ext = p.extension().string();
  return ext == ".csv" || ext == ".jsonl" || ext == ".xml";
}

// The line's first word and the rest, trimmed; a # at the start of a word starts a comment.
struct line_words {
  std::string_view keyword;
  std::string_view rest;
  std::size_t rest_column = 0;  // 0-based byte offset of rest in the line
};

line_words split_line(std::string_view line) {
  for (std::size_t hash = line.find('#'); hash != std::string_view::npos; hash = line.find('#', hash + 1))
    if (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t') {
      line = line.substr(0, hash);
      break;
    }
  line_words w;
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const std::size_t start = i;
  while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
  w.keyword = line.substr(start, i - start);
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  w.rest_column = i;
  w.rest = trim(line.substr(i));
  return w;
}

std::string_view without_line_end(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::string slug_problem(std::string_view slug) {
  const bool plain = !slug.empty() && std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!plain) return "a slug is made of letters, digits and '-' only, as in 'rutland'";
  if (fold(slug) == "index") return "its page would be index.html, the sweep's own index page";
  return {};
}

bool valid_slug(std::string_view slug) { return slug_problem(slug).empty(); }

std::string read_window_file(const std::string& path, std::string& from, std::string& to) {
  std::string why;
  const auto text = read_file(path, why);
  if (!text) return fmt::format("{}: {}", path, why);
  std::istringstream in(*text);
  std::string raw;
  std::uint32_t number = 0;
  while (std::getline(in, raw)) {
    ++number;
    const std::string_view line = without_line_end(raw);
    const line_words w = split_line(line);
    if (w.keyword.empty()) continue;
    std::string* slot = w.keyword == "from" ? &from : w.keyword == "to" ? &to : nullptr;
    if (!slot) return fmt::format("{}:{}: expected 'from YYYY-MM-DD' or 'to YYYY-MM-DD', got '{}'", path, number, line);
    if (!parse_iso_date(w.rest))
      return fmt::format("{}:{}: {}: {}", path, number, w.keyword, explain_bad_iso_date(w.rest));
    *slot = std::string(w.rest);
  }
  return {};
}

std::vector<council_plan> plan_folder(const std::string& dir, diagnostics& diags) {
  std::vector<council_plan> out;
  // "." / "rules" would show as "./rules" in every message.
  const fs::path root = fs::path(dir).lexically_normal() == "." ? fs::path() : fs::path(dir).lexically_normal();
  const fs::path rules_dir = root / "rules";
  std::error_code ec;
  if (!fs::is_directory(rules_dir, ec)) {
    diags.error({dir, 0, 0}, "no rules/ folder: a sweep folder holds rules/<slug>.remit and corpora/<slug>/");
    return out;
  }
  std::vector<fs::path> rule_files;
  for (const auto& entry : fs::directory_iterator(rules_dir, ec))
    if (entry.path().extension() == ".remit") rule_files.push_back(entry.path().lexically_normal());
  std::sort(rule_files.begin(), rule_files.end());
  if (rule_files.empty()) diags.error({rules_dir.string(), 0, 0}, "no rule file (*.remit) in the folder: nothing to sweep");

  // A slug names the council's page beside the index, so a rule file whose name cannot be one
  // stops the sweep before anything is written, as a manifest's mistake does.
  for (const fs::path& rules : rule_files)
    if (const std::string why = slug_problem(rules.stem().string()); !why.empty())
      diags.error({rules.string(), 0, 0}, fmt::format("'{}' cannot name a council: {}; rename the file", rules.stem().string(),
                                                      why));
  if (!diags.empty()) return out;

  for (const fs::path& rules : rule_files) {
    council_plan c;
    c.slug = rules.stem().string();
    c.rules.push_back(rules.string());
    const fs::path logs_dir = root / "corpora" / c.slug;
    if (!fs::is_directory(logs_dir, ec)) {
      c.problem = ec == std::errc::too_many_symbolic_link_levels
                      ? fmt::format("{}/ is a loop of symbolic links, not a folder of logs for {}", logs_dir.string(),
                                    rules.string())
                      : fmt::format("no folder {}/ of logs for {}", logs_dir.string(), rules.string());
      out.push_back(std::move(c));
      continue;
    }
    std::vector<fs::path> logs;
    for (const auto& entry : fs::directory_iterator(logs_dir, ec))
      if (is_log_name(entry.path()) && !entry.is_directory()) logs.push_back(entry.path().lexically_normal());
    std::sort(logs.begin(), logs.end());
    for (const fs::path& l : logs) c.logs.push_back(l.string());
    // "meetings (1).csv" beside "meetings.csv" is a second download of the log: one of them
    // would count every meeting twice, or an old copy would stand beside a new one.
    for (const fs::path& l : logs) {
      const std::string stem = l.stem().string();
      const auto open = stem.rfind(" (");
      if (open == std::string::npos || stem.back() != ')' ||
          stem.find_first_not_of("0123456789", open + 2) != stem.size() - 1 || open + 3 > stem.size() - 1)
        continue;
      const fs::path original = l.parent_path() / (stem.substr(0, open) + l.extension().string());
      if (std::find(logs.begin(), logs.end(), original) != logs.end() && c.problem.empty())
        c.problem = fmt::format("{} looks like a second copy of {}: keep one, or the sweep would read both", l.string(),
                                original.string());
    }
    if (c.logs.empty()) c.problem = fmt::format("{}/ holds no log (*.csv, *.jsonl or *.xml)", logs_dir.string());
    const fs::path window = logs_dir / "window";
    if (const std::string what = not_regular_file(window.string()); c.problem.empty() && !what.empty())
      c.problem = fmt::format("{} is {}, not a regular file: a sweep reads only regular files", window.string(), what);
    if (c.problem.empty() && fs::exists(window, ec)) c.problem = read_window_file(window.string(), c.from, c.to);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<council_plan> plan_manifest(const std::string& path, diagnostics& diags) {
  std::vector<council_plan> out;
  std::string why;
  const auto text = read_file(path, why);
  if (!text) {
    diags.error({path, 0, 0}, why);
    return out;
  }
  const fs::path base = fs::path(path).parent_path();
  const auto resolve = [&](std::string_view p) {
    const fs::path given{std::string(p)};
    return (given.is_absolute() || base.empty() ? given : base / given).lexically_normal().string();
  };
  std::istringstream in(*text);
  std::string raw;
  std::uint32_t number = 0;
  std::vector<std::uint32_t> council_lines;
  bool rejected = false;  // the last council line was refused: its lines are not mistakes of their own
  while (std::getline(in, raw)) {
    ++number;
    const std::string_view line = without_line_end(raw);
    const line_words w = split_line(line);
    if (w.keyword.empty()) continue;
    const auto error = [&](std::size_t column, std::string message) {
      diags.error({path, number, static_cast<std::uint32_t>(column + 1)}, std::move(message), std::string(line));
    };
    const std::size_t keyword_column = static_cast<std::size_t>(w.keyword.data() - line.data());
    if (w.keyword == "council") {
      if (const std::string why = slug_problem(w.rest); !why.empty()) {
        error(w.rest_column, w.rest.empty() ? "expected a council's slug (letters, digits and '-'), as in 'council rutland'"
                                            : fmt::format("'{}' cannot name a council: {}", w.rest, why));
        rejected = true;
        continue;
      }
      if (std::any_of(out.begin(), out.end(), [&](const council_plan& c) { return c.slug == w.rest; })) {
        error(w.rest_column, fmt::format("council '{}' is listed twice: each council needs its own slug", w.rest));
        rejected = true;
        continue;
      }
      rejected = false;
      out.push_back({std::string(w.rest), {}, {}, {}, {}, {}});
      council_lines.push_back(number);
      continue;
    }
    const bool known = w.keyword == "rules" || w.keyword == "log" || w.keyword == "from" || w.keyword == "to";
    if (!known) {
      error(keyword_column, fmt::format("expected 'council', 'rules', 'log', 'from' or 'to', got '{}'", w.keyword));
      continue;
    }
    if (rejected) continue;
    if (out.empty()) {
      error(keyword_column, fmt::format("'{}' before the first 'council' line: which council is it for?", w.keyword));
      continue;
    }
    council_plan& c = out.back();
    if (w.rest.empty()) {
      error(w.rest_column, fmt::format("expected {} after '{}'",
                                       w.keyword == "from" || w.keyword == "to" ? "a date yyyy-mm-dd" : "a path",
                                       w.keyword));
      continue;
    }
    if (w.keyword == "rules") {
      c.rules.push_back(resolve(w.rest));
    } else if (w.keyword == "log") {
      c.logs.push_back(resolve(w.rest));
    } else {
      std::string& slot = w.keyword == "from" ? c.from : c.to;
      if (!slot.empty()) {
        error(keyword_column, fmt::format("'{}' given twice for council '{}'", w.keyword, c.slug));
      } else if (!parse_iso_date(w.rest)) {
        error(w.rest_column, explain_bad_iso_date(w.rest));
      } else {
        slot = std::string(w.rest);
      }
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    const char* missing = out[i].rules.empty() ? "rules" : out[i].logs.empty() ? "log" : nullptr;
    if (missing)
      diags.error({path, council_lines[i], 0},
                  fmt::format("council '{}' has no '{}' line: each council needs a rule file and a log", out[i].slug,
                              missing));
  }
  if (out.empty() && diags.empty()) diags.error({path, 0, 0}, "the manifest lists no council: nothing to sweep");
  return out;
}

}  // namespace remit::sweep
