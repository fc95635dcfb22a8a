// Writes a whole file or nothing: the text goes to a temporary file beside the target,
// which is renamed over it only once everything is written.
#pragma once

#include <fstream>
#include <string>
#include <string_view>

namespace remit {

// A file being written: its text goes to `stream()`, into a temporary file beside `path`, and
// `commit()` puts it in place; dropped without a commit, the temporary file is removed. A
// report is written as it is rendered, never held in memory whole (a national CSV report is
// hundreds of megabytes).
class atomic_output_file {
 public:
  // Check `problem()` before writing: "" when the temporary file could be created.
  explicit atomic_output_file(std::string path);
  ~atomic_output_file();
  atomic_output_file(const atomic_output_file&) = delete;
  atomic_output_file& operator=(const atomic_output_file&) = delete;

  std::ostream& stream() { return stream_; }
  const std::string& problem() const { return problem_; }
  // Flushes the text to disk and renames the file into place. Returns "" or what went wrong.
  std::string commit();

 private:
  std::string path_, temp_, problem_;
  std::ofstream stream_;
  bool committed_ = false;
};

// Returns an empty string on success, else what went wrong.
std::string write_file_atomically(const std::string& path, std::string_view content);

}  // namespace remit
