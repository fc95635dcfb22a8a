// remit fmt: the canonical layout (docs/tools.md).
//
// Every line of a parsed file is a node (a setting, a body's opening or closing line, a
// statement), a comment line or a blank line. A comment after a node on its line stays on
// that line. Comment lines belong to the node below them and move with it, except those
// right under a node and followed by a blank line: they are its footnote and stay under it.
// Comments above the first node of the file (or of a body), up to the last blank line before
// it, are a heading and stay at the top. Settings are ordered council, calendar, year starts,
// waivers (a setting written twice keeps both lines, in their order: the last still wins),
// and come before the statements of a body; statements (and clauses not checked) keep their
// order, which is part of their identity.
#include "language/formatter.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"

namespace remit {

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> out;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t i = 0;
  while (i < line.size()) {
    if (space(line[i])) {
      ++i;
      continue;
    }
    if (line[i] == '#') break;
    const std::size_t begin = i;
    while (i < line.size() && !space(line[i]) && line[i] != '#') {
      if (line[i] != '"') {
        ++i;
        continue;
      }
      // A string runs to its closing quote; \" and \\ do not close it.
      for (++i; i < line.size() && line[i] != '"'; ++i)
        if (line[i] == '\\' && i + 1 < line.size()) ++i;
      if (i < line.size()) ++i;
    }
    out.push_back(line.substr(begin, i - begin));
  }
  return out;
}

