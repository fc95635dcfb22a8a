// SHA-256 against the test vectors of FIPS 180-4 (and its base64 form, as CSP hashes want it).
#include <string>

#include <catch2/catch.hpp>

#include "core/digest.hpp"

using namespace remit;

TEST_CASE("sha256: the FIPS 180-4 test vectors", "[digest]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 448 bits: the padding and the length no longer fit in the message's last block.
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: every length around a block boundary gives 64 hex digits, and each a different digest", "[digest]") {
  std::string previous;
  for (std::size_t n = 50; n < 140; ++n) {
    const std::string h = sha256_hex(std::string(n, 'x'));
    CHECK(h.size() == 64);
    CHECK(h != previous);
    previous = h;
  }
  // 55, 56 and 64 bytes are where the padding changes shape.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("sha256: base64, as a Content-Security-Policy source hash", "[digest]") {
  CHECK(sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  CHECK(sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}
