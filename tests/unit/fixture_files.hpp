// Test inputs kept in the repository (tests/fixtures/, corpora/), found from this file's own
// path so that the tests run from any working directory.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace remit::test {

// The build names the repository's root; __FILE__ is the fallback (a compiler cache may make it
// relative to the build folder, which is not where ctest runs the tests).
inline std::filesystem::path source_root() {
#ifdef REMIT_SOURCE_DIR
  return REMIT_SOURCE_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
#endif
}

// tests/fixtures/<relative>
inline std::string fixture(std::string_view relative) {
  return (source_root() / "tests" / "fixtures" / relative).string();
}

inline std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

}  // namespace remit::test
