// RFC 4180 records, field by field, for every reader of CSV files (meeting logs and the
// files of people). Each record keeps its first line number, and a record that cannot be
// read as it stands says why rather than stopping the file.
//
// Records come from text already in memory, or from a file read through a bounded buffer, so
// that a log of ten million rows is never held whole. `next(record_view&)` gives fields that
// point into that buffer and copies nothing but the rare field with escaped quotes; `next(record&)`
// gives copies.
#pragma once

#include <algorithm>
#include <bit>
#include <cstring>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace remit {

class csv_records {
 public:
  explicit csv_records(std::string_view text) : text_(text) {}
  // Reads `file` (not closed here) `chunk` bytes at a time; a record longer than that grows the buffer.
  explicit csv_records(std::FILE* file, std::size_t chunk = std::size_t{1} << 22) : file_(file), chunk_(chunk) {
    refill();
  }

  struct record {
    std::uint32_t line = 0;
    std::vector<std::string> fields;
    std::string problem;  // non-empty: the record cannot be read as it stands
  };

  // Fields valid until the next call. `raw` is the record's bytes as they stand in the file.
  struct record_view {
    std::uint32_t line = 0;
    std::vector<std::string_view> fields;
    std::string problem;
    std::string_view raw;
    std::deque<std::string> unescaped;  // the fields that had to be copied ("" inside quotes)
  };

  bool next(record_view& r) {
    while (true) {
      if (pos_ >= text_.size() && !refill()) return false;
      const std::size_t start = pos_;
      const std::uint32_t line = line_;
      parse(r);
      // A record that ran into the end of the buffer may go on in the file: read on, parse again.
      if (!file_ || at_end_ || pos_ < text_.size()) return true;
      pos_ = start;
      line_ = line;
      refill();
    }
  }

  bool next(record& r) {
    if (!next(view_)) return false;
    r.line = view_.line;
    r.fields.assign(view_.fields.begin(), view_.fields.end());
    r.problem = std::move(view_.problem);
    return true;
  }

  // The bytes not yet taken, at least up to the first that is not white space (or the end): for
  // a byte order mark, and to tell an empty file from one that holds something.
  std::string_view rest() {
    while (file_ && text_.find_first_not_of(" \t\r\n", pos_) == std::string_view::npos && refill()) {
    }
    return text_.substr(pos_);
  }
  void skip(std::size_t n) { pos_ += n; }

 private:
  void parse(record_view& r) {
    r.line = line_;
    r.fields.clear();
    r.problem.clear();
    r.unescaped.clear();
    const std::size_t record_start = pos_;
    std::uint32_t quote_line = 0;
    while (true) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        quote_line = line_;
        ++pos_;
        const std::size_t start = pos_;
        std::string* copy = nullptr;  // set once the field differs from its bytes in the file
        bool closed = false;
        while (pos_ < text_.size()) {
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              if (!copy) copy = &r.unescaped.emplace_back(text_.substr(start, pos_ - start));  // up to one quote
              else copy->push_back('"');
              ++pos_;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line_;
            if (copy) copy->push_back(c);
          }
        }
        const std::size_t end = closed ? pos_ - 1 : pos_;
        if (!closed) {
          r.problem = fmt::format("a quoted field opened on line {} is never closed", quote_line);
          r.fields.push_back(copy ? std::string_view(*copy) : text_.substr(start, end - start));
          r.raw = text_.substr(record_start, pos_ - record_start);
          return;
        }
        // After a closing quote only a separator or the end of the record may follow.
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          if (r.problem.empty())
            r.problem = fmt::format("unexpected text after the closing quote of field {}", r.fields.size() + 1);
          if (!copy) copy = &r.unescaped.emplace_back(text_.substr(start, end - start));
          while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') copy->push_back(text_[pos_++]);
        }
        r.fields.push_back(copy ? std::string_view(*copy) : text_.substr(start, end - start));
      } else {
        const std::size_t start = pos_;
        pos_ = field_end(text_, pos_);
        std::string_view raw = text_.substr(start, pos_ - start);
        if (!raw.empty() && raw.back() == '\r' && (pos_ >= text_.size() || text_[pos_] == '\n')) raw.remove_suffix(1);
        r.fields.push_back(raw);
      }
      if (pos_ >= text_.size()) break;
      const char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      if (c == '\n' || c == '\r') {
        ++line_;
        break;
      }
    }
    r.raw = text_.substr(record_start, pos_ - record_start);
  }

  // The first ',' or line feed at or after `pos`, eight bytes at a time: most of a log's bytes
  // are in unquoted fields, and this is the loop every one of them goes through.
  static std::size_t field_end(std::string_view t, std::size_t pos) {
    if constexpr (std::endian::native == std::endian::little) {
      constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
      for (; pos + 8 <= t.size(); pos += 8) {
        std::uint64_t w;
        std::memcpy(&w, t.data() + pos, 8);
        const std::uint64_t comma = w ^ (ones * ','), line_feed = w ^ (ones * '\n');
        // The lowest byte flagged by the classic has-zero-byte test is always a true match.
        const std::uint64_t found = ((comma - ones) & ~comma & highs) | ((line_feed - ones) & ~line_feed & highs);
        if (found) return pos + static_cast<std::size_t>(std::countr_zero(found) >> 3);
      }
    }
    while (pos < t.size() && t[pos] != ',' && t[pos] != '\n') ++pos;
    return pos;
  }

  // Drops what was taken and appends the next chunk (as much again as is kept, for a record longer
  // than a chunk, so that reading it stays linear); false at the end of the file.
  bool refill() {
    if (!file_ || at_end_) return false;
    buffer_.erase(0, pos_);
    pos_ = 0;
    const std::size_t kept = buffer_.size();
    const std::size_t want = std::max(chunk_, kept);
    buffer_.resize(kept + want);
    const std::size_t got = std::fread(buffer_.data() + kept, 1, want, file_);
    buffer_.resize(kept + got);
    text_ = buffer_;
    if (got == 0) at_end_ = true;
    return got > 0;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  record_view view_;
  // Streaming only.
  std::FILE* file_ = nullptr;
  std::size_t chunk_ = 0;
  std::string buffer_;
  bool at_end_ = false;
};

}  // namespace remit
