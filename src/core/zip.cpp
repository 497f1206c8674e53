// Seglens core: reading entries of a zip archive held in memory (see include/seglens/zip.hpp).
//
// Layout (APPNOTE.TXT): [local header + data]... [central directory] [end of central directory].
// open() finds the end record (searching backwards past a trailing comment), then reads every
// central directory record; read() checks the entry's local header and inflates its data.
// Every read of a header field is bounds-checked against the buffer: the bytes are untrusted.
#include "seglens/zip.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace seglens {

namespace {

constexpr uint32_t kLocalSig = 0x04034b50;    // "PK\3\4"
constexpr uint32_t kCentralSig = 0x02014b50;  // "PK\1\2"
constexpr uint32_t kEndSig = 0x06054b50;      // "PK\5\6"
constexpr uint32_t kZip64LocatorSig = 0x07064b50;
constexpr size_t kLocalSize = 30;
constexpr size_t kCentralSize = 46;
constexpr size_t kEndSize = 22;
constexpr size_t kMaxComment = 0xFFFF;
// Deflate cannot expand data by more than 1032:1; a declared size beyond that is a lie (and
// allocating it would be the zip bomb).
constexpr uint64_t kMaxDeflateRatio = 1032;

uint16_t le16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
uint32_t le32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
         (static_cast<uint32_t>(p[3]) << 24);
}

const unsigned char* at(std::string_view bytes, size_t offset) {
  return reinterpret_cast<const unsigned char*>(bytes.data()) + offset;
}

// True when [offset, offset + size) lies inside a buffer of `total` bytes (no overflow).
bool fits(uint64_t offset, uint64_t size, uint64_t total) { return offset <= total && size <= total - offset; }

// An entry name for messages: printable ASCII kept, the rest as '?', cut to 100 bytes.
std::string quoted(std::string_view name) {
  std::string out = "'";
  for (size_t i = 0; i < name.size() && i < 100; ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    out.push_back(c >= 0x20 && c != 0x7F ? static_cast<char>(c) : '?');
  }
  if (name.size() > 100) out += "...";
  return out + "'";
}

const char* method_name(uint32_t method) {
  switch (method) {
    case 1: return "shrink";
    case 6: return "implode";
    case 9: return "deflate64";
    case 12: return "bzip2";
    case 14: return "LZMA";
    case 93: return "zstd";
    case 95: return "xz";
    case 98: return "PPMd";
    case 99: return "AES encryption";
    default: return "an unknown method";
  }
}

}  // namespace

bool ZipArchive::open(std::string_view bytes, std::string& error) {
  bytes_ = {};
  entries_.clear();
  const size_t n = bytes.size();
  const bool starts_like_zip = n >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
  if (n == 0) {
    error = "not a zip archive: the file is empty";
    return false;
  }
  if (n < kEndSize) {
    error = starts_like_zip ? "truncated zip archive: only " + std::to_string(n) + " bytes"
                            : "not a zip archive (too short)";
    return false;
  }

  // The end record is the last thing in the file, followed only by its comment (<= 64 KiB).
  size_t end_pos = std::string_view::npos;
  const size_t lowest = n - kEndSize > kMaxComment ? n - kEndSize - kMaxComment : 0;
  for (size_t pos = n - kEndSize + 1; pos-- > lowest;) {
    const unsigned char* p = at(bytes, pos);
    if (p[0] != 'P' || le32(p) != kEndSig) continue;
    // A comment that claims to run past the end means this "PK\5\6" is just data; a shorter one
    // leaves trailing garbage, which is tolerated.
    if (le16(p + 20) <= n - pos - kEndSize) {
      end_pos = pos;
      break;
    }
  }
  if (end_pos == std::string_view::npos) {
    if (starts_like_zip)
      error = "truncated or damaged zip archive: the end of its central directory is missing";
    else
      error = "not a zip archive";
    return false;
  }

  const unsigned char* e = at(bytes, end_pos);
  const uint16_t disk = le16(e + 4);
  const uint16_t cd_disk = le16(e + 6);
  const uint16_t count_here = le16(e + 8);
  const uint16_t count = le16(e + 10);
  const uint32_t cd_size = le32(e + 12);
  const uint32_t cd_offset = le32(e + 16);
  const bool zip64_locator = end_pos >= 20 && le32(at(bytes, end_pos - 20)) == kZip64LocatorSig;
  if (count == 0xFFFF || cd_size == 0xFFFFFFFF || cd_offset == 0xFFFFFFFF) {
    error = zip64_locator ? "zip64 archives are not supported" : "damaged zip archive: bad end of central directory";
    return false;
  }
  if (disk != 0 || cd_disk != 0 || count_here != count) {
    error = "multi-disk (split) zip archives are not supported";
    return false;
  }
  if (!fits(cd_offset, cd_size, end_pos)) {
    error = "truncated or damaged zip archive: the central directory lies outside the file";
    return false;
  }

  std::vector<ZipEntry> entries;
  entries.reserve(count);
  size_t pos = cd_offset;
  const size_t cd_end = static_cast<size_t>(cd_offset) + cd_size;
  for (size_t i = 0; i < count; ++i) {
    if (!fits(pos, kCentralSize, cd_end) || le32(at(bytes, pos)) != kCentralSig) {
      error = "damaged zip archive: central directory record " + std::to_string(i + 1) + " of " +
              std::to_string(count) + " is missing or broken";
      return false;
    }
    const unsigned char* c = at(bytes, pos);
    const uint16_t name_len = le16(c + 28);
    const uint16_t extra_len = le16(c + 30);
    const uint16_t comment_len = le16(c + 32);
    const size_t record = kCentralSize + name_len + extra_len + comment_len;
    if (!fits(pos, record, cd_end)) {
      error = "damaged zip archive: central directory record " + std::to_string(i + 1) + " runs past its end";
      return false;
    }
    ZipEntry z;
    z.name.assign(reinterpret_cast<const char*>(c + kCentralSize), name_len);
    z.method = le16(c + 10);
    z.crc32 = le32(c + 16);
    z.compressed_size = le32(c + 20);
    z.uncompressed_size = le32(c + 24);
    z.local_header_offset = le32(c + 42);
    if (z.compressed_size == 0xFFFFFFFF || z.uncompressed_size == 0xFFFFFFFF || z.local_header_offset == 0xFFFFFFFF ||
        le16(c + 34) == 0xFFFF) {
      error = "zip64 archives are not supported (entry " + quoted(z.name) + ")";
      return false;
    }
    if (!fits(z.local_header_offset, kLocalSize, n)) {
      error = "truncated or damaged zip archive: entry " + quoted(z.name) + " starts outside the file";
      return false;
    }
    entries.push_back(std::move(z));
    pos += record;
  }
  bytes_ = bytes;
  entries_ = std::move(entries);
  return true;
}

