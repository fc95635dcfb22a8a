// Test inputs kept in the repository (tests/fixtures/, corpora/), found from the source
// folder so that the tests run from any working directory.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace remit::test {

// REMIT_SOURCE_DIR when the build gives it: __FILE__ is relative when the compiler is run
// through ccache with a base directory, and then depends on the working directory.
inline std::filesystem::path source_root() {
#ifdef REMIT_SOURCE_DIR
  return std::filesystem::path(REMIT_SOURCE_DIR);
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
