// JSON Lines: one JSON object per line, with the fields of the CSV (docs/inputs.md, "JSON
// Lines"). A line that cannot be read is rejected with its number, like a CSV row.
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/progress.hpp"
#include "core/text.hpp"
#include "inputs/event_fields.hpp"
#include "inputs/people_rows.hpp"
#include "inputs/reader.hpp"

namespace remit {

namespace {

using json = nlohmann::json;

std::string_view type_words(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return "an object";
    case json::value_t::array: return "a list";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true or false";
    case json::value_t::null: return "null";
    default: return "a number";
  }
}

// nlohmann's message without its prefix: "[json.exception.parse_error.101] parse error at line 1,
// column 9: syntax error ..." becomes "at column 9: syntax error ...".
std::string parse_problem(const json::parse_error& e) {
  std::string_view what = e.what();
  if (const auto at = what.find("column "); at != std::string_view::npos) return "at " + std::string(what.substr(at));
  if (const auto at = what.find("] "); at != std::string_view::npos) return ": " + std::string(what.substr(at + 2));
  return ": " + std::string(what);
}

// A string field: absent and null are empty; anything but a string is a reason to reject.
std::string string_field(const json& object, const char* key, std::string_view& out) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (!it->is_string()) return fmt::format("'{}' must be a string, got {}", key, type_words(*it));
  out = it->get_ref<const std::string&>();
  return {};
}

std::string items_field(const json& object, std::vector<std::string>& out) {
  const auto it = object.find("items");
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) {
    split_items(it->get_ref<const std::string&>(), out);
    return {};
  }
  if (!it->is_array()) return fmt::format("'items' must be a list of strings or objects, got {}", type_words(*it));
  std::size_t n = 0;
  for (const json& item : *it) {
    ++n;
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
      continue;
    }
    if (!item.is_object())
      return fmt::format("'items' must be a list of strings or objects, but holds {}", type_words(item));
    // {"title": ..., "outcome": ...}: written as a CSV item is, `title [outcome]`, and read the same.
    std::string_view title, outcome;
    for (auto [key, field] : {std::pair{"title", &title}, std::pair{"outcome", &outcome}})
      if (std::string why = string_field(item, key, *field); !why.empty()) return fmt::format("items: entry {}: {}", n, why);
    if (trim(title).empty()) return fmt::format("items: entry {} has no \"title\"", n);
    if (split_outcome(title).outcome != item_outcome::unrecorded)
      return fmt::format("items: entry {}: the title '{}' ends in an outcome in brackets: give it as \"outcome\"", n,
                         trim(title));
    if (trim(outcome).empty()) {
      out.emplace_back(trim(title));
      continue;
    }
    const auto o = parse_item_outcome(trim(outcome));
    if (!o) return fmt::format("items: entry {}: unknown outcome '{}': expected {}", n, trim(outcome), outcome_words());
    out.push_back(fmt::format("{} [{}]", trim(title), name(*o)));
  }
  return {};
}

std::string attendees_field(const json& object, event_fields& row) {
  const auto it = object.find("attendees");
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) {
    row.attendees_problem = parse_attendees(it->get_ref<const std::string&>(), row.attendees);
    return {};
  }
  if (!it->is_array()) return fmt::format("'attendees' must be a list of objects, got {}", type_words(*it));
  std::size_t n = 0;
  for (const json& a : *it) {
    ++n;
    if (!a.is_object()) return fmt::format("attendees: entry {} must be an object, got {}", n, type_words(a));
    std::string_view person, role, word;
    for (auto [key, out] : {std::pair{"name", &person}, std::pair{"role", &role}, std::pair{"attendance", &word}})
      if (std::string why = string_field(a, key, *out); !why.empty()) return fmt::format("attendees: entry {}: {}", n, why);
    if (trim(person).empty()) return fmt::format("attendees: entry {} has no \"name\"", n);
    const auto status = parse_attendance_status(fold(word));
    if (!status)
      return fmt::format("attendees: {} attendance '{}' for '{}': expected {}", word.empty() ? "no" : "unknown", word,
                         trim(person), attendance_words());
    row.attendees.push_back({std::string(trim(person)), std::string(trim(role)), *status});
  }
  return {};
}

