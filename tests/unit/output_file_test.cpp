#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
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

TEST_CASE("a replaced report keeps the mode of the file it replaces, and a new one takes the umask's", "[output]") {
  scratch_folder dir;
  const std::filesystem::path report = dir.path / "audit.txt";
  REQUIRE(remit::write_file_atomically(report.string(), "first\n").empty());
  const mode_t mask = ::umask(0);  // the test reads it; remit never changes it
  ::umask(mask);
  CHECK((std::filesystem::status(report).permissions() & std::filesystem::perms::all) ==
        static_cast<std::filesystem::perms>(0666 & ~mask));
  std::filesystem::permissions(report, static_cast<std::filesystem::perms>(0640));
  REQUIRE(remit::write_file_atomically(report.string(), "second\n").empty());
  CHECK(contents(report) == "second\n");
  CHECK((std::filesystem::status(report).permissions() & std::filesystem::perms::all) == static_cast<std::filesystem::perms>(0640));
  CHECK(dir.entries() == 1);
}

TEST_CASE("a report named with 255 bytes, the most a file name may have, is written", "[output]") {
  scratch_folder dir;
  const std::filesystem::path report = dir.path / (std::string(251, 'r') + ".txt");
  REQUIRE(remit::write_file_atomically(report.string(), "whole\n").empty());
  CHECK(contents(report) == "whole\n");
  CHECK(dir.entries() == 1);
}

TEST_CASE("an output that is an input, under its own name or another, or two outputs that are one file, are refused",
          "[output]") {
  scratch_folder dir;
  const std::string log = (dir.path / "meetings.csv").string();
  REQUIRE(remit::write_file_atomically(log, "body,date\n").empty());
  std::filesystem::create_directories(dir.path / "sub");
  std::filesystem::create_symlink(log, dir.path / "link.csv");
  const std::vector<remit::run_input> inputs{{log, "a log"}};
  CHECK(remit::outputs_clash({log}, inputs) ==
        fmt::format("{} is a log of this run: an output never replaces an input; write it elsewhere", log));
  const std::string dotted = (dir.path / "sub" / ".." / "meetings.csv").string();
  CHECK(remit::outputs_clash({dotted}, inputs) ==
        fmt::format("{} is {}, a log of this run, under another name: an output never replaces an input; write it elsewhere",
                    dotted, log));
  const std::string link = (dir.path / "link.csv").string();
  CHECK_FALSE(remit::outputs_clash({link}, inputs).empty());
  // Neither exists yet: the same file once the path is resolved.
  const std::string a = (dir.path / "report.json").string(), b = (dir.path / "sub" / ".." / "report.json").string();
  CHECK(remit::outputs_clash({a, b}, inputs) ==
        fmt::format("{} and {} are one file: two outputs would be written to it; give each its own file", a, b));
  CHECK(remit::outputs_clash({a, (dir.path / "report.csv").string()}, inputs).empty());
}
