#include "cli/usage.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/date.hpp"
#include "core/text.hpp"

namespace remit::cli {

namespace {

// Every subcommand of `command`, in the order they were added.
std::vector<const CLI::App*> subcommands_of(const CLI::App& command) {
  return command.get_subcommands([](const CLI::App*) { return true; });
}

const CLI::App* find_subcommand(const CLI::App& command, const std::string& name) {
  for (const CLI::App* sub : subcommands_of(command))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

// "a, b and c".
std::string listed(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " and " : ", ") + words[i];
  return out;
}

// Of `known`, the one `typed` was meant to be: the same but for case first (a command line is
// case-sensitive, and `remit Check` is no typo a distance would see), else the nearest.
std::string meant(const std::string& typed, const std::vector<std::string>& known) {
  for (const std::string& k : known)
    if (fold(k) == fold(typed)) return k;
  return nearest_name(typed, known, swapped_letters::one_edit);
}

std::string unknown_command(const CLI::App& parent, const std::string& typed) {
  std::vector<std::string> names;
  for (const CLI::App* sub : subcommands_of(parent)) names.push_back(sub->get_name());
  if (const std::string near = meant(typed, names); !near.empty())
    return fmt::format("unknown command \"{}\"; did you mean \"{}\"?", as_typed(typed), near);
  return fmt::format("unknown command \"{}\" ({} has {})", as_typed(typed), command_path(parent), listed(names));
}

// An argument that is an option's name: "--form", "-x", "--form=2024-01-01"; not "-" (standard
// input) or a negative number.
bool looks_like_option(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' && !std::isdigit(static_cast<unsigned char>(arg[1])) && arg[1] != '.';
}

std::string unknown_option(const CLI::App& command, const std::string& typed) {
  const std::string name = typed.substr(0, typed.find('='));
  const std::size_t letters = name.find_first_not_of('-');
  const std::string bare = letters == std::string::npos ? std::string{} : name.substr(letters);
  // Options fall through to the commands above (--limit is remit's, given after the command too).
  std::vector<std::string> longs;
  for (const CLI::App* at = &command; at; at = at->get_parent())
    for (const CLI::Option* o : at->get_options())
      for (const std::string& l : o->get_lnames()) longs.push_back(l);
  // A single letter is no word to guess from: -x may be meant for any one-letter option.
  const std::string near = bare.size() < 2 ? std::string{} : meant(bare, longs);
  if (!near.empty()) return fmt::format("unknown option {}; did you mean --{}?", as_typed(name), near);
  // An option of another command (check --jobs, which is sweep's): say whose it is.
  const CLI::App* root = &command;
  while (root->get_parent()) root = root->get_parent();
  std::vector<const CLI::App*> commands = subcommands_of(*root);
  for (std::size_t i = 0; i < commands.size(); ++i) {
    for (const CLI::App* sub : subcommands_of(*commands[i])) commands.push_back(sub);
    for (const CLI::Option* o : commands[i]->get_options())
      for (const std::string& l : o->get_lnames())
        if (bare.size() >= 2 && l == bare && commands[i] != &command)
          return fmt::format("unknown option {}: {} has it, {} does not", as_typed(name), command_path(*commands[i]),
                             command_path(command));
  }
  return fmt::format("unknown option {}", as_typed(name));
}

const CLI::Option* find_option(const CLI::App& command, const std::string& name) {
  for (const CLI::App* at = &command; at; at = at->get_parent())
    if (const CLI::Option* o = at->get_option_no_throw(name)) return o;
  return nullptr;
}

// "--log LOG", "RULES".
std::string option_words(const CLI::Option& o) {
  const std::string type = o.get_type_name();
  if (!o.nonpositional()) return type.empty() ? o.get_name() : type;
  return type.empty() ? o.get_name() : o.get_name() + " " + type;
}

// The command that was run: the last one the command line named.
const CLI::App& command_run(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  return *at;
}

// CLI11's message for `e`, in remit's words where it has some.
std::string translated(const CLI::App& command, const CLI::ParseError& e) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::RequiredError*>(&e)) {
    constexpr std::string_view tail = " is required";
    if (what.starts_with("A subcommand")) {
      std::vector<std::string> names;
      for (const CLI::App* sub : subcommands_of(command)) names.push_back(sub->get_name());
      return fmt::format("{} needs one of its commands: {}", command_path(command), listed(names));
    }
    if (what.ends_with(tail))
      if (const CLI::Option* o = find_option(command, what.substr(0, what.size() - tail.size())))
        return fmt::format("{} needs {}", command_path(command), option_words(*o));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    // "--log: 1 required LOG missing": the option's value is missing.
    if (const auto colon = what.find(':'); colon != std::string::npos && what.ends_with(" missing"))
      if (const CLI::Option* o = find_option(command, what.substr(0, colon)))
        return fmt::format("{} needs a value after it, as in {}", o->get_name(), option_words(*o));
  }
  return what;
}

