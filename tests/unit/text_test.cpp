// The one UTF-8 decoder (core/text.hpp) and what counts and cuts text through it.
#include <string>

#include <catch2/catch.hpp>

#include "core/text.hpp"

using namespace remit;

TEST_CASE("utf8: characters are stepped through whole, a byte that starts none counting one", "[utf8]") {
  const std::string text = "a\xC3\xA9\xE2\x80\x94\xF0\x9F\x98\x80";  // a, é, an em dash, an emoji
  CHECK(character_length(text, 0) == 1);
  CHECK(character_length(text, 1) == 2);
  CHECK(character_length(text, 3) == 3);
  CHECK(character_length(text, 6) == 4);
  CHECK(character_length("\xFF", 0) == 1);      // never UTF-8
  CHECK(character_length("\x80z", 0) == 1);     // a stray continuation byte
  CHECK(character_length("\xC3", 0) == 1);      // a sequence cut short
  CHECK(character_length("\xC0\xAF", 0) == 1);  // an overlong '/'
  CHECK(utf8_length(text) == 4);
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("\xC3\xA9\xFF\x80") == 3);  // é and two bytes that are not UTF-8, one each
}

TEST_CASE("utf8: a prefix of so many characters never cuts one", "[utf8]") {
  const std::string text = "a\xC3\xA9\xE2\x80\x94z";
  CHECK(utf8_prefix(text, 0) == "");
  CHECK(utf8_prefix(text, 1) == "a");
  CHECK(utf8_prefix(text, 2) == "a\xC3\xA9");
  CHECK(utf8_prefix(text, 3) == "a\xC3\xA9\xE2\x80\x94");
  CHECK(utf8_prefix(text, 4) == text);
  CHECK(utf8_prefix(text, 40) == text);
  CHECK(utf8_prefix("\xFF\x80z", 2) == "\xFF\x80");
}
