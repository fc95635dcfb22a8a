#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/parallel.hpp"

using remit::render_in_order;

TEST_CASE("items rendered on every core are written in their order", "[parallel]") {
  // Shares of unequal cost, so that they finish out of order.
  std::vector<int> items(20'000);
  for (int i = 0; i < static_cast<int>(items.size()); ++i) items[static_cast<std::size_t>(i)] = i;
  std::string expected;
  for (int i : items) expected += std::to_string(i) + (i % 7 == 0 ? std::string(200, '.') : std::string()) + '\n';
  std::ostringstream out;
  render_in_order(
      items,
      [](int i, std::string& text) {
        text += std::to_string(i);
        if (i % 7 == 0) text += std::string(200, '.');
        text += '\n';
      },
      out);
  CHECK(out.str() == expected);

  std::ostringstream none;
  render_in_order(std::vector<int>{}, [](int, std::string& text) { text += "x"; }, none);
  CHECK(none.str().empty());
}

TEST_CASE("an item that cannot be rendered stops the writing and its failure reaches the caller", "[parallel]") {
  std::vector<int> items(10'000, 1);
  items[6'000] = 0;
  std::ostringstream out;
  CHECK_THROWS_WITH(render_in_order(
                        items,
                        [](int i, std::string& text) {
                          if (i == 0) throw std::runtime_error("no words for this finding");
                          text += "row\n";
                        },
                        out),
                    "no words for this finding");
  CHECK(out.str().size() < 6'000 * 4);  // nothing from the failed share on
}
