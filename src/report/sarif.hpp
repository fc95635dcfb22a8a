// SARIF 2.1.0: what remit's two SARIF outputs share, the audit's (report/sarif_reporter.cpp) and
// the lint's (lint/report.cpp), so that both point at files and write the log alike.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace remit::sarif {

// A file path as a URI reference: relative paths stay relative (tools resolve them against the
// checkout), absolute ones become file: URIs; anything outside the unreserved set is percent-encoded.
std::string uri_of(std::string_view path);

// A result's location: the file and the region in it ({"startLine": ..., ...}).
nlohmann::ordered_json location(std::string_view path, nlohmann::ordered_json region);

// The log around one run, with its final line end. Bytes that are not UTF-8 become U+FFFD, as
// SARIF files are UTF-8.
void write_log(nlohmann::ordered_json run, std::ostream& out);

}  // namespace remit::sarif
