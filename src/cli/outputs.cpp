#include "cli/outputs.hpp"

#include <algorithm>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "cli/usage.hpp"
#include "core/output_file.hpp"
#include "core/text.hpp"

namespace remit::cli {

std::vector<output_target> plan_outputs(const std::vector<std::string>& formats, const std::string& output,
                                        std::string_view fallback, std::string& problem) {
  std::vector<output_target> targets;
  for (const std::string& spec : formats) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos) {
      targets.push_back({spec, {}});
    } else if (eq + 1 == spec.size()) {
      problem = fmt::format("--format {}: a file name is needed after '='", spec);
      return {};
    } else {
      targets.push_back({spec.substr(0, eq), spec.substr(eq + 1)});
    }
  }
  if (targets.empty()) targets.push_back({std::string(fallback), {}});

  const auto to_stdout = std::count_if(targets.begin(), targets.end(), [](const auto& t) { return t.path.empty(); });
  if (to_stdout > 1) {
    problem = "only one --format can go to standard output: give the others a file, as in --format html=audit.html";
    return {};
  }
  if (!output.empty()) {
    const auto it = std::find_if(targets.begin(), targets.end(), [](const auto& t) { return t.path.empty(); });
    if (it == targets.end()) {
      problem = "-o names a file for the report on standard output, but every --format already has its own file";
      return {};
    }
    it->path = output;
  }
  for (std::size_t i = 0; i < targets.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (!targets[i].path.empty() && targets[i].path == targets[j].path) {
        problem = fmt::format("two reports would be written to {}: give each its own file", targets[i].path);
        return {};
      }
  return targets;
}

std::vector<run_input> run_inputs(const std::vector<std::string>& rules, const std::vector<std::string>& logs) {
  std::vector<run_input> out;
  for (const std::string& r : rules) out.push_back({r, "a rule file"});
  for (const std::string& l : logs) out.push_back({l, "a log"});
  return out;
}

std::string outputs_clash(const std::vector<output_target>& targets, const std::vector<run_input>& inputs) {
  std::vector<std::string> paths;
  for (const output_target& t : targets)
    if (!t.path.empty()) paths.push_back(t.path);
  return outputs_clash(paths, inputs);
}

CLI::Validator format_names(std::vector<std::string> names) {
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ",") + n;
  return CLI::Validator(
      [names, list](std::string& value) -> std::string {
        const std::string name = value.substr(0, value.find('='));
        if (std::find(names.begin(), names.end(), name) != names.end()) return {};
        return fmt::format("{} not in {{{}}}{}", as_typed(name), list, did_you_mean(name, names));
      },
      "");
}

std::string write_outputs(const std::vector<output_target>& targets, const render_function& render,
                          std::ostream& standard_output) {
  std::vector<std::unique_ptr<atomic_output_file>> files;
  for (const output_target& t : targets) {
    if (t.path.empty()) continue;
    files.push_back(std::make_unique<atomic_output_file>(t.path));
    if (!files.back()->problem().empty()) return files.back()->problem();
    render(t, files.back()->stream());
  }
  // Every file on disk before any is put in place: a full disk or a fault in one leaves every
  // output as it was, rather than some new and some old.
  for (auto& f : files)
    if (std::string problem = f->finish(); !problem.empty()) return problem;
  for (auto& f : files)
    if (std::string problem = f->commit(); !problem.empty()) return problem;
  for (const output_target& t : targets)
    if (t.path.empty()) {
      render(t, standard_output);
      standard_output.flush();
    }
  return {};
}

}  // namespace remit::cli
