// Shared by tests/core/zip_test.cpp and xlsx_test.cpp: writing small zip archives in memory
// (stored or raw-deflated by zlib), and poking at their header fields to make broken ones.
#pragma once
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace seglens::test {

struct ZipPart {
  std::string name;
  std::string data;
  bool deflate = true;
};

inline void put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
inline void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}
inline void set16(std::string& s, size_t at, uint32_t v) {
  s[at] = static_cast<char>(v & 0xFF);
  s[at + 1] = static_cast<char>((v >> 8) & 0xFF);
}
inline void set32(std::string& s, size_t at, uint32_t v) {
  set16(s, at, v & 0xFFFF);
  set16(s, at + 2, v >> 16);
}
inline uint32_t get32(std::string_view s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24);
}

inline std::string raw_deflate(std::string_view data) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = const_cast<Bytef*>(reinterpret_cast<const Bytef*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A zip archive of `parts`, in order, with an optional archive comment.
inline std::string make_zip(const std::vector<ZipPart>& parts, std::string_view comment = {}) {
  std::string out, central;
  for (const ZipPart& p : parts) {
    const uint32_t crc = static_cast<uint32_t>(
        crc32(0L, reinterpret_cast<const Bytef*>(p.data.data()), static_cast<uInt>(p.data.size())));
    const std::string body = p.deflate ? raw_deflate(p.data) : p.data;
    const uint32_t offset = static_cast<uint32_t>(out.size());
    const uint32_t method = p.deflate ? 8 : 0;
    put32(out, 0x04034b50);
    put16(out, 20);
    put16(out, 0x0800);  // UTF-8 names
    put16(out, method);
    put16(out, 0);
    put16(out, 0x5821);
    put32(out, crc);
    put32(out, static_cast<uint32_t>(body.size()));
    put32(out, static_cast<uint32_t>(p.data.size()));
    put16(out, static_cast<uint32_t>(p.name.size()));
    put16(out, 0);
    out += p.name;
    out += body;
    put32(central, 0x02014b50);
    put16(central, 20);
    put16(central, 20);
    put16(central, 0x0800);
    put16(central, method);
    put16(central, 0);
    put16(central, 0x5821);
    put32(central, crc);
    put32(central, static_cast<uint32_t>(body.size()));
    put32(central, static_cast<uint32_t>(p.data.size()));
    put16(central, static_cast<uint32_t>(p.name.size()));
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put16(central, 0);
    put32(central, 0);
    put32(central, offset);
    central += p.name;
  }
  const uint32_t cd_offset = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(parts.size()));
  put16(out, static_cast<uint32_t>(parts.size()));
  put32(out, static_cast<uint32_t>(central.size()));
  put32(out, cd_offset);
  put16(out, static_cast<uint32_t>(comment.size()));
  out += comment;
  return out;
}

// Offsets into an archive: of the end record, and of entry `name`'s central and local headers.
inline size_t end_record(std::string_view zip) {
  for (size_t p = zip.size() - 22 + 1; p-- > 0;)
    if (get32(zip, p) == 0x06054b50) return p;
  return std::string::npos;
}
inline size_t central_header(std::string_view zip, std::string_view name) {
  size_t p = get32(zip, end_record(zip) + 16);
  while (get32(zip, p) == 0x02014b50) {
    const size_t n = static_cast<unsigned char>(zip[p + 28]) | (static_cast<unsigned char>(zip[p + 29]) << 8);
    const size_t x = static_cast<unsigned char>(zip[p + 30]) | (static_cast<unsigned char>(zip[p + 31]) << 8);
    const size_t c = static_cast<unsigned char>(zip[p + 32]) | (static_cast<unsigned char>(zip[p + 33]) << 8);
    if (zip.substr(p + 46, n) == name) return p;
    p += 46 + n + x + c;
  }
  return std::string::npos;
}
inline size_t local_header(std::string_view zip, std::string_view name) {
  return get32(zip, central_header(zip, name) + 42);
}
// Where entry `name`'s data starts.
inline size_t entry_data(std::string_view zip, std::string_view name) {
  const size_t l = local_header(zip, name);
  const size_t n = static_cast<unsigned char>(zip[l + 26]) | (static_cast<unsigned char>(zip[l + 27]) << 8);
  const size_t x = static_cast<unsigned char>(zip[l + 28]) | (static_cast<unsigned char>(zip[l + 29]) << 8);
  return l + 30 + n + x;
}

}  // namespace seglens::test
