// Which councils a sweep audits, with their rule files, logs and windows (docs/sweep.md): from a
// folder laid out as the repository is (rules/<slug>.remit against corpora/<slug>/), or from a
// manifest that lists them.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace remit::sweep {

struct council_plan {
  std::string slug;                // names the council in the reports and its report file
  std::vector<std::string> rules;  // rule files, in the order given
  std::vector<std::string> logs;   // logs, in the order given (a folder's in name order)
  std::string from;                // yyyy-mm-dd from the window file or manifest; empty: not given
  std::string to;
  std::string problem;  // non-empty: the council cannot be audited as laid out, and this says why
};

// rules/*.remit in name order, each with the logs of corpora/<slug>/ (every *.csv, *.jsonl and
// *.xml but the files named expected*) and the window of corpora/<slug>/window. A problem with
// the folder as a whole goes to `diags`.
std::vector<council_plan> plan_folder(const std::string& dir, diagnostics& diags);

// A manifest (docs/sweep.md): `council SLUG`, then its `rules`, `log`, `from` and `to` lines.
// Paths are relative to the manifest's folder. Every mistake goes to `diags`, with its line.
std::vector<council_plan> plan_manifest(const std::string& path, diagnostics& diags);

// A window file: lines `from YYYY-MM-DD` and `to YYYY-MM-DD`, blank lines and # comments.
// Returns what is wrong with it, if anything.
std::string read_window_file(const std::string& path, std::string& from, std::string& to);

// Why a slug cannot name a council and its page DIR/<slug>.html ("a slug is made of ..."): it
// must be letters, digits and '-' only, and not 'index' (the sweep's own page). "" when it can.
std::string slug_problem(std::string_view slug);
bool valid_slug(std::string_view slug);


}  // namespace remit::sweep
