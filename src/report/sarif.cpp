#include "report/sarif.hpp"

#include <ostream>

namespace remit::sarif {

using json = nlohmann::ordered_json;

std::string uri_of(std::string_view path) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = (!path.empty() && path[0] == '/') ? "file://" : "";
  for (unsigned char c : path) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~' || c == '/';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

json location(std::string_view path, json region) {
  return {{"physicalLocation", {{"artifactLocation", {{"uri", uri_of(path)}}}, {"region", std::move(region)}}}};
}

void write_log(json run, std::ostream& out) {
  json log;
  log["$schema"] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = json::array({std::move(run)});
  out << log.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace remit::sarif
