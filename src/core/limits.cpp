#include "core/limits.hpp"

#include <array>
#include <charconv>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"

namespace remit {

namespace {

// 1 GiB of log is some millions of rows, far beyond any council's history; a line of 16 MiB
// holds any real row (and the bad-input catalogue's 10 MB field); 10,000 statements is some
// hundreds of bodies' Terms of Reference in one file; 100 errors are more than anyone reads.
// A million findings is more than twice what the whole nation's history of meetings gives (the
// benchmark's breach-heavy synthetic records give one finding in ten events; the nation has 2.5
// to 4 million events, docs/scale.md), and some hundreds of megabytes held as findings: an audit
// that finds more has a window or a rule that cannot be what was meant (every month since the
// year 1), and is refused before its findings fill memory.
constexpr std::array<limit_info, 5> all{{
    {limit::file_size, "file-size", true, std::uint64_t{1} << 30, "bytes in one rule file or log"},
    {limit::line_length, "line-length", true, std::uint64_t{16} << 20,
     "bytes in one line of a rule file, CSV log or JSON Lines log"},
    {limit::rules, "rules", false, 10000, "statements in one rule file"},
    {limit::errors, "errors", false, 100, "errors printed (the rest are counted)"},
    {limit::findings, "findings", false, 1000000, "findings of one audit (of one council, in a sweep)",
     "or audit a shorter window with --from and --to"},
}};

std::array<std::uint64_t, all.size()> current = [] {
  std::array<std::uint64_t, all.size()> v{};
  for (std::size_t i = 0; i < all.size(); ++i) v[i] = all[i].default_value;
  return v;
}();

}  // namespace

std::span<const limit_info> limits() { return all; }
const limit_info& info(limit l) { return all[static_cast<std::size_t>(l)]; }
std::uint64_t limit_value(limit l) { return current[static_cast<std::size_t>(l)]; }
bool limit_is_default(limit l) { return limit_value(l) == info(l).default_value; }
void set_limit(limit l, std::uint64_t value) { current[static_cast<std::size_t>(l)] = value; }
void reset_limits() {
  for (const limit_info& i : all) set_limit(i.which, i.default_value);
}

std::string set_limit(std::string_view assignment) {
  std::string names;
  for (const limit_info& i : all) names += (names.empty() ? "" : ", ") + std::string(i.name);
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) return fmt::format("'{}': expected NAME=VALUE, NAME one of {}", as_typed(assignment), names);
  const std::string_view name = assignment.substr(0, eq);
  std::string_view value = assignment.substr(eq + 1);
  const limit_info* which = nullptr;
  for (const limit_info& i : all)
    if (i.name == name) which = &i;
  if (!which) {
    std::vector<std::string> known;
    for (const limit_info& i : all) known.emplace_back(i.name);
    const std::string near = nearest_name(name, known, swapped_letters::one_edit);
    return fmt::format("unknown limit '{}'{}: expected one of {}", as_typed(name),
                       near.empty() ? std::string{} : fmt::format(" (did you mean '{}'?)", near), names);
  }
  unsigned shift = 0;
  if (which->bytes && !value.empty()) {
    const char unit = value.back();
    shift = unit == 'K' || unit == 'k' ? 10 : unit == 'M' || unit == 'm' ? 20 : unit == 'G' || unit == 'g' ? 30 : 0;
    if (shift) value.remove_suffix(1);
  }
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  const std::string_view form =
      which->bytes ? "a size: a whole number of bytes above 0, which a K, M or G may follow" : "a whole number above 0";
  // A number too large to hold is said to be so, not echoed: it may have hundreds of digits.
  const bool digits_only = !value.empty() && end == value.data() + value.size();
  if (ec == std::errc::result_out_of_range && digits_only) return fmt::format("{}: the number is too large", name);
  if (value.empty() || ec != std::errc{} || end != value.data() + value.size() || n == 0)
    return fmt::format("{}: '{}' is not {}", name, as_typed(assignment.substr(eq + 1)), form);
  if (shift && n > (UINT64_MAX >> shift)) return fmt::format("{}: '{}' is too large", name, as_typed(assignment.substr(eq + 1)));
  set_limit(which->which, n << shift);
  return {};
}

std::string limit_words(limit l, std::uint64_t value) {
  if (!info(l).bytes) return fmt::format("{}", value);
  for (auto [shift, unit] : {std::pair{30u, "GiB"}, std::pair{20u, "MiB"}, std::pair{10u, "KiB"}})
    if (value >= (std::uint64_t{1} << shift)) {
      const double v = static_cast<double>(value) / static_cast<double>(std::uint64_t{1} << shift);
      // Whole units print without a fraction, so that defaults read as they are written.
      return value % (std::uint64_t{1} << shift) == 0 ? fmt::format("{} {}", value >> shift, unit)
                                                      : fmt::format("{:.1f} {}", v, unit);
    }
  return fmt::format("{} bytes", value);
}

std::string limit_advice(limit l) {
  const limit_info& i = info(l);
  return fmt::format("the limit is {}: raise it with --limit {}={}{}{}", limit_words(l, limit_value(l)), i.name,
                     i.bytes ? "SIZE" : "N", i.otherwise.empty() ? "" : ", ", i.otherwise);
}

long_line first_line_over_limit(std::string_view text) {
  if (text.size() <= limit_value(limit::line_length)) return {};
  line_length_tracker lines;
  lines.add(text);
  lines.finish();
  return lines.over();
}

void line_length_tracker::add(std::string_view block) {
  for (std::size_t at = 0; at < block.size() && !settled_;) {
    const void* nl = std::memchr(block.data() + at, '\n', block.size() - at);
    const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - block.data()) : block.size();
    length_ += end - at;
    if (!over_.line && length_ > most_) over_.line = line_;
    if (over_.line == line_) over_.length = length_;
    if (!nl) break;
    settled_ = over_.line != 0;
    ++line_;
    length_ = 0;
    at = end + 1;
  }
}

}  // namespace remit