// The text of a number as std::from_chars reads it: a leading '+' allowed, as people write it.
std::string_view without_plus(std::string_view text) {
  if (text.size() > 1 && text[0] == '+' && text[1] != '-') text.remove_prefix(1);
  return text;
}

}  // namespace

std::string command_path(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* at = command.get_parent(); at; at = at->get_parent()) path = at->get_name() + " " + path;
  return path;
}

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& words) {
  const std::string near = meant(typed, words);
  return near.empty() ? std::string{} : fmt::format("; did you mean {}?", near);
}

CLI::Validator whole_number(std::string option, long long least, long long most) {
  return CLI::Validator(
      [option, least, most](std::string& value) -> std::string {
        const std::string_view text = without_plus(value);
        long long n = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        const bool whole = !text.empty() && end == text.data() + text.size();
        // Too large (or small) to hold: said so, the number never echoed (it may have 300 digits).
        if (ec == std::errc::result_out_of_range && whole) n = text[0] == '-' ? LLONG_MIN : LLONG_MAX;
        else if (ec != std::errc{} || !whole)
          throw usage_error(fmt::format("{} takes a whole number: '{}' is not one", option, as_typed(value)));
        if (n < least) throw usage_error(fmt::format("{} must be at least {}", option, least));
        if (n > most) throw usage_error(fmt::format("{} must be at most {}", option, most));
        return {};
      },
      "");
}

CLI::Validator seconds(std::string option, double least, double most) {
  return CLI::Validator(
      [option, least, most](std::string& value) -> std::string {
        const std::string_view text = without_plus(value);
        double x = 0;
        // Decimal only: no hexadecimal, no "nan" or "inf" (from_chars reads them: refused below).
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x, std::chars_format::general);
        const bool whole = !text.empty() && end == text.data() + text.size();
        if (ec == std::errc::result_out_of_range && whole)
          x = std::strtod(std::string(text).c_str(), nullptr);  // HUGE_VAL, or 0 for 1e-400
        else if (ec != std::errc{} || !whole || std::isnan(x))
          throw usage_error(fmt::format("{} takes a number of seconds: '{}' is not one", option, as_typed(value)));
        const auto unit = [](double s) { return s == 1 ? "second" : "seconds"; };
        if (x < least) throw usage_error(fmt::format("{} must be at least {} {}", option, least, unit(least)));
        if (x > most) throw usage_error(fmt::format("{} must be at most {} {}", option, most, unit(most)));
        return {};
      },
      "");
}

CLI::Validator iso_date() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        if (parse_iso_date(value)) return {};
        // A date is ten characters: anything longer is shown cut, never echoed whole.
        if (value.size() > 10) return fmt::format("'{}' is not a date in the form yyyy-mm-dd", as_typed(value));
        return escape_controls(explain_bad_iso_date(value));
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> words) {
  std::string list;
  for (const std::string& w : words) list += (list.empty() ? "" : ",") + w;
  return CLI::Validator(
      [words, list](std::string& value) -> std::string {
        if (std::find(words.begin(), words.end(), value) != words.end()) return {};
        return fmt::format("{} not in {{{}}}{}", as_typed(value), list, did_you_mean(value, words));
      },
      "{" + list + "}");
}

void add_help_command(CLI::App& app, int& status) {
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* help = app.add_subcommand("help", "Show the help of remit, or of one command, as in 'remit help check'.");
  help->add_option("command", *words, "The command (and its subcommand, as in 'fetch moderngov') whose help to show")
      ->type_name("COMMAND");
  help->callback([&app, words, &status] {
    const CLI::App* of = &app;
    for (const std::string& word : *words) {
      const CLI::App* sub = find_subcommand(*of, word);
      if (!sub) throw usage_error(unknown_command(*of, word), of);
      of = sub;
    }
    // What `remit check --help` prints, byte for byte (CLI::App::help would show help's own, as
    // the command that was run).
    std::cout << of->get_formatter()->make_help(of, command_path(*of), CLI::AppFormatMode::Normal) << std::flush;
    status = exit_clean;
  });
}

void say_usage_error(std::string_view command, std::string_view message, std::ostream& err) {
  err << fmt::format("remit: error: {}\nRun '{} --help' for usage.\n", escape_controls(message), command);
}

usage_words explain_usage_error(const CLI::App& app, const CLI::ParseError& e) {
  const CLI::App& run = command_run(app);
  if (const auto* said = dynamic_cast<const usage_error*>(&e))
    return {said->what(), command_path(said->help_of() ? *said->help_of() : run)};
  const std::vector<std::string> extras = app.remaining(true);
  // A word where a command was expected: `remit chek`, `remit fetch moderngv`.
  if (!subcommands_of(run).empty() && !extras.empty() && !looks_like_option(extras.front()))
    return {unknown_command(run, extras.front()), command_path(run)};
  for (const std::string& x : extras)
    if (looks_like_option(x)) return {unknown_option(run, x), command_path(run)};
  if (!extras.empty()) return {fmt::format("unexpected argument \"{}\"", as_typed(extras.front())), command_path(run)};
  return {translated(run, e), command_path(run)};
}

}  // namespace remit::cli
