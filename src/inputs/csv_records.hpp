// RFC 4180 records, field by field, for every reader of CSV files (meeting logs and the
// files of people). Each record keeps its first line number, and a record that cannot be
// read as it stands says why rather than stopping the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace remit {

class csv_records {
 public:
  explicit csv_records(std::string_view text) : text_(text) {}

  struct record {
    std::uint32_t line = 0;
    std::vector<std::string> fields;
    std::string problem;  // non-empty: the record cannot be read as it stands
  };

  bool next(record& r) {
    if (pos_ >= text_.size()) return false;
    r.line = line_;
    r.fields.clear();
    r.problem.clear();
    std::string field;
    std::uint32_t quote_line = 0;
    while (true) {
      field.clear();
      if (pos_ < text_.size() && text_[pos_] == '"') {
        quote_line = line_;
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field.push_back('"');
              ++pos_;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line_;
            field.push_back(c);
          }
        }
        if (!closed) {
          r.problem = fmt::format("a quoted field opened on line {} is never closed", quote_line);
          r.fields.push_back(std::move(field));
          return true;
        }
        // After a closing quote only a separator or the end of the record may follow.
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
          if (r.problem.empty())
            r.problem = fmt::format("unexpected text after the closing quote of field {}", r.fields.size() + 1);
          while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') field.push_back(text_[pos_++]);
        }
      } else {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
        std::string_view raw = text_.substr(start, pos_ - start);
        if (!raw.empty() && raw.back() == '\r' && (pos_ >= text_.size() || text_[pos_] == '\n')) raw.remove_suffix(1);
        field.assign(raw);
      }
      r.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      if (c == '\n' || c == '\r') {
        ++line_;
        return true;
      }
    }
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
};

}  // namespace remit
