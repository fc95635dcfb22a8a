#include "inputs/councils.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include <fmt/format.h>

#include "core/text.hpp"
#include "inputs/event_log.hpp"

namespace remit {

admitted_councils::admitted_councils(std::vector<std::string> names) : names_(std::move(names)) {
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  for (const std::string& n : names_) folded_.push_back(fold(n));
}

bool admitted_councils::admits(std::string_view council) const {
  if (names_.empty() || council.empty()) return true;
  // The spelling of the rule file first: nearly every row of a council's own log has it.
  for (const std::string& n : names_)
    if (council == n) return true;
  const std::string folded = fold(council);
  return std::find(folded_.begin(), folded_.end(), folded) != folded_.end();
}

void left_out_tally::add(std::uint16_t source, std::string_view council, std::uint32_t line) {
  if (by_file_.size() <= source) by_file_.resize(source + std::size_t{1});
  auto& files = by_file_[source];
  auto it = files.find(council);
  if (it == files.end()) it = files.emplace(std::string(council), other_council_rows{}).first;
  ++it->second.rows;
  if (it->second.lines.size() < 5) it->second.lines.push_back(line);
}

namespace {

// A log of many councils (a national extract) is named in one line, not a line a council; but
// a council that looks like a misspelling of the rule file's is always named.
constexpr std::size_t councils_named = 3;

std::string quoted_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += fmt::format("{}'{}'", i == 0 ? "" : i + 1 == names.size() ? " or " : ", ", names[i]);
  return out;
}

// Letters and digits only, lower-cased: "Lancashire County-Council." and "lancashire county council"
// are one folding apart.
std::string letters_only(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
  }
  return out;
}

std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> out;
  std::string word;
  for (char c : folded) {
    if (c == ' ') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// "Lancashire CC" of "Lancashire County Council": each word the same, or the initials of a
// run of the wanted words.
bool abbreviates(const std::vector<std::string>& short_words, const std::vector<std::string>& long_words, std::size_t i = 0,
                 std::size_t j = 0) {
  if (i == short_words.size()) return j == long_words.size();
  if (j == long_words.size()) return false;
  if (short_words[i] == long_words[j] && abbreviates(short_words, long_words, i + 1, j + 1)) return true;
  const std::string& w = short_words[i];
  if (w.size() < 2 || j + w.size() > long_words.size()) return false;
  for (std::size_t k = 0; k < w.size(); ++k)
    if (long_words[j + k].empty() || long_words[j + k][0] != w[k]) return false;
  return abbreviates(short_words, long_words, i + 1, j + w.size());
}

std::string_view script_of(std::uint32_t c) {
  if (c >= 0x0370 && c <= 0x03FF) return "Greek";
  if (c >= 0x0400 && c <= 0x052F) return "Cyrillic";
  if (c >= 0xFF00 && c <= 0xFFEF) return "full-width";
  return "non-Latin";
}

}  // namespace

std::string near_miss(std::string_view council, std::string_view wanted) {
  const std::string a = fold(council), b = fold(wanted);
  const std::vector<std::uint32_t> ca = code_points(a), cb = code_points(b);
  // A letter of another script where the rule file has a Latin one: the same length, and every
  // difference such a letter.
  if (ca.size() == cb.size() && ca != cb) {
    std::size_t differences = 0;
    std::size_t first = 0;
    bool look_alike = true;
    for (std::size_t i = 0; i < ca.size(); ++i) {
      if (ca[i] == cb[i]) continue;
      if (differences++ == 0) first = i;
      if (ca[i] < 0x80 || cb[i] >= 0x80) look_alike = false;
    }
    if (look_alike)
      return fmt::format("character {} is U+{:04X}, a {} letter, where '{}' has '{}': a look-alike from another script", first + 1,
                         ca[first], script_of(ca[first]), wanted, static_cast<char>(cb[first]));
  }
  if (letters_only(a) == letters_only(b))
    return fmt::format("the same as '{}' but for spaces and punctuation: likely a misspelling", wanted);
  if (edit_distance(a, b) == 1) return fmt::format("one letter from '{}': likely a misspelling", wanted);
  const std::vector<std::string> wa = words_of(a), wb = words_of(b);
  if (wa.size() < wb.size() && abbreviates(wa, wb)) return fmt::format("likely an abbreviation of '{}'", wanted);
  return {};
}

void left_out_tally::settle(std::vector<log_file_summary>& files, const admitted_councils& councils) {
  const std::string wanted = quoted_names(councils.names());
  for (std::size_t source = 0; source < by_file_.size() && source < files.size(); ++source) {
    log_file_summary& f = files[source];
    std::vector<left_out_rows> named, others;
    std::size_t other_rows = 0;
    for (auto& [council, tally] : by_file_[source]) {
      std::string hint;
      for (const std::string& n : councils.names())
        if (hint.empty()) hint = near_miss(council, n);
      left_out_rows group{fmt::format("council '{}', not {}", council, wanted), tally.rows, std::move(tally.lines),
                          std::move(hint)};
      f.rows_left_out += tally.rows;
      other_rows += group.hint.empty() ? tally.rows : 0;
      (group.hint.empty() ? others : named).push_back(std::move(group));
    }
    f.rows_used -= f.rows_left_out;
    f.left_out = std::move(named);
    if (others.size() <= councils_named) {
      std::move(others.begin(), others.end(), std::back_inserter(f.left_out));
    } else {
      std::vector<std::uint32_t> lines;
      for (const left_out_rows& g : others) lines.insert(lines.end(), g.lines.begin(), g.lines.end());
      std::sort(lines.begin(), lines.end());
      lines.resize(std::min<std::size_t>(lines.size(), 5));
      f.left_out.push_back({fmt::format("{} other councils, not {}", others.size(), wanted), other_rows, std::move(lines), {}});
    }
  }
  by_file_.clear();
}

void leave_out_other_councils(event_log& log) {
  if (log.councils.every()) {
    log.left_out.settle(log.files, log.councils);
    return;
  }
  // Admission is decided once per council string, not once per row.
  std::vector<std::int8_t> admitted(log.strings.size(), -1);
  const auto admits = [&](string_pool::id council) {
    if (council == 0) return true;
    if (admitted.size() <= council) admitted.resize(log.strings.size(), -1);
    if (admitted[council] < 0) admitted[council] = log.councils.admits(log.strings.text(council)) ? 1 : 0;
    return admitted[council] == 1;
  };
  const auto leave_out = [&](const auto& row) {
    if (admits(row.council)) return false;
    log.left_out.add(row.source, log.strings.text(row.council), row.line);
    return true;
  };
  log.erase_events([&](std::uint32_t i) { return leave_out(log.events[i]); });
  std::erase_if(log.memberships, leave_out);
  std::erase_if(log.trainings, leave_out);
  std::erase_if(log.groups, leave_out);
  std::erase_if(log.attendance_rows, leave_out);
  log.left_out.settle(log.files, log.councils);
}

}  // namespace remit
