#include "cli/audit_inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/clock.hpp"
#include "core/limits.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "inputs/reader.hpp"
#include "language/checker.hpp"
#include "language/parser.hpp"

namespace remit::cli {

void report_errors(const diagnostics& diags, command_words words, std::ostream& err) {
  diags.render(err);
  err << fmt::format("remit: {} found; nothing was {}\n", counted(static_cast<long>(diags.size()), "error", "errors"),
                           words.nothing_done);
}

std::optional<engine_choice> engine_option(std::string_view word) {
  if (word == "auto") return engine_choice::automatic;
  if (word == "batch") return engine_choice::batch;
  if (word == "stream") return engine_choice::stream;
  return std::nullopt;
}

namespace {

// Whether the logs are audited as they are read, decided before any is read. `automatic` streams
// only regular files: they alone can be read again should the streamed engine not finish.
bool choose_stream(engine_choice engine, const std::vector<ast::rule_file>& files, const std::vector<std::string>& logs,
                   diagnostics& diags) {
  switch (engine) {
    case engine_choice::batch: return false;
    case engine_choice::stream: {
      diagnostics refused;
      streamed_audit::why_not_judged(files, refused);
      diags.add(refused);
      return refused.empty();
    }
    case engine_choice::automatic: break;
  }
  return streamed_audit::can_audit(files) && std::all_of(logs.begin(), logs.end(), [](const std::string& path) {
           std::error_code ec;
           return std::filesystem::is_regular_file(path, ec);
         });
}

}  // namespace

std::optional<audit_inputs> load_audit_inputs(const std::vector<std::string>& rules, const std::vector<std::string>& logs,
                                              bool accept_partial, command_words words, std::ostream& err,
                                              std::optional<audit_window> stream_window, file_digests digests,
                                              std::optional<date> runs_past_today, engine_choice engine) {
  diagnostics diags;
  audit_inputs in;
  for (const std::string& path : rules)
    if (auto file = load_rule_file(path, diags); file && check_rule_file(*file, diags)) in.files.push_back(std::move(*file));
  diagnostics log_diags;
  in.log.councils = councils_of(in.files);
  in.log.today = runs_past_today;
  const bool stream = stream_window && diags.empty() && choose_stream(engine, in.files, logs, diags);
  if (!diags.empty() && engine == engine_choice::stream) {  // refused before any log is read: a pipe stays unread
    report_errors(diags, words, err);
    return std::nullopt;
  }
  if (stream) {
    in.streamed = std::make_unique<streamed_audit>(in.files, *stream_window);
    in.log.sink = in.streamed.get();
    in.streamed->read_and_judge([&] { read_log_files(logs, in.log, log_diags, digests); });
    in.log.sink = nullptr;
    if (!in.streamed->complete(in.log) && engine == engine_choice::stream) {
      in.streamed->why_incomplete(in.log, log_diags);
    } else if (!in.streamed->complete(in.log)) {  // regular files (choose_stream): read them again, whole
      in.streamed.reset();
      in.log = event_log{};
      in.log.councils = councils_of(in.files);
      in.log.today = runs_past_today;
      log_diags = diagnostics{};
    }
  }
  if (!in.streamed) read_log_files(logs, in.log, log_diags, digests);
  diags.add(log_diags);
  if (!diags.empty()) {
    report_errors(diags, words, err);
    return std::nullopt;
  }
  if (const std::size_t rejected = in.log.rows_rejected(); rejected > 0) {
    // Counted in full, printed up to the errors limit: a log of a million bad rows says so in a screenful.
    std::uint64_t printed = 0;
    const std::uint64_t most = limit_value(limit::errors);
    for (const auto& f : in.log.files)
      for (const auto& r : f.rejected)
        if (printed++ < most) err << fmt::format("{}:{}: {}\n", escape_controls(f.path), r.line, escape_controls(r.reason));
    if (rejected > most)
      err << fmt::format("... and {} more rejected {} ({})\n", rejected - most, rejected - most == 1 ? "row" : "rows",
                               limit_advice(limit::errors));
    if (!accept_partial) {
      err << fmt::format("remit: {} rejected; fix {}, or pass --accept-partial to {}\n",
                               rejected == 1 ? std::string("1 log row was") : fmt::format("{} log rows were", rejected),
                               rejected == 1 ? "it" : "them", words.use_rows);
      return std::nullopt;
    }
    // --accept-partial audits what was read, never nothing: a log none of whose rows could be
    // read would judge every rule on no evidence at all.
    bool unreadable = false;
    for (const auto& f : in.log.files)
      if (f.rows_used == 0 && f.rows_left_out == 0 && f.rows_rejected > 0) {
        err << fmt::format("remit: error: {}: none of its {} could be read; --accept-partial uses the rows that could, "
                           "and there are none\n",
                           escape_controls(f.path), counted(static_cast<long>(f.rows_read), "row", "rows"));
        unreadable = true;
      }
    if (unreadable) return std::nullopt;
  }
  return in;
}

std::optional<date> date_option(const std::string& text, std::string_view option, std::ostream& err) {
  const auto d = parse_iso_date(text);
  if (!d) err << fmt::format("remit: error: {}: {}\n", option, explain_bad_iso_date(text));
  return d;
}

std::optional<audit_window> resolve_window(const std::string& from, const std::string& to, const event_log& log,
                                           std::ostream& err) {
  audit_window window{};
  if (to.empty()) {
    window.to = today();
  } else if (const auto d = date_option(to, "--to", err)) {
    window.to = *d;
  } else {
    return std::nullopt;
  }
  if (!from.empty()) {
    const auto d = date_option(from, "--from", err);
    if (!d) return std::nullopt;
    window.from = *d;
  } else if (log.events.empty()) {
    err << "remit: error: the logs hold no events, so --from has no default: pass --from\n";
    return std::nullopt;
  } else {
    window.from = std::min_element(log.events.begin(), log.events.end(),
                                   [](const event& a, const event& b) { return a.day < b.day; })
                      ->day;
  }
  if (window.to < window.from) {
    err << fmt::format("remit: error: the audit window ends on {} before it starts on {}\n", window.to, window.from);
    return std::nullopt;
  }
  return window;
}

}  // namespace remit::cli
