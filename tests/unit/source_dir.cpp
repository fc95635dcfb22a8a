#include "fixture_files.hpp"

namespace remit::test {

std::filesystem::path source_root() { return std::filesystem::path(REMIT_SOURCE_DIR); }

}  // namespace remit::test
