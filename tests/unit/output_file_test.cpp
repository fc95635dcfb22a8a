#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include <fmt/format.h>

#include "core/output_file.hpp"

using remit::atomic_output_file;

namespace {

// A folder of its own for each test, removed when it ends.
struct scratch_folder {
  std::filesystem::path path;
  scratch_folder() {
    static int made = 0;
    path = std::filesystem::temp_directory_path() / fmt::format("remit-output-test-{}-{}", ::getpid(), ++made);
    std::filesystem::create_directories(path);
  }
  ~scratch_folder() { std::filesystem::remove_all(path); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path), {}));
  }
};

std::string contents(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a report of many megabytes, written in pieces of every size, is the file committed", "[output]") {
  const scratch_folder folder;
  const std::filesystem::path target = folder.path / "findings.csv";
  std::string expected;
  {
    atomic_output_file file(target.string());
    REQUIRE(file.problem().empty());
    // Past the step at which writing to disk is started early, several times over.
    for (int i = 0; expected.size() < (std::size_t{40} << 20); ++i) {
      const std::string row = fmt::format("row {},{}\n", i, std::string(static_cast<std::size_t>(i % 300), 'x'));
      if (i % 3 == 0) {
        for (char c : row) file.stream().put(c);
      } else {
        file.stream() << row;
      }
      expected += row;
    }
    CHECK(file.commit().empty());
  }
  CHECK(contents(target) == expected);
  CHECK(folder.entries() == 1);  // no temporary file is left beside it
}

TEST_CASE("a report dropped before its commit leaves the file as it was and nothing beside it", "[output]") {
  const scratch_folder folder;
  const std::filesystem::path target = folder.path / "audit.txt";
  std::ofstream(target) << "the old report\n";
  {
    atomic_output_file file(target.string());
    REQUIRE(file.problem().empty());
    file.stream() << std::string(std::size_t{20} << 20, 'n');
  }
  CHECK(contents(target) == "the old report\n");
  CHECK(folder.entries() == 1);
}

TEST_CASE("a report that cannot be written says so", "[output]") {
  const scratch_folder folder;
  atomic_output_file missing((folder.path / "no-such-folder" / "audit.txt").string());
  CHECK_THAT(missing.problem(), Catch::Contains("cannot create a file in"));
  CHECK_FALSE(missing.commit().empty());
  if (std::filesystem::exists("/dev/full")) {  // a device is written in place; this one is always full
    atomic_output_file full("/dev/full");
    REQUIRE(full.problem().empty());
    full.stream() << std::string(std::size_t{1} << 20, 'f');
    CHECK_THAT(full.commit(), Catch::Contains("cannot write /dev/full"));
  }
}
