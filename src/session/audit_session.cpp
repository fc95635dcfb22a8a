#include "session/audit_session.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "core/limits.hpp"
#include "core/text.hpp"
#include "evaluate/bodies.hpp"
#include "evaluate/evaluator.hpp"
#include "inputs/reader.hpp"
#include "language/checker.hpp"
#include "language/parser.hpp"
#include "report/manifest.hpp"

namespace remit {

void report_errors(const diagnostics& diags, command_words words, std::ostream& err) {
  diags.render(err);
  err << fmt::format("remit: {} found; nothing was {}\n", counted(static_cast<long>(diags.size()), "error", "errors"),
                     words.nothing_done);
}

namespace {

// The kinds of people records the logs held, any at all: attendance (its own file or a meetings
// log's attendees), membership, training and political groups.
ast::records records_given(const event_log& log) {
  ast::records given = ast::records::none;
  if (!log.attendances.empty()) given = given | ast::records::attendance;
  if (!log.memberships.empty()) given = given | ast::records::membership;
  if (!log.trainings.empty()) given = given | ast::records::training;
  if (!log.groups.empty()) given = given | ast::records::groups;
  return given;
}

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

audit_session::audit_session(session_request request, command_words words, std::ostream& err)
    : request_(std::move(request)), words_(words), err_(&err) {}

std::optional<audit_session> audit_session::read(const session_request& request, command_words words,
                                                 std::ostream& err) {
  diagnostics diags;
  audit_session in(request, words, err);
  const auto& logs = request.logs;
  const auto engine = request.engine;
  for (const std::string& path : request.rules)
    if (auto file = load_rule_file(path, diags); file && check_rule_file(*file, diags)) in.files_.push_back(std::move(*file));
  diagnostics log_diags;
  in.log_.councils = councils_of(in.files_);
  in.log_.today = request.runs_past_today;
  const bool stream = request.stream_window && diags.empty() && choose_stream(engine, in.files_, logs, diags);
  if (!diags.empty() && engine == engine_choice::stream) {  // refused before any log is read: a pipe stays unread
    report_errors(diags, words, err);
    return std::nullopt;
  }
  if (stream) {
    in.streamed_ = std::make_unique<streamed_audit>(in.files_, *request.stream_window);
    in.log_.sink = in.streamed_.get();
    in.streamed_->read_and_judge([&] { read_log_files(logs, in.log_, log_diags, request.digests); });
    in.log_.sink = nullptr;
    if (!in.streamed_->complete(in.log_) && engine == engine_choice::stream) {
      in.streamed_->why_incomplete(in.log_, log_diags);
    } else if (!in.streamed_->complete(in.log_)) {  // regular files (choose_stream): read them again, whole
      in.streamed_.reset();
      in.log_ = event_log{};
      in.log_.councils = councils_of(in.files_);
      in.log_.today = request.runs_past_today;
      log_diags = diagnostics{};
    }
  }
  if (!in.streamed_) read_log_files(logs, in.log_, log_diags, request.digests);
  diags.add(log_diags);
  if (!diags.empty()) {
    report_errors(diags, words, err);
    return std::nullopt;
  }
  if (const std::size_t rejected = in.log_.rows_rejected(); rejected > 0) {
    // Counted in full, printed up to the errors limit: a log of a million bad rows says so in a screenful.
    std::uint64_t printed = 0;
    const std::uint64_t most = limit_value(limit::errors);
    for (const auto& f : in.log_.files)
      for (const auto& r : f.rejected)
        if (printed++ < most) err << fmt::format("{}:{}: {}\n", escape_controls(f.path), r.line, escape_controls(r.reason));
    if (rejected > most)
      err << fmt::format("... and {} more rejected {} ({})\n", rejected - most, rejected - most == 1 ? "row" : "rows",
                         limit_advice(limit::errors));
    if (!request.accept_partial) {
      err << fmt::format("remit: {} rejected; fix {}, or pass --accept-partial to {}\n",
                         rejected == 1 ? std::string("1 log row was") : fmt::format("{} log rows were", rejected),
                         rejected == 1 ? "it" : "them", words.use_rows);
      return std::nullopt;
    }
    // --accept-partial audits what was read, never nothing: a log none of whose rows could be
    // read would judge every rule on no evidence at all.
    bool unreadable = false;
    for (const auto& f : in.log_.files)
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

std::optional<audit_report> audit_session::audit(const audit_window& window, bool timelines, unsigned threads) {
  diagnostics diags;
  audit_report report;
  if (streamed_) {
    report = streamed_->finish(log_, diags);  // takes its own notes, as it judged
  } else {
    note_confirmed_events(log_, window.to);
    report = run_audit(files_, log_, window, diags, timelines, threads);
  }
  if (!diags.empty()) {
    report_errors(diags, words_, *err_);
    return std::nullopt;
  }
  report.manifest = make_manifest(files_, report.logs, request_.accept_partial);
  report.manifest.today = request_.runs_past_today;
  report.records_given = records_given(log_);
  report.manifest.engine = engine();
  return report;
}

std::optional<due_report> audit_session::look_ahead(date as_of, int horizon_days) {
  note_confirmed_events(log_, as_of);
  diagnostics diags;
  due_report report = compute_due(files_, log_, as_of, horizon_days, diags);
  if (!diags.empty()) {
    report_errors(diags, words_, *err_);
    return std::nullopt;
  }
  // No engine: remit due runs neither (audit_manifest::engine).
  report.manifest = make_manifest(files_, report.logs, request_.accept_partial);
  return report;
}

}  // namespace remit
