#include "report/recorded_manifest.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace remit {

using json = nlohmann::ordered_json;

// The report as JSON, or why not. A key given twice in one object is refused: which of the two
// counts is up to whoever reads it, so the report could say one thing to remit and another to a
// person or another program.
std::string parse_report(const std::string& text, json& out) {
  struct frame {
    bool array = false;
    std::size_t index = 0;  // of the next element, in an array
    std::string key;        // the last key, in an object
    std::set<std::string> keys;
  };
  std::vector<frame> stack;
  std::string duplicate;
  // The JSON pointer of the innermost object or array open.
  const auto where = [&] {
    std::string pointer;
    for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
      std::string step = stack[i].array ? std::to_string(stack[i].index - 1) : stack[i].key;
      for (std::size_t at = 0; (at = step.find_first_of("~/", at)) != std::string::npos; at += 2)
        step.replace(at, 1, step[at] == '~' ? "~0" : "~1");
      pointer += "/" + step;
    }
    return pointer.empty() ? std::string("the top") : pointer;
  };
  const json::parser_callback_t callback = [&](int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (!stack.empty() && stack.back().array) ++stack.back().index;
        stack.push_back({event == json::parse_event_t::array_start, 0, {}, {}});
        break;
      case json::parse_event_t::key:
        stack.back().key = parsed.get<std::string>();
        if (!stack.back().keys.insert(stack.back().key).second && duplicate.empty())
          duplicate = fmt::format("the key \"{}\" is given twice in the object at {}", stack.back().key, where());
        break;
      case json::parse_event_t::value:
        if (!stack.empty() && stack.back().array) ++stack.back().index;
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        stack.pop_back();
        break;
    }
    return true;
  };
  try {
    out = json::parse(text, callback);
  } catch (const json::exception&) {
    return "not a remit JSON report: it is not JSON (remit verify reads the report of remit check --format json)";
  }
  if (!duplicate.empty())
    return fmt::format("not a report remit wrote: {}, so it can be read two ways; it cannot be verified", duplicate);
  return {};
}

std::string read_manifest(const json& report, recorded_manifest& out) {
  if (!report.is_object() || !report.contains("manifest") || !report["manifest"].is_object())
    return "not a remit JSON report: it has no manifest (remit check --format json writes one)";
  const json& m = report["manifest"];
  try {
    out.remit_version = m.at("remit").get<std::string>();
    const auto from = parse_iso_date(m.at("window").at("from").get<std::string>());
    const auto to = parse_iso_date(m.at("window").at("to").get<std::string>());
    if (!from || !to) return "the manifest's window is not two dates";
    if (*to < *from)
      return fmt::format("the manifest's window ends on {} before it starts on {}: no run of remit writes that", *to, *from);
    out.window = {*from, *to};
    for (const char* key : {"rule_files", "logs"})
      for (const json& f : m.at(key))
        out.files.push_back({f.at("file").get<std::string>(), f.at("sha256").get<std::string>(),
                             std::string_view(key) == "rule_files"});
    out.bank_holidays_sha256 = m.at("bank_holidays").at("sha256").get<std::string>();
    out.accept_partial = m.at("accept_partial").get<bool>();
    if (m.contains("today")) {
      out.today = parse_iso_date(m["today"].get<std::string>());
      if (!out.today) return "the manifest's today is not a date";
    }
    if (m.contains("limits"))
      for (const auto& [name, value] : m.at("limits").items()) {
        const limit_info* which = nullptr;
        for (const limit_info& l : limits())
          if (l.name == name) which = &l;
        if (!which) return fmt::format("the manifest names a limit '{}' that remit does not have", name);
        // A limit is a whole number above 0: -1 read as unsigned would be the largest of all.
        if (!value.is_number_unsigned() || value.get<std::uint64_t>() == 0)
          return fmt::format("the manifest's limit {} is {}: a limit is a whole number above 0", name, value.dump());
        out.limits.emplace_back(which, value.get<std::uint64_t>());
      }
  } catch (const json::exception&) {
    return "the manifest is not one remit wrote: a field is missing or of the wrong type";
  }
  if (std::none_of(out.files.begin(), out.files.end(), [](const named_file& f) { return f.rule_file; }) ||
      std::none_of(out.files.begin(), out.files.end(), [](const named_file& f) { return !f.rule_file; }))
    return "the manifest names no rule file or no log: there is nothing to run again";
  return {};
}

}  // namespace remit
