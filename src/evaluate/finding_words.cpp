#include "evaluate/finding_words.hpp"

#include <stdexcept>

namespace remit {

const event_log& no_log() {
  static const event_log none;
  return none;
}

namespace {

std::unique_ptr<body_context> with_modifiers(const body_context& block, const ast::statement& s) {
  auto context = std::make_unique<body_context>(block);
  context->informal_meetings_count = s.modifiers.informal_meetings_count;
  return context;
}

}  // namespace

statement_judge::statement_judge(const body_context& block, const ast::statement& s)
    : context(with_modifiers(block, s)), judge(with_judge(*context, s, [](auto&& judge) -> dated_judge {
        if constexpr (worded_from_dates<decltype(judge)>) return judge;
        else throw std::logic_error("a statement no dated judge judges");  // judged_by_dates says first
      })) {}

std::string statement_words::words(const finding& f) const {
  return std::visit([&](const auto& judge) { return judge.words(f); }, judging_.judge);
}

bool judged_by_dates(const ast::statement& s) {
  const body_context any_body{no_log(), {}, {date{0}, date{0}}, calendar::of(division::england_and_wales), 1, nullptr};
  return with_judge(any_body, s, [](auto&& judge) { return worded_from_dates<decltype(judge)>; });
}

}  // namespace remit
