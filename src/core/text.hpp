// Text as the language compares it: case-insensitive, with runs of white space folded to one space.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>

namespace remit {

std::string_view trim(std::string_view s);

// Lower-cases ASCII letters, folds each run of white space (space, tab, CR, LF, no-break
// space) to one space and trims the ends. Letters outside ASCII are kept as they are.
std::string fold(std::string_view s);

// "contains" and "equals" as docs/language.md means them, on text already folded.
inline bool folded_contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// "1 held meeting", "3 held meetings"; "1 day", "2 days".
std::string counted(long n, std::string_view one, std::string_view many);

// The well-formed UTF-8 sequence that starts at s[i]: its code point and its length in bytes.
// Length 0: s[i] starts none (a stray continuation byte, an overlong form, a surrogate, a
// truncated sequence). The one decoder behind every check, count, cut and escape of text.
struct code_point {
  std::uint32_t value = 0;
  std::size_t length = 0;
};
code_point decode_utf8(std::string_view s, std::size_t i);

// The bytes of the character that starts at s[i]: its UTF-8 sequence, or 1 for a byte that
// starts none. How text is stepped through a character at a time.
inline std::size_t character_length(std::string_view s, std::size_t i) {
  if (static_cast<unsigned char>(s[i]) < 0x80) return 1;
  const std::size_t n = decode_utf8(s, i).length;
  return n ? n : 1;
}

// Number of characters (UTF-8 code points) in s; invalid bytes count one each.
std::size_t utf8_length(std::string_view s);
// The first `characters` characters of s (all of s when it has no more), never part of one.
std::string_view utf8_prefix(std::string_view s, std::size_t characters);
bool valid_utf8(std::string_view s);
// Why `what` (text that is not valid UTF-8) cannot be read, with the fix when it reads as
// Windows-1252, Excel's "CSV (Comma delimited)": "the row is not valid UTF-8 text; its byte 0xE9
// is 'é' in Windows-1252, ...: save it as "CSV UTF-8 (Comma delimited)"".
std::string not_utf8_words(std::string_view what, std::string_view text);

// Text from the input as remit shows it on a terminal: every control character but tab (the C0
// controls U+0000 to U+001F, DEL, and the C1 controls U+0080 to U+009F) and every byte that is not
// UTF-8 is written as \xHH, byte by byte (ESC as \x1b, a line feed as \x0a, U+009B as \xc2\x9b),
// so that a hostile log or rule file can neither move the cursor, recolour or retitle a terminal,
// nor forge a line of a report. Anything else is kept as it is (a backslash too), so text without
// control characters is unchanged. The one function every text output and diagnostic uses.
std::string escape_controls(std::string_view s);
// The same for text of several lines that remit wrote: its line feeds are kept.
std::string escape_controls_but_line_feeds(std::string_view s);
// What a person typed, as a message quotes it back: its controls escaped, and cut after 32
// characters with "..." so that a pasted page (or a number of 300 digits) is not echoed whole.
std::string as_typed(std::string_view s);

// The code points of s; an invalid byte counts as one, its own value.
std::vector<std::uint32_t> code_points(std::string_view s);
// Whether two neighbouring letters swapped ("form" for "from") count as one edit or two. Names
// in the logs are compared as they always were (two); words typed on the command line, where a
// swap is the commonest slip, as one.
enum class swapped_letters { two_edits, one_edit };
// The fewest letters inserted, deleted or replaced that turn one into the other (Levenshtein;
// with swapped_letters::one_edit, a swap of two neighbours is one more way, the optimal string
// alignment distance).
std::size_t edit_distance(std::string_view a, std::string_view b, swapped_letters swaps = swapped_letters::two_edits);
// Of `known`, the one `name` was most likely meant to be, for a "did you mean" (case and spacing
// folded; a few letters apart, fewer for a short name); empty when none is near.
std::string nearest_name(std::string_view name, const std::vector<std::string>& known,
                         swapped_letters swaps = swapped_letters::two_edits);

// What is wrong with a text file as a whole, from its first bytes, in words a person can act on:
// UTF-16 or UTF-32 (as Excel's "Unicode Text" and some exports write), or lines that end in a
// carriage return alone (old Mac files). "" when it may be read as UTF-8 lines.
std::string text_encoding_problem(std::string_view start);

// Interns strings so that events hold small ids, and keeps each string's folded form
// beside it so matching never folds twice. Id 0 is the empty string.
class string_pool {
 public:
  using id = std::uint32_t;
  string_pool();
  // Not copied: the table of ids views the texts of this pool's own entries.
  string_pool(const string_pool&) = delete;
  string_pool& operator=(const string_pool&) = delete;
  string_pool(string_pool&&) = default;
  string_pool& operator=(string_pool&&) = default;
  id intern(std::string_view text);
  std::string_view text(id i) const { return entries_[i].text; }
  std::string_view folded(id i) const { return entries_[i].folded; }
  std::size_t size() const { return entries_.size(); }

 private:
  struct entry {
    std::string text;
    std::string folded;
  };
  std::deque<entry> entries_;  // deque: views into entries stay valid as the pool grows
  // Each text's id, by a view of the entry's own copy. Every row of a log interns its body and
  // council: a flat table (open addressing, a group of slots' tags compared at once) costs one
  // probe, where a node-based map cost a cache miss per node.
  boost::unordered_flat_map<std::string_view, id, std::hash<std::string_view>> ids_;
};

}  // namespace remit
