// libFuzzer target for src/core/encoding.cpp: detect_encoding, Utf8Decoder (every encoding) and
// is_valid_utf8 on arbitrary bytes. Any broken invariant is a __builtin_trap():
// - the decoder's output is well-formed UTF-8, by is_valid_utf8 and by a small independent check;
// - feeding the input in chunks gives the same output, invalid count and first invalid offset as
//   one feed, for several chunkings drawn from a generator seeded with the input's first bytes
//   (empty chunks included);
// - the first invalid offset lies inside the input; valid UTF-8 comes out of the UTF-8 decoder
//   unchanged and without invalid bytes, invalid UTF-8 never does;
// - detect_encoding gives a BOM length that is 0 or matches from_bom, a confidence in 0..1, a
//   reason, and is deterministic.
//
// Build and run: fuzz/run.sh 180 encoding (seeds in fuzz/corpus/encoding/), or by hand:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude \
//     src/core/encoding.cpp fuzz/fuzz_encoding.cpp -o build/fuzz_encoding
//   build/fuzz_encoding -max_total_time=180 fuzz/corpus/encoding
// fuzz-sources: src/core/encoding.cpp
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "seglens/encoding.hpp"

namespace {

using seglens::Encoding;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

// Well-formed UTF-8 per Unicode Table 3-7, written independently of encoding.cpp.
bool reference_valid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  auto at = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k])); };
  while (i < n) {
    unsigned c = at(i);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((at(i + k) & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (at(i + k) & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    i += len;
  }
  return true;
}

struct Result {
  std::string text;
  uint64_t invalid = 0;
  uint64_t first = 0;
  bool operator==(const Result& o) const {
    return text == o.text && invalid == o.invalid && (invalid == 0 || first == o.first);
  }
};

Result decode(Encoding e, std::string_view in, const std::vector<size_t>& sizes) {
  seglens::Utf8Decoder d(e);
  Result r;
  size_t at = 0;
  for (size_t s : sizes) {
    if (at >= in.size()) break;
    size_t take = s < in.size() - at ? s : in.size() - at;
    d.feed(in.substr(at, take), r.text);
    at += take;
  }
  d.feed(in.substr(at), r.text);
  d.finish(r.text);
  r.invalid = d.invalid_count();
  r.first = d.first_invalid_offset();
  return r;
}

// xorshift64*, seeded by the input's first bytes.
struct Rng {
  uint64_t x;
  uint64_t next() {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    return x * 2685821657736338717ull;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);

  // Detection
  seglens::EncodingGuess g = seglens::detect_encoding(in);
  check(g.confidence >= 0 && g.confidence <= 1);
  check(!g.reason.empty());
  check(g.bom_length <= size);
  check(g.from_bom == (g.bom_length > 0));
  seglens::EncodingGuess again = seglens::detect_encoding(in);
  check(again.encoding == g.encoding && again.bom_length == g.bom_length && again.reason == g.reason);

  // is_valid_utf8 against the reference
  bool valid = seglens::is_valid_utf8(in);
  check(valid == reference_valid_utf8(in));
  if (valid) check(seglens::is_valid_utf8(in, true));

  uint64_t seed = 0x9E3779B97F4A7C15ull ^ size;
  for (size_t k = 0; k < 8 && k < size; ++k) seed = (seed << 8 | (seed >> 56)) ^ data[k];
  Rng rng{seed | 1};

  for (Encoding e : {Encoding::Utf8, Encoding::Utf16LE, Encoding::Utf16BE, Encoding::Gb18030, Encoding::Big5}) {
    Result whole = decode(e, in, {});
    check(seglens::is_valid_utf8(whole.text));
    check(reference_valid_utf8(whole.text));
    if (whole.invalid > 0) check(whole.first < size);
    if (whole.invalid == 0 && size > 0) check(!whole.text.empty());
    if (e == Encoding::Utf8) {
      check(valid == (whole.invalid == 0));
      if (valid) check(whole.text == in);
    }
    // Chunkings: small pieces (0..4 bytes, where carries happen), medium, and byte by byte; for
    // long inputs (fuzz/run.sh allows 1 MiB) larger pieces, so one input stays well under a second.
    bool small = size <= 16384;
    for (int round = 0; round < (small ? 3 : 2); ++round) {
      std::vector<size_t> sizes;
      size_t total = 0;
      while (total < size) {
        size_t s = !small ? rng.next() % (round == 0 ? 67 : 4099)
                   : round == 0 ? rng.next() % 5
                   : round == 1 ? rng.next() % 37
                                : 1;
        sizes.push_back(s);
        total += s;
      }
      check(decode(e, in, sizes) == whole);
    }
  }
  return 0;
}
