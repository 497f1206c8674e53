// Hashing helpers shared by the core's builders and statistics (internal).
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace seglens {

inline uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// A fast 64-bit hash of bytes (8 at a time), well mixed in all bits.
inline uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  uint64_t w = 0;
  std::memcpy(&w, s.data() + i, s.size() - i);
  return mix64(h ^ w);
}

// Open-addressing set of 64-bit hashes (0 marks an empty slot, so a zero hash is stored as 1).
class HashSet {
 public:
  // Inserts `h`; true when it was new.
  bool insert(uint64_t h) {
    h = h ? h : 1;
    if ((size_ + 1) * 2 > slots_.size()) grow();
    size_t i = h & mask_;
    while (slots_[i]) {
      if (slots_[i] == h) return false;
      i = (i + 1) & mask_;
    }
    slots_[i] = h;
    ++size_;
    return true;
  }
  size_t size() const { return size_; }
  void release() {
    std::vector<uint64_t>().swap(slots_);
    size_ = 0;
    mask_ = 0;
  }

 private:
  void grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), 0);
    mask_ = slots_.size() - 1;
    for (uint64_t h : old)
      if (h) {
        size_t i = h & mask_;
        while (slots_[i]) i = (i + 1) & mask_;
        slots_[i] = h;
      }
  }
  std::vector<uint64_t> slots_;
  size_t size_ = 0, mask_ = 0;
};

}  // namespace seglens
