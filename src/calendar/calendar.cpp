#include "calendar/calendar.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/digest.hpp"

namespace remit {

extern const std::string_view bank_holidays_json;

namespace {
constexpr std::array<std::pair<std::string_view, division>, 4> division_names{{
    {"england-and-wales", division::england_and_wales},
    {"scotland", division::scotland},
    {"northern-ireland", division::northern_ireland},
    {"none", division::none},
}};
}  // namespace

std::optional<division> parse_division(std::string_view name) {
  for (auto [text, d] : division_names)
    if (text == name) return d;
  return std::nullopt;
}

std::string_view division_name(division d) {
  for (auto [text, value] : division_names)
    if (value == d) return text;
  return "none";
}

calendar_year_missing::calendar_year_missing(division d, int y, int first, int last)
    : year(y),
      message_(fmt::format("working days in {} cannot be counted: the {} bank-holiday data covers {} to {}", y,
                           division_name(d), first, last)) {}

void calendar_year_missing::add_context(std::string_view context) { message_ = fmt::format("{} ({})", message_, context); }

calendar::calendar(division d) : division_(d) {
  if (d == division::none) return;
  const auto data = nlohmann::json::parse(bank_holidays_json);
  for (const auto& e : data.at(std::string(division_name(d))).at("events")) {
    const auto day = parse_iso_date(e.at("date").get<std::string>());
    if (!day) throw std::logic_error("bundled bank-holiday data holds a bad date");
    holidays_.push_back({*day, e.at("title").get<std::string>(), e.value("notes", "") == "Substitute day"});
  }
  std::sort(holidays_.begin(), holidays_.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
  first_year_ = holidays_.front().day.year();
  last_year_ = holidays_.back().day.year();
  first_day_ = date::from(std::chrono::year{first_year_} / 1 / 1);
  const date end = date::from(std::chrono::year{last_year_} / 12 / 31);
  holiday_index_.assign(static_cast<std::size_t>(days_between(first_day_, end) + 1), -1);
  for (std::size_t i = 0; i < holidays_.size(); ++i)
    holiday_index_[static_cast<std::size_t>(days_between(first_day_, holidays_[i].day))] = static_cast<std::int32_t>(i);
}

const bank_holiday_data_version& bank_holiday_data() {
  static const bank_holiday_data_version version = [] {
    bank_holiday_data_version v{sha256_hex(bank_holidays_json), 0};
    for (division d : {division::england_and_wales, division::scotland, division::northern_ireland})
      v.last_year = std::max(v.last_year, calendar::of(d).last_year());
    return v;
  }();
  return version;
}

const calendar& calendar::of(division d) {
  static const std::array<calendar, 4> all{calendar{division::england_and_wales}, calendar{division::scotland},
                                           calendar{division::northern_ireland}, calendar{division::none}};
  return all[static_cast<std::size_t>(d)];
}

void calendar::require_year(int year) const {
  if (division_ != division::none && (year < first_year_ || year > last_year_))
    throw calendar_year_missing(division_, year, first_year_, last_year_);
}

const bank_holiday* calendar::holiday_on(date d) const {
  if (division_ == division::none) return nullptr;
  require_year(d.year());
  const std::int32_t i = holiday_index_[static_cast<std::size_t>(days_between(first_day_, d))];
  return i < 0 ? nullptr : &holidays_[static_cast<std::size_t>(i)];
}

bool calendar::is_working_day(date d) const { return !d.is_weekend() && holiday_on(d) == nullptr; }  // short-circuit: weekends need no data

date calendar::working_days_before(date from, int n, trace* out) const {
  date d = from;
  while (n > 0) {
    d = d.plus_days(-1);
    if (d.is_weekend()) continue;
    if (const bank_holiday* h = holiday_on(d)) {
      if (out) out->holidays_skipped.push_back(h);
      continue;
    }
    if (out) out->counted.push_back(d);
    --n;
  }
  return d;
}

}  // namespace remit
