// Writes a whole file or nothing: the text goes to a temporary file beside the target,
// which is renamed over it only once everything is written. SIGINT and SIGTERM remove the
// temporary files of a run before it ends (remove_temporaries_on_signals).
#pragma once

#include <fstream>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

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

  std::ostream& stream() { return out_; }
  const std::string& problem() const { return problem_; }
  // Flushes the text to disk, still under its temporary name: what can fail (a full disk) fails
  // here, before any file of a run is put in place. Returns "" or what went wrong.
  std::string finish();
  // Finishes, if need be, and renames the file into place. Returns "" or what went wrong.
  std::string commit();

 private:
  // Passes the text to the file, and every few megabytes starts writing what it has passed on to
  // the disk, so that commit's fsync waits for the last few megabytes rather than for all of a
  // national report's hundreds, which a disk can take while the rest is being rendered.
  class early_writeback final : public std::streambuf {
   public:
    explicit early_writeback(std::streambuf& file) : file_(&file) {}
    void start_on(int fd) { fd_ = fd; }

   protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override { return file_->pubsync(); }

   private:
    void passed(std::streamsize n);
    std::streambuf* file_;
    int fd_ = -1;  // of the temporary file; none: never started early
    long long passed_ = 0, started_ = 0;
  };

  std::string path_, temp_, problem_;
  std::ofstream stream_;
  int fd_ = -1;  // the temporary file's, kept open to start its writing early and to sync it
  int slot_ = -1;  // the temporary file's place among those a signal removes; -1: none
  early_writeback writeback_{*stream_.rdbuf()};
  std::ostream out_{&writeback_};
  bool finished_ = false, committed_ = false;
};

// Makes SIGINT and SIGTERM remove every temporary file of an atomic_output_file still open,
// then end the process as the signal would have (exit status 128+N), so that an interrupted
// run leaves each output as it was and nothing beside it. A signal that was ignored when remit
// started (nohup, a shell's background job) stays ignored. Called once, by main.
void remove_temporaries_on_signals();

// Returns an empty string on success, else what went wrong.
std::string write_file_atomically(const std::string& path, std::string_view content);

// A file a run was given (a rule file, a log, a report to verify, a manifest) and what it is, for
// the message when an output would replace it.
struct run_input {
  std::string path;
  std::string_view what;  // "a log", "a rule file"
};

// Why the run must not write `outputs`: one of them is one of `inputs` (by its path, or the same
// file under another name: by device and inode, or by its resolved path when it does not exist
// yet), or two of them are one file. "" when none is. Asked before anything is read or written:
// remit never destroys a file it was given, nor loses one report under another.
std::string outputs_clash(const std::vector<std::string>& outputs, const std::vector<run_input>& inputs);

}  // namespace remit