const ZipEntry* ZipArchive::find(std::string_view name) const {
  for (const ZipEntry& e : entries_)
    if (e.name == name) return &e;
  return nullptr;
}

bool ZipArchive::read(const ZipEntry& e, std::string& out, std::string& error, uint64_t max_size) const {
  out.clear();
  const std::string_view bytes = bytes_;
  const std::string what = "entry " + quoted(e.name);
  if (!fits(e.local_header_offset, kLocalSize, bytes.size()) || le32(at(bytes, e.local_header_offset)) != kLocalSig) {
    error = "damaged zip archive: the local header of " + what + " is missing";
    return false;
  }
  const unsigned char* h = at(bytes, e.local_header_offset);
  const uint16_t flags = le16(h + 6);
  if (flags & 1u) {
    error = what + " is encrypted (password-protected files are not supported)";
    return false;
  }
  if (e.method != 0 && e.method != 8) {
    error = what + " uses compression method " + std::to_string(e.method) + " (" + method_name(e.method) +
            "); only stored and deflate are supported";
    return false;
  }
  const uint64_t data = e.local_header_offset + kLocalSize + le16(h + 26) + le16(h + 28);
  if (!fits(data, e.compressed_size, bytes.size())) {
    error = "truncated zip archive: the data of " + what + " runs past the end of the file";
    return false;
  }
  if (e.uncompressed_size > max_size) {
    error = what + " is too large: " + std::to_string(e.uncompressed_size) + " bytes uncompressed, the limit is " +
            std::to_string(max_size);
    return false;
  }
  const unsigned char* src = at(bytes, static_cast<size_t>(data));

  if (e.method == 0) {
    if (e.compressed_size != e.uncompressed_size) {
      error = "damaged zip archive: stored " + what + " has different compressed and uncompressed sizes";
      return false;
    }
    out.assign(reinterpret_cast<const char*>(src), static_cast<size_t>(e.compressed_size));
  } else {
    if (e.uncompressed_size > e.compressed_size * kMaxDeflateRatio + 1024) {
      error = "damaged zip archive: " + what + " claims " + std::to_string(e.uncompressed_size) +
              " bytes from only " + std::to_string(e.compressed_size) + " compressed";
      return false;
    }
    if (e.uncompressed_size >= std::numeric_limits<uInt>::max() || e.compressed_size > std::numeric_limits<uInt>::max()) {
      error = what + " is too large";
      return false;
    }
    // One byte more than declared: inflating into it means the entry is larger than it says.
    out.resize(static_cast<size_t>(e.uncompressed_size) + 1);
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) {
      error = "cannot start inflating " + what;
      out.clear();
      return false;
    }
    zs.next_in = const_cast<Bytef*>(reinterpret_cast<const Bytef*>(src));
    zs.avail_in = static_cast<uInt>(e.compressed_size);
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&zs, Z_FINISH);  // all input and all output space at once: one call
    const uint64_t produced = zs.total_out;
    const std::string msg = zs.msg ? zs.msg : "";
    inflateEnd(&zs);
    if (rc == Z_STREAM_END && produced == e.uncompressed_size) {
      out.resize(static_cast<size_t>(produced));
    } else {
      out.clear();
      if (rc == Z_STREAM_END || (rc == Z_BUF_ERROR && produced > e.uncompressed_size)) {
        error = "damaged zip archive: " + what + " inflates to " + (produced > e.uncompressed_size ? "more" : "fewer") +
                " bytes than the " + std::to_string(e.uncompressed_size) + " it declares";
      } else if (rc == Z_BUF_ERROR) {
        error = "damaged zip archive: the compressed data of " + what + " ends early";
      } else if (rc == Z_MEM_ERROR) {
        error = "out of memory inflating " + what;
      } else {
        error = "damaged zip archive: corrupt compressed data in " + what + (msg.empty() ? "" : " (" + msg + ")");
      }
      return false;
    }
  }

  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(out.data()), static_cast<uInt>(out.size()));
  if (static_cast<uint32_t>(crc) != e.crc32) {
    out.clear();
    error = "damaged zip archive: CRC mismatch in " + what;
    return false;
  }
  return true;
}

}  // namespace seglens
