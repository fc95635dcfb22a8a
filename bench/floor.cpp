// The raw floor of the whole-run comparison: the least any tool must do with the log, in plain
// C++ with nothing of remit. It reads the file through a fixed buffer, splits each row at its
// commas and parses two dates per row (the meeting's and the agenda's publication) into day
// numbers, and prints a checksum so that none of it can be optimised away.
//   floor LOG
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

// Days since 1970-01-01 of yyyy-mm-dd (H. Hinnant's days_from_civil); -1 for anything else.
std::int64_t day_number(const char* s, std::size_t n) {
  if (n != 10 || s[4] != '-' || s[7] != '-') return -1;
  const auto digit = [&](int i) { return s[i] - '0'; };
  int y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const unsigned m = static_cast<unsigned>(digit(5) * 10 + digit(6));
  const unsigned d = static_cast<unsigned>(digit(8) * 10 + digit(9));
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097LL + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: floor LOG\n");
    return 2;
  }
  std::FILE* f = std::fopen(argv[1], "rb");
  if (!f) {
    std::perror(argv[1]);
    return 2;
  }
  std::vector<char> buffer(1 << 20);
  std::size_t kept = 0, rows = 0;
  std::int64_t checksum = 0;
  bool header = true;
  while (true) {
    const std::size_t got = std::fread(buffer.data() + kept, 1, buffer.size() - kept, f);
    const std::size_t size = kept + got;
    const char* p = buffer.data();
    const char* end = p + size;
    while (true) {
      const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      if (!eol) break;
      if (!header) {
        // Fields: council, body, date, kind, status, title, to, published, items.
        const char* field[9] = {};
        std::size_t length[9] = {};
        int i = 0;
        const char* start = p;
        for (const char* c = p; c <= eol && i < 9; ++c)
          if (c == eol || *c == ',') {
            field[i] = start;
            length[i++] = static_cast<std::size_t>(c - start);
            start = c + 1;
          }
        checksum += day_number(field[2], length[2]) + (field[7] ? day_number(field[7], length[7]) : 0);
        ++rows;
      }
      header = false;
      p = eol + 1;
    }
    kept = static_cast<std::size_t>(end - p);
    std::memmove(buffer.data(), p, kept);
    if (got == 0) break;
  }
  std::fclose(f);
  std::printf("%zu rows, checksum %lld\n", rows, static_cast<long long>(checksum));
  return 0;
}
