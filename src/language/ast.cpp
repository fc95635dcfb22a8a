#include "language/ast.hpp"

namespace remit::ast {

int months_in(period_kind p) {
  switch (p) {
    case period_kind::month: return 1;
    case period_kind::quarter: return 3;
    case period_kind::half_year: return 6;
    case period_kind::year: return 12;
  }
  return 12;
}

resolved_settings resolve(const rule_file& file, const body& b) {
  resolved_settings r;
  r.council = b.overrides.council ? b.overrides.council : file.defaults.council;
  r.calendar = b.overrides.calendar.value_or(file.defaults.calendar.value_or(division::england_and_wales));
  r.year_start_month = b.overrides.year_start_month.value_or(file.defaults.year_start_month.value_or(1));
  return r;
}

}  // namespace remit::ast