namespace {

constexpr std::string_view indent = "  ";

std::string joined(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

int setting_order(ast::setting_kind k) {
  switch (k) {
    case ast::setting_kind::council: return 0;
    case ast::setting_kind::calendar: return 1;
    case ast::setting_kind::year_start: return 2;
    case ast::setting_kind::waiver: return 3;
  }
  return 3;
}

// One output line before trailing comments are aligned.
struct row {
  enum class kind { blank, comment, node, opens, closes };
  kind what = kind::blank;
  bool nested = false;   // inside a body: indented
  std::string content;   // without indentation
  std::string trailing;  // a trailing comment, or empty
};

// Blank lines and comment lines between two nodes.
struct trivia {
  bool blank = false;
  std::string comment;
};

class formatter {
 public:
  explicit formatter(const ast::rule_file& file) : file_(file) {
    std::size_t begin = 0;
    while (begin <= file.text.size()) {
      std::size_t end = file.text.find('\n', begin);
      if (end == std::string::npos) end = file.text.size();
      std::string_view line(file.text.data() + begin, end - begin);
      if (lines_.empty() && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      if (end == file.text.size()) break;
      begin = end + 1;
    }
    for (const ast::comment& c : file.comments) (c.trailing ? trailing_ : standalone_)[c.where.line] = c.text;
    blank_.insert(file.blank_lines.begin(), file.blank_lines.end());
    for (const ast::setting_line& s : file.defaults.written) node_lines_.insert(s.where.line);
    std::set<std::uint32_t> opens;
    for (const ast::body& b : file.bodies) {
      node_lines_.insert(b.where.line);
      opens.insert(b.where.line);
      node_lines_.insert(b.close_at.line);
      for (const ast::setting_line& s : b.overrides.written) node_lines_.insert(s.where.line);
      for (const ast::statement& s : b.statements) node_lines_.insert(s.where.line);
      for (const ast::not_checked_clause& c : b.not_checked) node_lines_.insert(c.where.line);
    }
    // Footnotes: a body's opening line has a heading instead (split_heading).
    const std::uint32_t end = static_cast<std::uint32_t>(lines_.size() + 1);
    for (auto it = node_lines_.begin(); it != node_lines_.end(); ++it) {
      if (opens.contains(*it)) continue;
      const std::uint32_t next = std::next(it) == node_lines_.end() ? end : *std::next(it);
      const std::vector<trivia> after = trivia_between(*it, next);
      const auto blank = std::find_if(after.begin(), after.end(), [](const trivia& t) { return t.blank; });
      if (blank == after.begin() || blank == after.end()) continue;
      footnotes_[*it].assign(after.begin(), blank);
      heading_taken_[next] = static_cast<std::size_t>(blank - after.begin());
    }
  }

  std::string run() {
    // The heading of the file stays at the top, whatever moves below it.
    std::vector<trivia> heading;
    std::uint32_t first_node = node_lines_.empty() ? 0 : *node_lines_.begin();
    if (first_node != 0) heading = split_heading(first_node);
    add_trivia(heading, false);
    separate();

    for (const ast::setting_line* s : in_order(file_.defaults.written)) {
      add_trivia(leading(s->where.line), false);
      add_node(row::kind::node, false, setting_text(*s), s->where.line);
    }
    for (const ast::body& b : file_.bodies) {
      separate();
      add_body(b);
    }
    separate();
    const std::uint32_t end = static_cast<std::uint32_t>(lines_.size() + 1);
    std::vector<trivia> tail = trivia_between(node_lines_.empty() ? 0 : *node_lines_.rbegin(), end);
    if (const auto taken = heading_taken_.find(end); taken != heading_taken_.end())
      tail.erase(tail.begin(), tail.begin() + static_cast<long>(taken->second));
    add_trivia(tail, false);
    return render(normalised());
  }

 private:
  void add_body(const ast::body& b) {
    add_trivia(leading(b.where.line), false);
    std::string opening = b.every_body ? std::string("body *") : "body " + quoted(b.name);
    for (std::size_t k = 0; k < b.also.size(); ++k) opening += (k == 0 ? " also " : " and ") + quoted(b.also[k]);
    if (b.in_force_from) opening += " from " + to_iso(*b.in_force_from);
    add_node(row::kind::opens, false, opening + " {", b.where.line);

    std::uint32_t first_inside = b.close_at.line;
    for (const ast::setting_line& s : b.overrides.written) first_inside = std::min(first_inside, s.where.line);
    for (const ast::statement& s : b.statements) first_inside = std::min(first_inside, s.where.line);
    for (const ast::not_checked_clause& c : b.not_checked) first_inside = std::min(first_inside, c.where.line);
    if (first_inside != b.close_at.line) add_trivia(split_heading(first_inside), true);

    for (const ast::setting_line* s : in_order(b.overrides.written)) {
      add_trivia(leading(s->where.line), true);
      add_node(row::kind::node, true, setting_text(*s), s->where.line);
    }
    // Statements and clauses not checked, in the order written, their labels in one column.
    std::map<std::uint32_t, std::pair<std::string, std::string>> lines;  // line → label, the rest
    for (const ast::statement& s : b.statements) lines[s.where.line] = {s.label, statement_text(s)};
    for (const ast::not_checked_clause& c : b.not_checked) lines[c.where.line] = {c.label, "not checked " + quoted(c.reason)};
    std::size_t width = 0;
    for (const auto& [at, line] : lines) width = std::max(width, utf8_length(line.first));
    for (const auto& [at, line] : lines) {
      add_trivia(leading(at), true);
      const std::string pad(width - utf8_length(line.first) + 2, ' ');
      add_node(row::kind::node, true, line.first + pad + line.second, at);
    }
    add_trivia(leading(b.close_at.line), true);
    add_node(row::kind::closes, false, "}", b.close_at.line);
  }

  // The rule's words, then each modifier after a comma and one space, in the order written.
  static std::string statement_text(const ast::statement& s) {
    std::string out = joined(words_of(std::string_view(s.text).substr(0, s.rule_chars)));
    for (const ast::modifier_written& m : s.modifiers.written) out += ", " + joined(words_of(m.text));
    return out;
  }

  // Settings in their fixed order; a stable sort keeps repeated settings in file order.
  static std::vector<const ast::setting_line*> in_order(const std::vector<ast::setting_line>& written) {
    std::vector<const ast::setting_line*> out;
    for (const ast::setting_line& s : written) out.push_back(&s);
    std::stable_sort(out.begin(), out.end(), [](const ast::setting_line* a, const ast::setting_line* b) {
      return setting_order(a->kind) < setting_order(b->kind);
    });
    return out;
  }

  std::string setting_text(const ast::setting_line& s) const {
    std::vector<std::string_view> words = words_of(line(s.where.line));
    if (s.kind != ast::setting_kind::year_start || words.size() != 4) return joined(words);
    // year starts 1 MONTH: the day can only be 1; month names are written as in English prose.
    std::string month(words[3]);
    for (char& c : month) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    month[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(month[0])));
    return "year starts 1 " + month;
  }

  std::string_view line(std::uint32_t n) const { return n >= 1 && n <= lines_.size() ? lines_[n - 1] : std::string_view{}; }

  // The blank and comment lines strictly between two lines.
  std::vector<trivia> trivia_between(std::uint32_t after, std::uint32_t before) const {
    std::vector<trivia> out;
    for (std::uint32_t n = after + 1; n < before; ++n) {
      if (const auto c = standalone_.find(n); c != standalone_.end())
        out.push_back({false, c->second});
      else if (blank_.contains(n))
        out.push_back({true, {}});
    }
    return out;
  }

  // The comment lines that belong to the node on line n: those since the node before it,
  // less a heading already taken.
  std::vector<trivia> leading(std::uint32_t n) const {
    const auto it = node_lines_.find(n);
    const std::uint32_t before = it == node_lines_.begin() ? 0 : *std::prev(it);
    std::vector<trivia> out = trivia_between(before, n);
    if (const auto taken = heading_taken_.find(n); taken != heading_taken_.end())
      out.erase(out.begin(), out.begin() + static_cast<long>(taken->second));
    return out;
  }

  // Comments above node n up to the last blank line before it are a heading: they stay put.
  std::vector<trivia> split_heading(std::uint32_t n) {
    std::vector<trivia> all = leading(n);
    std::size_t last_blank = all.size();
    for (std::size_t i = 0; i < all.size(); ++i)
      if (all[i].blank) last_blank = i;
    if (last_blank == all.size()) return {};
    heading_taken_[n] += last_blank + 1;
    all.resize(last_blank + 1);
    return all;
  }

  void add_trivia(const std::vector<trivia>& t, bool nested) {
    for (const trivia& x : t) rows_.push_back(x.blank ? row{} : row{row::kind::comment, nested, x.comment, {}});
  }
  void add_node(row::kind k, bool nested, std::string content, std::uint32_t at) {
    const auto c = trailing_.find(at);
    rows_.push_back({k, nested, std::move(content), c == trailing_.end() ? std::string{} : c->second});
    if (const auto f = footnotes_.find(at); f != footnotes_.end()) add_trivia(f->second, nested);
  }
  void separate() { rows_.push_back({}); }

  // No blank line at the start or end of the file or of a body, and never two in a row.
  std::vector<row> normalised() const {
    std::vector<row> out;
    for (const row& r : rows_) {
      if (r.what == row::kind::blank) {
        if (out.empty() || out.back().what == row::kind::blank || out.back().what == row::kind::opens) continue;
      } else if (r.what == row::kind::closes && !out.empty() && out.back().what == row::kind::blank) {
        out.pop_back();
      }
      out.push_back(r);
    }
    while (!out.empty() && out.back().what == row::kind::blank) out.pop_back();
    return out;
  }

  // Trailing comments line up within a run of node lines at one indentation.
  static std::string render(const std::vector<row>& rows) {
    std::string out;
    std::size_t run_begin = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto in_run = [&](std::size_t j) {
        return rows[j].what != row::kind::blank && rows[j].what != row::kind::comment && rows[j].nested == rows[i].nested;
      };
      if (i == 0 || !in_run(i) || !in_run(i - 1)) run_begin = i;
      std::size_t column = 0;
      if (in_run(i) && !rows[i].trailing.empty())
        for (std::size_t j = run_begin; j < rows.size() && in_run(j); ++j)
          if (!rows[j].trailing.empty()) column = std::max(column, utf8_length(rows[j].content) + 2);
      const row& r = rows[i];
      if (r.what != row::kind::blank) {
        if (r.nested) out += indent;
        out += r.content;
        if (!r.trailing.empty()) {
          out.append(column - utf8_length(r.content), ' ');
          out += r.trailing;
        }
      }
      out += '\n';
    }
    return out;
  }

  const ast::rule_file& file_;
  std::vector<std::string_view> lines_;
  std::map<std::uint32_t, std::string> trailing_;
  std::map<std::uint32_t, std::string> standalone_;
  std::set<std::uint32_t> blank_;
  std::set<std::uint32_t> node_lines_;
  std::map<std::uint32_t, std::size_t> heading_taken_;  // node line → how much of its leading trivia is not its own
  std::map<std::uint32_t, std::vector<trivia>> footnotes_;
  std::vector<row> rows_;
};

}  // namespace

std::string format_rule_file(const ast::rule_file& file) { return formatter(file).run(); }

}  // namespace remit
