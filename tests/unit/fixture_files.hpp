// Test inputs kept in the repository (tests/fixtures/, corpora/), found from the source
// folder CMake names (REMIT_SOURCE_DIR, in source_dir.cpp alone), so that the tests run from any
// working directory. Not from __FILE__: a build through ccache with CCACHE_BASEDIR makes that
// path relative. One file holds the path, so that a clone in another folder recompiles only it.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace remit::test {

std::filesystem::path source_root();  // source_dir.cpp

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
