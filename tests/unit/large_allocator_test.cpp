#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "core/large_allocator.hpp"

using remit::large_allocator;

TEST_CASE("a large array keeps its values as it grows past the huge-page size and is copied", "[memory]") {
  std::vector<std::uint64_t, large_allocator<std::uint64_t>> values;
  for (std::uint64_t i = 0; i < 3'000'000; ++i) values.push_back(i * 7);  // 24 MB, by doubling
  REQUIRE(values.size() == 3'000'000);
  bool kept = true;
  for (std::uint64_t i = 0; i < values.size(); ++i) kept = kept && values[i] == i * 7;
  CHECK(kept);
  const auto copy = values;
  CHECK(copy == values);
  values.clear();
  values.shrink_to_fit();
  CHECK(values.capacity() == 0);
}

#if !defined(REMIT_ADDRESS_SANITIZER)
TEST_CASE("a large array starts on a huge-page boundary", "[memory]") {
  std::vector<char, large_allocator<char>> large(remit::large_memory::huge_page * 3 / 2, 'x');
  CHECK(reinterpret_cast<std::uintptr_t>(large.data()) % remit::large_memory::huge_page == 0);
  CHECK(large.back() == 'x');
}
#endif
