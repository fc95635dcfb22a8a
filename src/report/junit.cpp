#include "report/junit.hpp"

#include <ostream>

#include "report/markup.hpp"

namespace remit::junit {

namespace {

void open(std::ostream& out, std::string_view indent, std::string_view tag, const attributes& attrs) {
  out << indent << '<' << tag;
  for (const auto& [name, value] : attrs) out << ' ' << name << "=\"" << escape_xml(value) << '"';
}

}  // namespace

writer::writer(std::ostream& out, const attributes& suites) : out_(out) {
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  open(out_, "", "testsuites", suites);
  out_ << ">\n";
}

void writer::begin_suite(const attributes& suite) {
  open(out_, "  ", "testsuite", suite);
  out_ << ">\n";
}

void writer::properties(const attributes& properties) {
  out_ << "    <properties>\n";
  for (const auto& [name, value] : properties) {
    open(out_, "      ", "property", {{"name", std::string(name)}, {"value", value}});
    out_ << "/>\n";
  }
  out_ << "    </properties>\n";
}

void writer::test_case(const attributes& test, const std::vector<outcome>& inside) {
  open(out_, "    ", "testcase", test);
  if (inside.empty()) {
    out_ << "/>\n";
    return;
  }
  out_ << ">\n";
  for (const outcome& o : inside) {
    open(out_, "      ", o.tag, o.attrs);
    if (o.text)
      out_ << '>' << escape_xml(*o.text) << "</" << o.tag << ">\n";
    else
      out_ << "/>\n";
  }
  out_ << "    </testcase>\n";
}

void writer::end_suite() { out_ << "  </testsuite>\n"; }

void writer::finish() { out_ << "</testsuites>\n"; }

}  // namespace remit::junit