// A line about a person (docs/inputs.md, "People"): attendance, membership or training, by its keys.
std::string read_people_line(const json& object, const event& e, event_log& log) {
  people_fields row;
  for (auto [key, out] : {std::pair{"council", &row.council}, std::pair{"body", &row.body}, std::pair{"person", &row.person},
                          std::pair{"role", &row.role}, std::pair{"partner", &row.partner}, std::pair{"date", &row.date},
                          std::pair{"from", &row.from}, std::pair{"to", &row.to}, std::pair{"attendance", &row.attendance},
                          std::pair{"training", &row.training}, std::pair{"party", &row.party}, std::pair{"type", &row.type},
                          std::pair{"voting", &row.voting}})
    if (std::string why = string_field(object, key, *out); !why.empty()) return why;
  const auto present = [&](const char* key) { return object.contains(key) && !object[key].is_null(); };
  return add_people_row(people_kind_of(present("attendance"), present("training")), row, e.source, e.line, log);
}

// One line: why it cannot be read, or "" with the event added.
std::string read_line(std::string_view line, event e, event_log& log) {
  if (!valid_utf8(line) || line.find('\0') != std::string_view::npos) return "the line is not valid UTF-8 text";
  // Keys are checked for repeats as they are parsed: a JSON object may repeat a key, and
  // which value won would then be a guess.
  std::string repeated;
  std::set<std::string> keys;
  const auto watch = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key && !keys.insert(parsed.get<std::string>()).second &&
        repeated.empty())
      repeated = parsed.get<std::string>();
    return true;
  };
  json object;
  try {
    object = json::parse(line, watch);
  } catch (const json::parse_error& e) {
    return "not valid JSON " + parse_problem(e);
  } catch (const json::exception& e) {
    // A number too large for a double (1e400) is out_of_range, not parse_error: still bad text.
    std::string_view what = e.what();
    if (const auto at = what.find("] "); at != std::string_view::npos) what.remove_prefix(at + 2);
    return fmt::format("not valid JSON: {}", what);
  }
  if (!object.is_object()) return fmt::format("expected a JSON object, got {}", type_words(object));
  if (!repeated.empty()) return fmt::format("key '{}' appears twice", repeated);
  if (object.contains("person")) return read_people_line(object, e, log);

  event_fields row;
  for (auto [key, out] : {std::pair{"body", &row.body}, std::pair{"date", &row.date}, std::pair{"kind", &row.kind},
                          std::pair{"status", &row.status}, std::pair{"title", &row.title}, std::pair{"to", &row.to},
                          std::pair{"published", &row.published}, std::pair{"council", &row.council},
                          std::pair{"ref", &row.ref}, std::pair{"time", &row.time}})
    if (std::string why = string_field(object, key, *out); !why.empty()) return why;
  if (std::string why = items_field(object, row.items); !why.empty()) return why;
  if (std::string why = attendees_field(object, row); !why.empty()) return why;
  return add_event(row, e.source, e.line, log);
}

void read_jsonl(std::string_view text, event_log& log, log_file_summary& summary, diagnostics& diags) {
  const std::string& path = summary.path;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (trim(text).empty()) {
    diags.error({path, 0, 0}, "the file is empty: expected one JSON object per line, each with at least body and date");
    return;
  }
  std::uint32_t number = 0;
  std::size_t start = 0;
  progress_tally read(progress().rows_read);
  while (start < text.size()) {
    if (log.sink && log.sink->stopped()) return;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (trim(line).empty()) continue;
    if (summary.rows_read == 0 && trim(line).starts_with("[")) {
      diags.error({path, number, 0}, "a JSON list, not JSON Lines: write one event object on each line");
      return;
    }
    ++summary.rows_read;
    read.add_one();
    event e;
    e.source = static_cast<std::uint16_t>(log.files.size() - 1);
    e.line = number;
    if (std::string why = read_line(line, e, log); !why.empty()) {
      summary.reject(number, std::move(why));
      continue;
    }
    ++summary.rows_used;
  }
}

bool claims_jsonl(std::string_view path, std::string_view content) {
  const std::string name = fold(path);
  if (name.ends_with(".jsonl") || name.ends_with(".ndjson")) return true;
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);
  content = trim(content);
  return content.starts_with("{") || content.starts_with("[");
}

}  // namespace

const log_reader jsonl_log_reader{"jsonl", claims_jsonl, read_jsonl};

}  // namespace remit
