// SHA-256 (FIPS 180-4), for identifiers that must stay the same from run to run: the
// Content-Security-Policy hash of the HTML report's style sheet, the UIDs of calendar
// entries, the fingerprints of SARIF results, and the digests of a report's manifest.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace remit {

std::array<std::uint8_t, 32> sha256(std::string_view data);

// The digest in lower-case hex ("ba7816bf...") and in base64 (as CSP source hashes want it).
std::string sha256_hex(std::string_view data);
std::string sha256_base64(std::string_view data);

// The digest of data given a block at a time, for a file too large to hold whole.
class sha256_stream {
 public:
  sha256_stream();
  ~sha256_stream();
  sha256_stream(const sha256_stream&) = delete;
  sha256_stream& operator=(const sha256_stream&) = delete;
  void add(std::string_view block);
  std::string hex();  // once, at the end

 private:
  void* context_;  // OpenSSL's EVP_MD_CTX, kept out of this header
};

}  // namespace remit
