// How the command line teaches: remit's own words for every usage error in place of CLI11's, a
// "did you mean" for a misspelt command, option or value, the help of the command that was run,
// and `remit help [COMMAND]`. A usage error is said as
//   remit: error: unknown option --form; did you mean --from?
//   Run 'remit check --help' for usage.
// and exits 2 (exit_bad_input).
#pragma once

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace remit::cli {

// A usage error in remit's own words, thrown from a validator or a callback. `help_of`: the
// command whose help it points to, when not the one that was run (an unknown command in
// `remit help nosuch` points to the list of commands).
class usage_error : public CLI::ParseError {
 public:
  explicit usage_error(std::string message, const CLI::App* help_of = nullptr)
      : CLI::ParseError("UsageError", std::move(message), CLI::ExitCodes::ValidationError), help_of_(help_of) {}
  const CLI::App* help_of() const { return help_of_; }

 private:
  const CLI::App* help_of_;
};

// Checks of an option's value, each refusing in remit's words. The numbers and the date have no
// description, so that --help shows the option's own type name (a range is said in its help
// text); one_of's is its list, as in "ENGINE:{auto,batch,stream}".
// A whole number from `least` to `most`: "--jobs must be at least 1", "--horizon must be at
// most 36600", "--jobs takes a whole number: 'x' is not one".
CLI::Validator whole_number(std::string option, long long least, long long most);
// A number of seconds from `least` to `most`, a fraction allowed (not nan, not inf).
CLI::Validator seconds(std::string option, double least, double most);
// A date, yyyy-mm-dd: "--from: '2024-02-30' is not a date: February 2024 has no day 30".
CLI::Validator iso_date();
// One of `words`: "--color: blue not in {auto,always,never}", with "; did you mean never?" when
// the value is a slip of one of them.
CLI::Validator one_of(std::vector<std::string> words);
// "; did you mean json?" when `typed` is a slip of one of `words`, else "".
std::string did_you_mean(const std::string& typed, const std::vector<std::string>& words);

// "remit", "remit check", "remit fetch moderngov": the command as it is typed.
std::string command_path(const CLI::App& command);

// Adds `remit help [COMMAND [SUBCOMMAND]]`: the help of remit, or of one command, on standard
// output, exit 0; a command remit does not have is a usage error.
void add_help_command(CLI::App& app, int& status);

// Says a usage error found once the command line was read (two --format to standard output,
// --engine stream without --from) in the words main says those found while reading it:
// "remit: error: MESSAGE", then "Run 'COMMAND --help' for usage.".
void say_usage_error(std::string_view command, std::string_view message, std::ostream& err = std::cerr);

// What a usage error says after "remit: error: ", and the command whose --help it points to.
struct usage_words {
  std::string message;
  std::string help_command;  // "remit check"
};
// `e` in remit's words, once `app` has parsed (or failed to parse) the command line. What is
// unknown is said first, whatever CLI11 stopped at: a misspelt --lgo is the real problem, not the
// "--log is required" that follows from it.
usage_words explain_usage_error(const CLI::App& app, const CLI::ParseError& e);

}  // namespace remit::cli
