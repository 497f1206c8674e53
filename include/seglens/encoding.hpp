// Seglens core: text encodings. Files arrive as UTF-8 (with or without BOM), UTF-16 LE/BE
// (Excel's "Unicode Text"), GBK/GB18030 (Excel on Chinese Windows) or Big5; everything past the
// reader is UTF-8. Conversion uses iconv (glibc natively, musl in the wasm build).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace seglens {

enum class Encoding : uint8_t { Utf8, Utf16LE, Utf16BE, Gb18030, Big5, Windows1252 };
std::string_view to_string(Encoding e);  // "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5", "Windows-1252"
// Accepts common names case-insensitively: utf8, utf-8, gbk, gb2312, gb18030, cp936, big5, utf-16le, ...
// GBK and GB2312 map to GB18030 (a superset). False for an unknown name.
bool parse_encoding(std::string_view name, Encoding& out);

struct EncodingGuess {
  Encoding encoding = Encoding::Utf8;
  size_t bom_length = 0;     // bytes of byte-order mark at the start (to skip)
  bool from_bom = false;
  double confidence = 0;     // 0..1
  std::string reason;        // e.g. "UTF-8 byte-order mark", "not valid UTF-8; GB18030 fits 99.8% of pairs"
};

// Looks at the first bytes of a file (64 KB is plenty) and guesses its encoding. A prefix cut in
// the middle of a multi-byte character must not count against UTF-8.
EncodingGuess detect_encoding(std::string_view head);

// Streaming conversion to UTF-8. Feed chunks as they come; a multi-byte character split across
// chunks is carried over. Bytes that are invalid in the source encoding become U+FFFD and are
// counted (with the offset of the first one), never dropped silently.
class Utf8Decoder {
 public:
  explicit Utf8Decoder(Encoding from);
  ~Utf8Decoder();
  // Appends the UTF-8 of `in` (minus an incomplete tail, kept for the next call) to `out`.
  void feed(std::string_view in, std::string& out);
  // Flushes a dangling incomplete sequence (as U+FFFD).
  void finish(std::string& out);
  uint64_t invalid_count() const;
  uint64_t first_invalid_offset() const;   // byte offset in the input; meaningful if invalid_count() > 0

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `s` is well-formed UTF-8 (an incomplete sequence at the very end is allowed when
// `allow_truncated_tail`).
bool is_valid_utf8(std::string_view s, bool allow_truncated_tail = false);

}  // namespace seglens
