// remit fmt FILE... [--write | --check]
#include <algorithm>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/files.hpp"
#include "core/output_file.hpp"
#include "language/formatter.hpp"
#include "language/meaning.hpp"
#include "language/parser.hpp"

namespace remit::cli {

namespace {

struct fmt_options {
  std::vector<std::string> files;
  bool write = false;
  bool check = false;
};

std::vector<std::string> comment_texts(const ast::rule_file& f) {
  std::vector<std::string> out;
  for (const ast::comment& c : f.comments) out.push_back(c.text);
  std::sort(out.begin(), out.end());
  return out;
}

// The formatter is tested never to change meaning or lose a comment; this checks it again on
// the user's own file before anything is printed or written, since a rule file is evidence.
bool keeps_meaning(const ast::rule_file& before, const std::string& canonical) {
  diagnostics ignored;
  const auto after = parse_rule_file(before.path, canonical, ignored);
  return after && meaning_of(*after) == meaning_of(before) && comment_texts(*after) == comment_texts(before);
}

int run_fmt(const fmt_options& o) {
  int status = exit_clean;
  std::size_t would_change = 0;
  for (const std::string& path : o.files) {
    std::string text;
    if (path == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      std::string why;
      const auto read = read_file(path, why);
      if (!read) {
        std::cerr << fmt::format("{}: error: {}\n", path, why);
        status = exit_bad_input;
        continue;
      }
      text = *read;
    }
    const std::string shown = path == "-" ? "<stdin>" : path;
    diagnostics diags;
    const auto file = parse_rule_file(shown, text, diags);
    if (!file) {
      diags.render(std::cerr);
      status = exit_bad_input;
      continue;
    }
    const std::string canonical = format_rule_file(*file);
    if (!keeps_meaning(*file, canonical)) {
      std::cerr << fmt::format("remit: internal error: formatting {} would change what it means; it is left as it is\n", shown);
      status = exit_bad_input;
      continue;
    }
    if (o.check) {
      if (canonical != text) {
        std::cout << fmt::format("{} would be reformatted\n", shown);
        ++would_change;
      }
    } else if (o.write && path != "-") {
      if (canonical == text) continue;
      if (const std::string problem = write_file_atomically(path, canonical); !problem.empty()) {
        std::cerr << "remit: error: " << problem << '\n';
        status = exit_bad_input;
        continue;
      }
      std::cout << fmt::format("reformatted {}\n", path);
    } else {
      std::cout << canonical;
    }
  }
  if (would_change > 0) {
    std::cerr << fmt::format("remit: {} not in canonical form; 'remit fmt --write FILE...' rewrites {}\n",
                             would_change == 1 ? std::string("1 file is") : fmt::format("{} files are", would_change),
                             would_change == 1 ? "it" : "them");
    if (status == exit_clean) status = exit_findings;
  }
  return status;
}

}  // namespace

void add_fmt_command(CLI::App& app, int& status) {
  auto options = std::make_shared<fmt_options>();
  CLI::App* cmd = app.add_subcommand("fmt", "Print rule files in the canonical layout, or rewrite them in it.");
  cmd->footer(
      "Examples:\n"
      "  remit fmt rules/rutland.remit                 print the canonical form\n"
      "  remit fmt --write rules/*.remit               rewrite the files that are not in it\n"
      "  remit fmt --check rules/*.remit               exit 1 and name the files that are not\n"
      "  remit fmt - < board.remit                     read standard input (for editors)\n\n"
      "The canonical layout: settings first, in the order council, calendar, year starts, waivers;\n"
      "one space between words; statements indented by two spaces with their rules lined up after\n"
      "the longest clause label of the body; one blank line between blocks. Every comment is kept,\n"
      "and formatting never changes what a file means. Formatting a formatted file changes nothing.\n"
      "Exit status: 0 done (with --check: every file is canonical), 1 with --check: some file is not,\n"
      "2 a file cannot be read or does not parse (it is left as it is).\n"
      "See docs/tools.md.");
  cmd->add_option("files", options->files, "Rule files (*.remit); - reads standard input")->required()->type_name("FILE");
  CLI::Option* write =
      cmd->add_flag("-w,--write", options->write, "Rewrite each file that is not canonical, whole or not at all");
  cmd->add_flag("--check", options->check, "Change nothing: name each file that is not canonical and exit 1 if any")
      ->excludes(write);
  cmd->callback([options, &status] { status = run_fmt(*options); });
}

}  // namespace remit::cli
