// Seglens core: reading entries of a zip archive held in memory (what xlsx files are).
// Stored and deflated entries; inflate by zlib. Zip64, encryption and multi-disk archives are
// refused with a clear message.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace seglens {

struct ZipEntry {
  std::string name;
  uint32_t method = 0;           // 0 stored, 8 deflated
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
  uint64_t local_header_offset = 0;
  uint32_t crc32 = 0;
};

class ZipArchive {
 public:
  // Reads the central directory. False with `error` when `bytes` is not a usable zip.
  bool open(std::string_view bytes, std::string& error);
  const std::vector<ZipEntry>& entries() const { return entries_; }
  const ZipEntry* find(std::string_view name) const;
  // Inflates one entry into `out` (checks size and CRC; refuses more than `max_size` bytes).
  bool read(const ZipEntry& e, std::string& out, std::string& error, uint64_t max_size = uint64_t{1} << 31) const;

 private:
  std::string_view bytes_;
  std::vector<ZipEntry> entries_;
};

}  // namespace seglens
