// The lint checks, and what every lint run does around them: order and allowances.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "lint/lint.hpp"

namespace remit::lint {

namespace {

constexpr std::array<check, 12> all{{
    {"RL001", "waiver-never-applies", "a waiver in whose window no breach of its clause can fall due", waiver_never_applies},
    {"RL002", "waiver-expired", "a waiver that ended before the audit window (with --from)", waiver_expired},
    {"RL003", "frequency-out-of-reach", "a frequency no committee meets: more than weekly, or more than the days allow",
     count_out_of_reach},
    {"RL004", "grace-swallows-interval", "a grace as long as the interval, so a missing event is never a breach",
     grace_swallows_interval},
    {"RL005", "always-met", "a statement that can never be breached", always_met},
    {"RL006", "redundant-statement", "a statement that says the same as another, or adds nothing to it",
     redundant_statement},
    {"RL007", "frequencies-disagree", "two frequencies for the same events that disagree", frequencies_disagree},
    {"RL008", "label-reused", "a clause label used again for another duty after other clauses", label_reused},
    {"RL009", "deadline-passed", "a 'by' date that has passed, with nothing that can meet it now", deadline_passed},
    {"RL010", "setting-repeated", "a setting written twice in one place, so the first does nothing", setting_repeated},
    {"RL011", "alternative-covered", "an alternative of a title or an item that another alternative already covers",
     alternative_covered},
    {"RL012", "counts-contradict", "two counts that cannot both be met: an exact count beside one that needs more or fewer",
     counts_contradict},
}};

// The codes a comment allows: "# lint: allow RL006 RL008 (the ToR says it twice)".
std::set<std::string, std::less<>> allowed_in(std::string_view comment) {
  std::set<std::string, std::less<>> out;
  const std::size_t at = comment.find("lint: allow");
  if (at == std::string_view::npos) return out;
  std::string_view rest = comment.substr(at + 11);
  for (;;) {
    const std::size_t code = rest.find("RL");
    if (code == std::string_view::npos || rest.size() < code + 5) break;
    // Codes follow one another, separated by spaces or commas; the first other word ends the list.
    if (rest.substr(0, code).find_first_not_of(" ,\t") != std::string_view::npos) break;
    out.emplace(rest.substr(code, 5));
    rest.remove_prefix(code + 5);
  }
  return out;
}

// Codes allowed for each line: by a comment after it on the line, or in the block of comment
// lines right above it.
std::map<std::uint32_t, std::set<std::string, std::less<>>> allowances(const ast::rule_file& file) {
  std::map<std::uint32_t, const ast::comment*> standalone;
  for (const ast::comment& c : file.comments)
    if (!c.trailing) standalone[c.where.line] = &c;
  std::map<std::uint32_t, std::set<std::string, std::less<>>> out;
  for (const ast::comment& c : file.comments) {
    auto codes = allowed_in(c.text);
    if (codes.empty()) continue;
    std::uint32_t line = c.where.line;
    if (!c.trailing)
      while (standalone.contains(line)) ++line;  // the line the comment block stands above
    out[line].insert(codes.begin(), codes.end());
  }
  return out;
}

}  // namespace

std::span<const check> checks() { return all; }

const check* find_check(std::string_view code) {
  for (const check& c : all)
    if (c.code == code) return &c;
  return nullptr;
}

std::vector<finding> lint_file(const ast::rule_file& file, const context& ctx) {
  std::vector<finding> found;
  for (const check& c : all) c.run(file, ctx, found);
  const auto allowed = allowances(file);
  std::erase_if(found, [&](const finding& f) {
    const auto it = allowed.find(f.where.line);
    return it != allowed.end() && it->second.contains(f.code);
  });
  std::stable_sort(found.begin(), found.end(), [](const finding& a, const finding& b) {
    return std::tie(a.where.line, a.where.column, a.code) < std::tie(b.where.line, b.where.column, b.code);
  });
  return found;
}

}  // namespace remit::lint
