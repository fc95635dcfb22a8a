// Where a command's reports go. `--format NAME` writes to standard output (at most one format
// may), `--format NAME=FILE` to FILE, whole or not at all; `-o FILE` sends the standard-output
// one to FILE instead. Several may be given in one run, so one audit gives every format.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/output_file.hpp"

namespace remit::cli {

struct output_target {
  std::string format;
  std::string path;  // empty: standard output
};

// The targets the --format values ask for (`fallback` to standard output when there are none).
// Returns an empty list and says why in `problem` when they make no sense together.
std::vector<output_target> plan_outputs(const std::vector<std::string>& formats, const std::string& output,
                                        std::string_view fallback, std::string& problem);

// The files a run was given, for outputs_clash (core/output_file.hpp).
std::vector<run_input> run_inputs(const std::vector<std::string>& rules, const std::vector<std::string>& logs);
// The report files of `targets` that would replace one of `inputs` or each other: "" when none.
std::string outputs_clash(const std::vector<output_target>& targets, const std::vector<run_input>& inputs);

// Accepts NAME or NAME=FILE with NAME one of `names`; an unknown one is said as CLI11 says it, with
// a "did you mean" (cli/usage.hpp).
CLI::Validator format_names(std::vector<std::string> names);

// Renders each target with `render` and writes it: every file first, each to a temporary file
// beside it as it is rendered and put in place only once all of them are whole, then standard
// output. Returns what went wrong, if anything; no file is ever left half-written.
using render_function = std::function<void(const output_target&, std::ostream&)>;
std::string write_outputs(const std::vector<output_target>& targets, const render_function& render,
                          std::ostream& standard_output);

}  // namespace remit::cli
