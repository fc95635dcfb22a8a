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
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/text.hpp"
#include "inputs/scanned_file.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace remit {

class csv_records {
 public:
  explicit csv_records(std::string_view text) : text_(text) {}
  // Reads `file` (not closed here) `chunk` bytes at a time; a record longer than that grows the buffer.
  explicit csv_records(std::FILE* file, std::size_t chunk = std::size_t{1} << 22)
      : read_([file](char* into, std::size_t n) { return std::fread(into, 1, n, file); }), chunk_(chunk) {
    refill();
  }
  // The same from a log file being digested as it is read (scanned_file's rule for its blocks is
  // kept: see refill). The buffers outlive the digest's use of them (the destructor waits).
  explicit csv_records(scanned_file& file, std::size_t chunk = std::size_t{1} << 18)
      : read_([&file](char* into, std::size_t n) { return file.read(into, n); }),
        release_([&file] { file.wait_for_digest(); }),
        chunk_(chunk) {
    refill();
  }
  // The same, up to `limit.bytes` bytes of the file: the first part of a file read in two parts.
  struct up_to {
    std::uint64_t bytes = 0;
  };
  csv_records(scanned_file& file, up_to limit, std::size_t chunk = std::size_t{1} << 18)
      : read_([&file, left = limit.bytes](char* into, std::size_t n) mutable {
          const std::size_t got = file.read(into, static_cast<std::size_t>(std::min<std::uint64_t>(n, left)));
          left -= got;
          return got;
        }),
        release_([&file] { file.wait_for_digest(); }),
        chunk_(chunk) {
    refill();
  }
  ~csv_records() {
    if (release_) release_();
  }
  csv_records(const csv_records&) = delete;
  csv_records& operator=(const csv_records&) = delete;

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
    bool plain = false;  // ASCII without NUL, quotes or carriage returns: its bytes need no more checks
  };

  bool next(record_view& r) {
    while (true) {
      if (pos_ >= text_.size() && !refill()) return false;
      const std::size_t start = pos_;
      const std::uint32_t line = line_;
      parse(r);
      // A record that ran into the end of the buffer may go on in the file: read on, parse again.
      if (!read_ || at_end_ || pos_ < text_.size()) return true;
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
    while (read_ && text_.find_first_not_of(" \t\r\n", pos_) == std::string_view::npos && refill()) {
    }
    return text_.substr(pos_);
  }
  void skip(std::size_t n) { pos_ += n; }
  // The line the next record starts on.
  std::uint32_t next_line() const { return line_; }
  // Whether the last record ended inside a quoted field, at the end of the bytes: a part of a
  // file that ends so did not end between records.
  bool ended_inside_quotes() const { return open_at_end_; }

 private:
  void parse(record_view& r) {
    open_at_end_ = false;
    if (parse_plain(r)) return;
    r.plain = false;
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
          open_at_end_ = true;
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

  // The common record in one pass, sixteen bytes at a time: no quote, carriage return, NUL or
  // byte over 127 before its line feed, which lies in the buffer. False, having taken nothing, for
  // any other record, which the general parse then reads. Most of a log's rows are like this, and
  // reading them is most of a large audit.
  bool parse_plain(record_view& r) {
#if defined(__SSE2__)
    const char* const begin = text_.data() + pos_;
    const char* const end = text_.data() + text_.size();
    r.fields.clear();
    std::size_t field_start = 0;
    for (const char* p = begin; p + 16 <= end; p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const auto mask = [&](char c) { return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)))); };
      unsigned commas = mask(',');
      const unsigned line_feed = mask('\n');
      const unsigned odd = mask('"') | mask('\r') | mask('\0') | static_cast<unsigned>(_mm_movemask_epi8(v));
      const unsigned before = line_feed ? (line_feed & (0u - line_feed)) - 1 : 0xFFFFu;
      if (odd & before) return false;
      commas &= before;
      const auto at = static_cast<std::size_t>(p - begin);
      for (; commas; commas &= commas - 1) {
        const std::size_t comma = at + static_cast<std::size_t>(std::countr_zero(commas));
        r.fields.emplace_back(begin + field_start, comma - field_start);
        field_start = comma + 1;
      }
      if (line_feed) {
        const std::size_t eol = at + static_cast<std::size_t>(std::countr_zero(line_feed));
        r.fields.emplace_back(begin + field_start, eol - field_start);
        r.line = line_++;
        r.problem.clear();
        if (!r.unescaped.empty()) r.unescaped.clear();  // clearing a deque frees blocks: not for every row
        r.raw = std::string_view(begin, eol + 1);
        r.plain = true;
        pos_ += eol + 1;
        return true;
      }
    }
#endif
    (void)r;
    return false;
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

  // Moves what was not taken to the next buffer of the ring and reads the next chunk after it (as
  // much again as is kept, for a record longer than a chunk, so that reading it stays linear);
  // false at the end of the file. The bytes of a chunk stay where they were read until as many
  // more chunks have been read as the ring has buffers less one, so that whoever the file hands
  // them to as they are read (scanned_file's digest) can take them there, without a copy.
  bool refill() {
    if (!read_ || at_end_) return false;
    const std::size_t kept = text_.size() - pos_;
    const std::size_t want = std::max(chunk_, kept);
    buffer& next = buffers_[(current_ + 1) % std::size(buffers_)];
    if (next.capacity < kept + want) {
      next.capacity = kept + want;
      next.bytes.reset(new char[next.capacity]);  // not zeroed: a chunk is written before it is read
    }
    if (kept) std::memcpy(next.bytes.get(), text_.data() + pos_, kept);
    const std::size_t got = read_(next.bytes.get() + kept, want);
    text_ = std::string_view(next.bytes.get(), kept + got);
    pos_ = 0;
    current_ = (current_ + 1) % std::size(buffers_);
    if (got == 0) at_end_ = true;
    return got > 0;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  record_view view_;
  // Streaming only.
  std::function<std::size_t(char*, std::size_t)> read_;  // as fread
  std::function<void()> release_;  // before the buffers are freed
  std::size_t chunk_ = 0;
  struct buffer {
    std::unique_ptr<char[]> bytes;
    std::size_t capacity = 0;
  };
  buffer buffers_[scanned_file::blocks_kept + 1];
  std::size_t current_ = 0;
  bool at_end_ = false;
  bool open_at_end_ = false;
};

// What the readers of small CSV files (people, political groups) share: a record of nothing but
// white space is no row; the header is the first record that is not blank; a UTF-8 byte order
// mark, as Excel writes one, is not part of the first column's name.
inline bool blank_record(const csv_records::record& r) {
  return r.fields.size() == 1 && r.fields[0].find_first_not_of(" \t\r\n") == std::string::npos && r.problem.empty();
}
inline std::optional<csv_records::record> header_record(csv_records& records) {
  csv_records::record header;
  do {
    if (!records.next(header)) return std::nullopt;
  } while (blank_record(header));
  return header;
}
// Why a record cannot be read as a row of a file whose header has `columns` fields, or "".
inline std::string record_problem(const csv_records::record& r, std::size_t columns) {
  if (!r.problem.empty()) return r.problem;
  if (r.fields.size() != columns) return fmt::format("the row has {} fields but the header has {}", r.fields.size(), columns);
  for (const auto& f : r.fields) {
    if (!valid_utf8(f)) return not_utf8_words("the row", f);
    if (f.find('\0') != std::string::npos) return "the row is not valid UTF-8 text";
  }
  return {};
}
inline std::string_view without_bom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

}  // namespace remit
