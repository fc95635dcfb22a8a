// Escaping for the formats that embed text from the input: rule files and logs are written by
// others, so every name, title, item and reason is escaped before it reaches a report.
#pragma once

#include <string>
#include <string_view>

namespace remit {

// For XML and HTML text and attribute values (always written in double quotes): & < > " ' become
// references; bytes that are not UTF-8, and characters XML 1.0 forbids (controls other than tab,
// line feed and carriage return), become U+FFFD, so the document stays well-formed.
std::string escape_xml(std::string_view s);

// For Markdown (CommonMark and GitHub's tables): punctuation that could start markup is
// backslash-escaped, '<' too, so raw HTML in the input stays text; line ends become spaces.
std::string escape_markdown(std::string_view s);

// Valid UTF-8 with U+FFFD in place of each byte that is not, for formats that must be UTF-8.
std::string valid_utf8_text(std::string_view s);

}  // namespace remit
