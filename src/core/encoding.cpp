// Seglens core: text encodings -> UTF-8 (see include/seglens/encoding.hpp).
//
// Index of this file:
// [SECTION] Names
// [SECTION] UTF-8: validation and copy
// [SECTION] iconv
// [SECTION] GB18030 four-byte sequences
// [SECTION] Two-byte tables from iconv
// [SECTION] Utf8Decoder
// [SECTION] Detection: common Chinese characters
// [SECTION] Detection
//
// How each encoding is decoded:
// - UTF-8 never goes through iconv: it is validated and copied (ASCII 8 bytes at a time). Each
//   maximal ill-formed subpart (Unicode ch. 3.9, what the WHATWG decoder and browsers do) becomes
//   one U+FFFD: "\xE4\xB8" followed by "A" gives U+FFFD then "A".
// - UTF-16LE/BE go through iconv in bulk. An unpaired surrogate becomes U+FFFD and its two bytes
//   are skipped; an odd byte at the very end (finish) becomes U+FFFD.
// - GB18030 and Big5 are decoded here: the byte structure (which bytes make one character) is
//   fixed by the encoding, and the character of every two-byte code comes from a table that iconv
//   fills once per process (one iconv call per lead byte), so the mapping is the libc's. Bulk
//   iconv over the text was 2.5-3 times slower natively (far more with many invalid bytes) and
//   13 times slower in wasm. Structural errors
//   follow the WHATWG Encoding Standard: a lead byte whose next byte is ASCII becomes U+FFFD and
//   the ASCII byte is read again (so "skip one byte"); a lead byte followed by a non-ASCII byte
//   that makes no character gives one U+FFFD for both. GB18030 four-byte sequences are decoded
//   from the GB18030-2005 range table (below), and the single byte 0x80 is the euro sign, as in
//   Windows code page 936 ("GBK", what Excel on Chinese Windows writes) and the WHATWG decoder.
// - Every decoder needs at most 4 bytes to decide; feed() keeps an incomplete character (at most
//   3 bytes) for the next call, so any chunking gives the same output, count and offsets.
//
// glibc (native) and musl (Emscripten's libc, the wasm build) iconv differ; what we saw and do:
// - Names: both open "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK", "BIG5" and "BIG5-HKSCS"
//   (musl ignores case and punctuation); musl has no "CP936". We try a short list of names per
//   encoding (open_iconv).
// - GB18030 four-byte sequences: musl decodes them wrongly (84 31 A4 39 gives U+F752, not
//   U+FFFF; everything above U+FFFF is off) and, for codes past U+10FFFF or in the surrogate
//   range, writes nothing and moves its output pointer one byte back (wctomb returns -1). glibc
//   is right. Hence our own four-byte decoding; iconv is only asked about two-byte codes.
// - Neither accepts the single byte 0x80 (cp936's euro sign); we map it.
// - GB18030 two-byte table: 25 pairs differ. musl follows GB18030-2000 (A8 BC -> U+E7C7, FE 51 ->
//   private use U+E816), glibc 2.36 the 2005/2022 mapping (A8 BC -> U+1E3F, FE 51 -> U+20087):
//   A6 D9..A6 F3 (10 vertical punctuation forms), A8 BC, and 14 rare ideographs in FE 51..FE A0.
// - Big5: musl's "big5" is Big5-HKSCS, so natively we open glibc's "BIG5-HKSCS" (not "BIG5",
//   which rejects the HKSCS lead bytes 87-A0 and FA-FE and differs from musl on about 5000 pairs).
//   Measured over all pairs, glibc BIG5-HKSCS and musl still differ on 58, all symbols or
//   compatibility codes, no common ideograph: rows A1-A3 (A1 45 is U+2022 in glibc, U+2027 in
//   musl; A3 C0..E0 are control pictures U+2400.. in musl only), C6 (5 pairs), F9 (1 pair).
// - iconv's errors (UTF-16, and filling the tables): both report EILSEQ for a bad sequence and
//   EINVAL for one cut by the end of the input. Defensively, an "incomplete" with 4 or more bytes
//   left and an E2BIG with room to spare (musl's failed wctomb) count as an invalid code unit.

#include "seglens/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <bit>
#include <bitset>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace seglens {

//-------------------------------------------------------------------------------------------------
// [SECTION] Names
//-------------------------------------------------------------------------------------------------

std::string_view to_string(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "UTF-8";
    case Encoding::Utf16LE: return "UTF-16LE";
    case Encoding::Utf16BE: return "UTF-16BE";
    case Encoding::Gb18030: return "GB18030";
    case Encoding::Big5: return "Big5";
    case Encoding::Windows1252: return "Windows-1252";
  }
  return "UTF-8";
}

bool parse_encoding(std::string_view name, Encoding& out) {
  // Compared without case and without '-', '_', ' ', '.': "UTF-8" == "utf8" == "Utf_8".
  std::string key;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '.') continue;
    key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  struct Alias {
    std::string_view key;
    Encoding encoding;
  };
  static constexpr Alias kAliases[] = {
      {"utf8", Encoding::Utf8}, {"utf8bom", Encoding::Utf8}, {"utf8sig", Encoding::Utf8},
      {"ascii", Encoding::Utf8}, {"usascii", Encoding::Utf8},
      // Without a byte order, UTF-16 means little-endian here: Windows ("Unicode Text") writes it.
      {"utf16le", Encoding::Utf16LE}, {"ucs2le", Encoding::Utf16LE}, {"utf16", Encoding::Utf16LE},
      {"ucs2", Encoding::Utf16LE}, {"unicode", Encoding::Utf16LE},
      {"utf16be", Encoding::Utf16BE}, {"ucs2be", Encoding::Utf16BE},
      // GBK, GB2312 (EUC-CN) and Windows code page 936 are subsets of GB18030.
      {"gb18030", Encoding::Gb18030}, {"gbk", Encoding::Gb18030}, {"xgbk", Encoding::Gb18030},
      {"gb2312", Encoding::Gb18030}, {"gb231280", Encoding::Gb18030}, {"csgb2312", Encoding::Gb18030},
      {"euccn", Encoding::Gb18030}, {"xeuccn", Encoding::Gb18030}, {"cp936", Encoding::Gb18030},
      {"ms936", Encoding::Gb18030}, {"windows936", Encoding::Gb18030},
      {"big5", Encoding::Big5}, {"big5hkscs", Encoding::Big5}, {"cnbig5", Encoding::Big5},
      {"csbig5", Encoding::Big5}, {"xxbig5", Encoding::Big5}, {"cp950", Encoding::Big5},
      {"ms950", Encoding::Big5}, {"windows950", Encoding::Big5},
      // Western European exports (Excel on English or German Windows); ISO-8859-1 is a subset.
      {"windows1252", Encoding::Windows1252}, {"cp1252", Encoding::Windows1252},
      {"latin1", Encoding::Windows1252}, {"iso88591", Encoding::Windows1252}, {"l1", Encoding::Windows1252},
  };
  for (const Alias& a : kAliases) {
    if (a.key == key) {
      out = a.encoding;
      return true;
    }
  }
  return false;
}

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Room for `extra` more bytes, growing geometrically: libc++ (the wasm build) reserves exactly
// what is asked, which made feeding many chunks quadratic.
void reserve_more(std::string& s, size_t extra) {
  size_t need = s.size() + extra;
  if (need > s.capacity()) s.reserve(std::max(need, 2 * s.capacity()));
}

// Writes the UTF-8 of cp (<= U+10FFFF) to o; returns its length.
size_t put_utf8(char* o, uint32_t cp) {
  if (cp < 0x80) {
    o[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    o[0] = static_cast<char>(0xC0 | (cp >> 6));
    o[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = static_cast<char>(0xE0 | (cp >> 12));
    o[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    o[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = static_cast<char>(0xF0 | (cp >> 18));
  o[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  o[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  o[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Reads the code point at s[i] of well-formed UTF-8 (our own output) and advances i.
uint32_t next_code_point(std::string_view s, size_t& i) {
  auto b = [&](size_t k) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i + k])); };
  uint32_t c = b(0);
  if (c < 0x80) {
    i += 1;
    return c;
  }
  if (c < 0xE0) {
    uint32_t cp = ((c & 0x1F) << 6) | (b(1) & 0x3F);
    i += 2;
    return cp;
  }
  if (c < 0xF0) {
    uint32_t cp = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    i += 3;
    return cp;
  }
  uint32_t cp = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  i += 4;
  return cp;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] UTF-8: validation and copy
//-------------------------------------------------------------------------------------------------

constexpr uint64_t kHighBits = 0x8080808080808080ull;

struct Utf8Scan {
  size_t valid = 0;        // bytes of well-formed UTF-8 from the start
  size_t bad = 0;          // valid < n and !truncated: length of the maximal ill-formed subpart there
  bool truncated = false;  // valid < n: the rest starts a well-formed sequence cut by the end
};

// Offset of the first byte with its high bit set, given m = (8 bytes as loaded) & kHighBits != 0.
inline size_t first_high_byte(uint64_t m) {
  if constexpr (std::endian::native == std::endian::little) return static_cast<size_t>(std::countr_zero(m)) >> 3;
  else return static_cast<size_t>(std::countl_zero(m)) >> 3;
}

// Finds how far s[0..n) is well-formed UTF-8 (Unicode Table 3-7: no overlongs, no surrogates,
// nothing above U+10FFFF). Fast paths: ASCII 8 bytes at a time; then runs of two- and
// three-byte characters whose second byte needs no range check (leads C2..DF, E1..EC, EE..EF:
// Latin, Cyrillic, CJK ...). Four-byte characters, leads E0 and ED, errors and the last bytes go
// through the careful path, one character at a time.
Utf8Scan scan_utf8(const unsigned char* s, size_t n) {
  size_t i = 0;
  for (;;) {
    for (;;) {  // ASCII
      if (i + 8 > n) {
        while (i < n && s[i] < 0x80) ++i;
        break;
      }
      uint64_t w;
      std::memcpy(&w, s + i, 8);
      uint64_t m = w & kHighBits;
      if (m == 0) {
        i += 8;
        continue;
      }
      i += first_high_byte(m);
      break;
    }
    if (i >= n) return {n, 0, false};
    while (i + 3 <= n) {  // common multi-byte characters
      unsigned c = s[i];
      if (c - 0xE1u <= 0xECu - 0xE1u || c - 0xEEu <= 1u) {
        if ((((s[i + 1] & 0xC0u) << 8) | (s[i + 2] & 0xC0u)) != 0x8080u) break;
        i += 3;
      } else if (c - 0xC2u <= 0xDFu - 0xC2u) {
        if ((s[i + 1] & 0xC0u) != 0x80u) break;
        i += 2;
      } else {
        break;
      }
    }
    if (i >= n) return {n, 0, false};
    unsigned c = s[i];
    if (c < 0x80) continue;
    // The careful path.
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c < 0xC2) {
      return {i, 1, false};  // a continuation byte, or C0/C1 (always overlong)
    } else if (c < 0xE0) {
      need = 1;
    } else if (c < 0xF0) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;       // overlong below U+0800
      else if (c == 0xED) hi = 0x9F;  // surrogates D800-DFFF
    } else if (c < 0xF5) {
      need = 3;
      if (c == 0xF0) lo = 0x90;       // overlong below U+10000
      else if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return {i, 1, false};
    }
    if (i + 1 >= n) return {i, 0, true};
    unsigned c1 = s[i + 1];
    if (c1 < lo || c1 > hi) return {i, 1, false};
    for (size_t k = 2; k <= need; ++k) {
      if (i + k >= n) return {i, 0, true};
      if ((s[i + k] & 0xC0) != 0x80) return {i, k, false};
    }
    i += need + 1;
  }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] iconv
//-------------------------------------------------------------------------------------------------

const iconv_t kNoIconv = reinterpret_cast<iconv_t>(-1);

// Opens a converter from `e` to UTF-8, trying the names glibc and musl know.
iconv_t open_iconv(Encoding e) {
  static constexpr const char* kUtf16LE[] = {"UTF-16LE", "UTF16LE", nullptr};
  static constexpr const char* kUtf16BE[] = {"UTF-16BE", "UTF16BE", nullptr};
  static constexpr const char* kGb18030[] = {"GB18030", "gb18030", "GBK", "gbk", "CP936", nullptr};
  // glibc's BIG5-HKSCS first: like musl's "big5" (which is Big5-HKSCS) and WHATWG's big5 it reads
  // Hong Kong files too; its ideographs are the same as plain BIG5's.
  static constexpr const char* kBig5[] = {"BIG5-HKSCS", "BIG5", "big5", "CP950", nullptr};
  const char* const* names = nullptr;
  switch (e) {
    case Encoding::Utf16LE: names = kUtf16LE; break;
    case Encoding::Utf16BE: names = kUtf16BE; break;
    case Encoding::Gb18030: names = kGb18030; break;
    case Encoding::Big5: names = kBig5; break;
    case Encoding::Utf8:
    case Encoding::Windows1252: return kNoIconv;  // decoded here: one byte, one character
  }
  for (; *names; ++names) {
    for (const char* to : {"UTF-8", "UTF8", "utf8"}) {
      iconv_t cd = iconv_open(to, *names);
      if (cd != kNoIconv) return cd;
    }
  }
  return kNoIconv;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] GB18030 four-byte sequences
//-------------------------------------------------------------------------------------------------

// GB18030 four-byte codes b1 b2 b3 b4 are numbered ("pointer")
//   ((b1-0x81)*10 + (b2-0x30))*1260 + (b3-0x81)*10 + (b4-0x30).
// Pointers 0..39419 cover the BMP code points that have no one- or two-byte code, in order, in
// runs; this table gives the first pointer and code point of each run (WHATWG's
// index-gb18030-ranges). Generated with Python's gb18030 codec:
//   for cp in 0x80..0xFFFF (no surrogates) with a 4-byte code: start a run where cp - pointer changes
// and checked against glibc for every pointer (equal except the 18 codes GB18030-2022 moved).
// Pointer 7457 is U+E7C7 (GB18030-2005; 2000 had U+1E3F there), as in glibc and WHATWG.
// Pointers 189000..1237575 are U+10000..U+10FFFF in order.
struct Gb4Range {
  uint32_t pointer;
  uint32_t code_point;
};
constexpr Gb4Range kGb4Ranges[] = {
    {0, 0x0080}, {36, 0x00A5}, {38, 0x00A9}, {45, 0x00B2}, {50, 0x00B8}, {81, 0x00D8}, {89, 0x00E2},
    {95, 0x00EB}, {96, 0x00EE}, {100, 0x00F4}, {103, 0x00F8}, {104, 0x00FB}, {105, 0x00FD}, {109, 0x0102},
    {126, 0x0114}, {133, 0x011C}, {148, 0x012C}, {172, 0x0145}, {175, 0x0149}, {179, 0x014E}, {208, 0x016C},
    {306, 0x01CF}, {307, 0x01D1}, {308, 0x01D3}, {309, 0x01D5}, {310, 0x01D7}, {311, 0x01D9}, {312, 0x01DB},
    {313, 0x01DD}, {341, 0x01FA}, {428, 0x0252}, {443, 0x0262}, {544, 0x02C8}, {545, 0x02CC}, {558, 0x02DA},
    {741, 0x03A2}, {742, 0x03AA}, {749, 0x03C2}, {750, 0x03CA}, {805, 0x0402}, {819, 0x0450}, {820, 0x0452},
    {7922, 0x2011}, {7924, 0x2017}, {7925, 0x201A}, {7927, 0x201E}, {7934, 0x2027}, {7943, 0x2031}, {7944, 0x2034},
    {7945, 0x2036}, {7950, 0x203C}, {8062, 0x20AD}, {8148, 0x2104}, {8149, 0x2106}, {8152, 0x210A}, {8164, 0x2117},
    {8174, 0x2122}, {8236, 0x216C}, {8240, 0x217A}, {8262, 0x2194}, {8264, 0x219A}, {8374, 0x2209}, {8380, 0x2210},
    {8381, 0x2212}, {8384, 0x2216}, {8388, 0x221B}, {8390, 0x2221}, {8392, 0x2224}, {8393, 0x2226}, {8394, 0x222C},
    {8396, 0x222F}, {8401, 0x2238}, {8406, 0x223E}, {8416, 0x2249}, {8419, 0x224D}, {8424, 0x2253}, {8437, 0x2262},
    {8439, 0x2268}, {8445, 0x2270}, {8482, 0x2296}, {8485, 0x229A}, {8496, 0x22A6}, {8521, 0x22C0}, {8603, 0x2313},
    {8936, 0x246A}, {8946, 0x249C}, {9046, 0x254C}, {9050, 0x2574}, {9063, 0x2590}, {9066, 0x2596}, {9076, 0x25A2},
    {9092, 0x25B4}, {9100, 0x25BE}, {9108, 0x25C8}, {9111, 0x25CC}, {9113, 0x25D0}, {9131, 0x25E6}, {9162, 0x2607},
    {9164, 0x260A}, {9218, 0x2641}, {9219, 0x2643}, {11329, 0x2E82}, {11331, 0x2E85}, {11334, 0x2E89}, {11336, 0x2E8D},
    {11346, 0x2E98}, {11361, 0x2EA8}, {11363, 0x2EAB}, {11366, 0x2EAF}, {11370, 0x2EB4}, {11372, 0x2EB8}, {11375, 0x2EBC},
    {11389, 0x2ECB}, {11682, 0x2FFC}, {11686, 0x3004}, {11687, 0x3018}, {11692, 0x301F}, {11694, 0x302A}, {11714, 0x303F},
    {11716, 0x3094}, {11723, 0x309F}, {11725, 0x30F7}, {11730, 0x30FF}, {11736, 0x312A}, {11982, 0x322A}, {11989, 0x3232},
    {12102, 0x32A4}, {12336, 0x3390}, {12348, 0x339F}, {12350, 0x33A2}, {12384, 0x33C5}, {12393, 0x33CF}, {12395, 0x33D3},
    {12397, 0x33D6}, {12510, 0x3448}, {12553, 0x3474}, {12851, 0x359F}, {12962, 0x360F}, {12973, 0x361B}, {13738, 0x3919},
    {13823, 0x396F}, {13919, 0x39D1}, {13933, 0x39E0}, {14080, 0x3A74}, {14298, 0x3B4F}, {14585, 0x3C6F}, {14698, 0x3CE1},
    {15583, 0x4057}, {15847, 0x4160}, {16318, 0x4338}, {16434, 0x43AD}, {16438, 0x43B2}, {16481, 0x43DE}, {16729, 0x44D7},
    {17102, 0x464D}, {17122, 0x4662}, {17315, 0x4724}, {17320, 0x472A}, {17402, 0x477D}, {17418, 0x478E}, {17859, 0x4948},
    {17909, 0x497B}, {17911, 0x497E}, {17915, 0x4984}, {17916, 0x4987}, {17936, 0x499C}, {17939, 0x49A0}, {17961, 0x49B8},
    {18664, 0x4C78}, {18703, 0x4CA4}, {18814, 0x4D1A}, {18962, 0x4DAF}, {19043, 0x9FA6}, {33469, 0xE76C}, {33470, 0xE7C8},
    {33471, 0xE7E7}, {33484, 0xE815}, {33485, 0xE819}, {33490, 0xE81F}, {33497, 0xE827}, {33501, 0xE82D}, {33505, 0xE833},
    {33513, 0xE83C}, {33520, 0xE844}, {33536, 0xE856}, {33550, 0xE865}, {37845, 0xF92D}, {37921, 0xF97A}, {37948, 0xF996},
    {38029, 0xF9E8}, {38038, 0xF9F2}, {38064, 0xFA10}, {38065, 0xFA12}, {38066, 0xFA15}, {38069, 0xFA19}, {38075, 0xFA22},
    {38076, 0xFA25}, {38078, 0xFA2A}, {39108, 0xFE32}, {39109, 0xFE45}, {39113, 0xFE53}, {39114, 0xFE58}, {39115, 0xFE67},
    {39116, 0xFE6C}, {39265, 0xFF5F}, {39394, 0xFFE6},
};

// The code point of a four-byte GB18030 pointer; 0 for an unassigned one.
uint32_t gb18030_four_byte(uint32_t pointer) {
  if (pointer == 7457) return 0xE7C7;
  if (pointer <= 39419) {
    const Gb4Range* r = std::upper_bound(std::begin(kGb4Ranges), std::end(kGb4Ranges), pointer,
                                         [](uint32_t p, const Gb4Range& x) { return p < x.pointer; });
    --r;  // kGb4Ranges[0].pointer == 0
    return r->code_point + (pointer - r->pointer);
  }
  if (pointer >= 189000 && pointer <= 1237575) return 0x10000 + (pointer - 189000);
  return 0;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Two-byte tables from iconv
//-------------------------------------------------------------------------------------------------

// The UTF-8 of every two-byte character of GB18030 or Big5, asked of iconv once per process (one
// iconv call per lead byte) and then looked up. On a Chinese CSV, iconv over the text ran at
// ~180 MB/s natively and ~40 MB/s in wasm (musl goes through wctomb per character); the lookup
// at ~460 and ~540 MB/s. The mapping stays iconv's.
struct PairTable {
  static constexpr unsigned kTrails = 0xFF - 0x40;  // trail bytes 40..FE, at (lead-0x81)*kTrails + trail-0x40
  struct Entry {
    char utf8[4];    // up to 4 bytes: every pair is one BMP or supplementary character, or (HKSCS
    uint8_t length;  // 88 62 etc.) two characters of 2 bytes each; 0: no character
  };
  std::vector<Entry> entries = std::vector<Entry>(126 * kTrails, Entry{{0, 0, 0, 0}, 0});

  const Entry& at(unsigned lead, unsigned trail) const { return entries[(lead - 0x81) * kTrails + (trail - 0x40)]; }
};

// Converts one pair on its own: for a row whose bulk conversion did not line up.
void convert_pair(iconv_t cd, unsigned lead, unsigned trail, PairTable::Entry& e) {
  char in[2] = {static_cast<char>(lead), static_cast<char>(trail)};
  char buf[16];
  char* ip = in;
  size_t il = 2;
  char* op = buf;
  size_t ol = sizeof buf;
  size_t r = iconv(cd, &ip, &il, &op, &ol);
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  size_t len = static_cast<size_t>(op - buf);
  e.length = 0;
  if (r != static_cast<size_t>(-1) && il == 0 && len >= 1 && len <= 4) {
    std::memcpy(e.utf8, buf, len);
    e.length = static_cast<uint8_t>(len);
  }
}

PairTable build_pair_table(Encoding e, iconv_t cd) {
  PairTable t;
  for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
    // The row as lead,trail,'\n' triples; each character's UTF-8 comes out followed by '\n'.
    std::string in;
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
      in += static_cast<char>(lead);
      in += static_cast<char>(trail);
      in += '\n';
    }
    std::string out(in.size() * 4, '\0');
    char* ip = in.data();
    size_t il = in.size();
    char* op = out.data();
    size_t ol = out.size();
    bool lined_up = true;
    while (il > 0) {
      if (iconv(cd, &ip, &il, &op, &ol) != static_cast<size_t>(-1)) break;
      int err = errno;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      size_t at = static_cast<size_t>(ip - in.data());
      if (err != EILSEQ || at % 3 != 0 || ol < 1) {
        lined_up = false;
        break;
      }
      *op++ = '\n';  // no character: an empty line
      --ol;
      ip += 3;
      il -= 3;
    }
    // Split into lines, one per trail byte.
    size_t line = 0, start = 0, end = static_cast<size_t>(op - out.data());
    for (size_t k = 0; lined_up && k < end; ++k) {
      if (out[k] != '\n') continue;
      size_t len = k - start;
      if (line >= PairTable::kTrails || len > 4) {
        lined_up = false;
        break;
      }
      PairTable::Entry& entry = t.entries[(lead - 0x81) * PairTable::kTrails + line];
      std::memcpy(entry.utf8, out.data() + start, len);
      entry.length = static_cast<uint8_t>(len);
      ++line;
      start = k + 1;
    }
    if (!lined_up || line != PairTable::kTrails) {
      for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
        convert_pair(cd, lead, trail, t.entries[(lead - 0x81) * PairTable::kTrails + trail - 0x40]);
      }
    }
  }
  // Trail bytes that are not trail bytes of the encoding never reach the table; clear them so a
  // libc that maps them anyway changes nothing.
  for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
      bool trail_ok = e == Encoding::Gb18030 ? trail != 0x7F : (trail <= 0x7E || trail >= 0xA1);
      if (!trail_ok) t.entries[(lead - 0x81) * PairTable::kTrails + trail - 0x40].length = 0;
    }
  }
  return t;
}

// The table of GB18030 or Big5, built on first use; throws if iconv cannot convert the encoding.
const PairTable& pair_table(Encoding e) {
  auto build = [](Encoding enc) {
    iconv_t cd = open_iconv(enc);
    if (cd == kNoIconv) {
      throw std::runtime_error("iconv cannot convert from " + std::string(to_string(enc)) + " to UTF-8");
    }
    PairTable t = build_pair_table(enc, cd);
    iconv_close(cd);
    return t;
  };
  if (e == Encoding::Gb18030) {
    static const PairTable gb = build(Encoding::Gb18030);
    return gb;
  }
  static const PairTable big5 = build(Encoding::Big5);
  return big5;
}

}  // namespace

//-------------------------------------------------------------------------------------------------
// [SECTION] Utf8Decoder
//-------------------------------------------------------------------------------------------------

struct Utf8Decoder::Impl {
  Encoding from;
  iconv_t cd = kNoIconv;
  std::string carry;   // an incomplete character at the end of the last feed (at most 3 bytes)
  uint64_t fed = 0;    // bytes fed before the current call
  uint64_t invalid = 0;
  uint64_t first_invalid = 0;
  int iconv_error = 0;  // why the last run_iconv stopped early (EILSEQ or EINVAL)
  const PairTable* pairs = nullptr;  // GB18030 and Big5

  void note_invalid(uint64_t offset) {
    if (invalid++ == 0) first_invalid = offset;
  }
  void bad(std::string& out, uint64_t offset) {
    out.append(kReplacement, 3);
    note_invalid(offset);
  }

  // Decodes p[0..n), whose first byte is input byte `base`, appending UTF-8 to out. Returns the
  // bytes consumed: all but an incomplete character at the end (fewer than 4 bytes) that needs
  // the next bytes to be decided.
  size_t decode(const unsigned char* p, size_t n, uint64_t base, std::string& out) {
    switch (from) {
      case Encoding::Utf8: return decode_utf8(p, n, base, out);
      case Encoding::Utf16LE:
      case Encoding::Utf16BE: return decode_utf16(p, n, base, out);
      case Encoding::Gb18030: return decode_double_byte(p, n, base, out, true);
      case Encoding::Big5: return decode_double_byte(p, n, base, out, false);
      case Encoding::Windows1252: return decode_cp1252(p, n, base, out);
    }
    return n;
  }

  // Windows-1252: ASCII, 0xA0-0xFF as U+00A0-U+00FF, and 0x80-0x9F from the code page's table
  // (the five unassigned bytes become U+FFFD).
  size_t decode_cp1252(const unsigned char* p, size_t n, uint64_t base, std::string& out) {
    static constexpr uint16_t k80[32] = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    out.reserve(out.size() + n + n / 2);
    for (size_t i = 0; i < n; ++i) {
      const unsigned c = p[i];
      if (c < 0x80) {
        out.push_back(static_cast<char>(c));
        continue;
      }
      const unsigned u = c >= 0xA0 ? c : k80[c - 0x80];
      if (!u) {
        bad(out, base + i);
        continue;
      }
      if (u < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (u >> 6)));
      } else {
        out.push_back(static_cast<char>(0xE0 | (u >> 12)));
        out.push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
      }
      out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    }
    return n;
  }

  size_t decode_utf8(const unsigned char* p, size_t n, uint64_t base, std::string& out) {
    size_t i = 0;
    while (i < n) {
      Utf8Scan s = scan_utf8(p + i, n - i);
      out.append(reinterpret_cast<const char*>(p + i), s.valid);
      i += s.valid;
      if (i == n) break;
      if (s.truncated) return i;
      bad(out, base + i);
      i += s.bad;
    }
    return n;
  }

  // UTF-16: converts p[0..n) with iconv until the end or the first byte it refuses; returns the bytes
  // converted and leaves the reason in iconv_error (0 when all were converted).
  size_t run_iconv(const unsigned char* p, size_t n, std::string& out) {
    iconv_error = 0;
    if (n == 0) return 0;
    size_t old = out.size();
    reserve_more(out, 2 * n + 16);
    out.resize(old + 2 * n + 16);  // the UTF-8 of UTF-16 is at most 1.5 times as long
    char* in = const_cast<char*>(reinterpret_cast<const char*>(p));
    size_t in_left = n;
    char* o = out.data() + old;
    size_t o_left = out.size() - old;
    while (in_left > 0) {
      if (iconv(cd, &in, &in_left, &o, &o_left) != static_cast<size_t>(-1)) break;
      int err = errno;
      if (err == E2BIG && o_left < 16) {
        size_t used = static_cast<size_t>(o - out.data());
        reserve_more(out, 4 * in_left + 64);
        out.resize(out.size() + 4 * in_left + 64);
        o = out.data() + used;
        o_left = out.size() - used;
        continue;
      }
      iconv_error = err == EINVAL ? EINVAL : EILSEQ;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
      break;
    }
    out.resize(static_cast<size_t>(o - out.data()));
    return n - in_left;
  }

  size_t decode_utf16(const unsigned char* p, size_t n, uint64_t base, std::string& out) {
    size_t i = 0;
    while (i < n) {
      i += run_iconv(p + i, n - i, out);
      if (i >= n) break;
      if (n - i < 2 || (n - i < 4 && iconv_error == EINVAL)) return i;  // cut by the end
      bad(out, base + i);  // an unpaired surrogate: one code unit
      i += 2;
    }
    return n;
  }

  // GB18030 (gb == true) or Big5, through the two-byte table (pairs), writing straight into out.
  size_t decode_double_byte(const unsigned char* p, size_t n, uint64_t base, std::string& out, bool gb) {
    const PairTable& table = *pairs;
    auto is_trail = [gb](unsigned d) {
      return gb ? (d >= 0x40 && d <= 0xFE && d != 0x7F) : ((d >= 0x40 && d <= 0x7E) || (d >= 0xA1 && d <= 0xFE));
    };
    size_t old = out.size();
    reserve_more(out, 3 * n + 16);
    out.resize(old + 3 * n + 16);  // at most 3 bytes out per byte in (U+FFFD, euro sign), + 8 of slack
    char* o = out.data() + old;
    auto bad = [&](size_t at) {
      std::memcpy(o, kReplacement, 3);
      o += 3;
      note_invalid(base + at);
    };
    size_t i = 0, stop = n;
    while (i < n) {
      unsigned c = p[i];
      if (c < 0x80) {
        if (i + 8 <= n) {  // copy 8 bytes, keep the ASCII ones
          uint64_t w;
          std::memcpy(&w, p + i, 8);
          std::memcpy(o, &w, 8);
          uint64_t m = w & kHighBits;
          size_t k = m == 0 ? 8 : first_high_byte(m);
          i += k;
          o += k;
        } else {
          *o++ = static_cast<char>(c);
          ++i;
        }
        continue;
      }
      if (c == 0x80 && gb) {
        std::memcpy(o, "\xE2\x82\xAC", 3);  // euro sign, Windows code page 936
        o += 3;
        ++i;
        continue;
      }
      if (c == 0x80 || c == 0xFF) {
        bad(i);
        ++i;
        continue;
      }
      if (i + 1 >= n) {
        stop = i;
        break;
      }
      unsigned d = p[i + 1];
      if (is_trail(d)) {
        const PairTable::Entry& e = table.at(c, d);
        if (e.length == 0) {  // no character for this pair
          bad(i);
          i += d < 0x80 ? 1 : 2;  // an ASCII trail byte is read again
          continue;
        }
        std::memcpy(o, e.utf8, 4);
        o += e.length;
        i += 2;
        continue;
      }
      if (gb && d >= 0x30 && d <= 0x39) {  // four bytes: 81..FE 30..39 81..FE 30..39
        if (i + 2 >= n) {
          stop = i;
          break;
        }
        unsigned e = p[i + 2];
        if (e < 0x81 || e > 0xFE) {
          bad(i);
          ++i;
          continue;
        }
        if (i + 3 >= n) {
          stop = i;
          break;
        }
        unsigned f = p[i + 3];
        if (f < 0x30 || f > 0x39) {
          bad(i);
          ++i;
          continue;
        }
        uint32_t cp = gb18030_four_byte(((c - 0x81) * 10 + (d - 0x30)) * 1260 + (e - 0x81) * 10 + (f - 0x30));
        if (cp == 0) {
          bad(i);  // unassigned: the four bytes give one U+FFFD
        } else {
          o += put_utf8(o, cp);
        }
        i += 4;
        continue;
      }
      bad(i);  // a lead byte without a valid trail byte
      i += d < 0x80 ? 1 : 2;
    }
    out.resize(static_cast<size_t>(o - out.data()));
    return stop;
  }
};

Utf8Decoder::Utf8Decoder(Encoding from) : impl_(std::make_unique<Impl>()) {
  impl_->from = from;
  // Failing here is not an input error: this libc cannot convert the encoding at all.
  if (from == Encoding::Gb18030 || from == Encoding::Big5) {
    impl_->pairs = &pair_table(from);
  } else if (from != Encoding::Utf8 && from != Encoding::Windows1252) {
    impl_->cd = open_iconv(from);
    if (impl_->cd == kNoIconv) {
      throw std::runtime_error("iconv cannot convert from " + std::string(to_string(from)) + " to UTF-8");
    }
  }
}

Utf8Decoder::~Utf8Decoder() {
  if (impl_ && impl_->cd != kNoIconv) iconv_close(impl_->cd);
}

void Utf8Decoder::feed(std::string_view in, std::string& out) {
  Impl& d = *impl_;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t n = in.size();
  if (n == 0) return;
  if (d.from == Encoding::Utf8) reserve_more(out, n + 3);
  size_t i = 0;
  if (!d.carry.empty()) {
    // Complete the carried character with the first bytes of `in` (4 more always decide it).
    size_t held = d.carry.size();
    std::string tmp = d.carry;
    tmp.append(in.data(), std::min<size_t>(n, 8));
    size_t c = d.decode(reinterpret_cast<const unsigned char*>(tmp.data()), tmp.size(), d.fed - held, out);
    // decode() leaves at most 3 bytes undecided, and tmp has 4 or more past the carry unless it
    // holds all of `in`: so c < held means all of `in` is in tmp and still incomplete.
    if (c < held) {
      d.carry = tmp.substr(c);
      d.fed += n;
      return;
    }
    d.carry.clear();
    i = c - held;
  }
  size_t c = d.decode(p + i, n - i, d.fed + i, out);
  d.carry.assign(in.data() + i + c, n - i - c);
  d.fed += n;
}

void Utf8Decoder::finish(std::string& out) {
  Impl& d = *impl_;
  if (!d.carry.empty()) {
    d.bad(out, d.fed - d.carry.size());
    d.carry.clear();
  }
}

uint64_t Utf8Decoder::invalid_count() const { return impl_->invalid; }
uint64_t Utf8Decoder::first_invalid_offset() const { return impl_->first_invalid; }

bool is_valid_utf8(std::string_view s, bool allow_truncated_tail) {
  Utf8Scan r = scan_utf8(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  return r.valid == s.size() || (allow_truncated_tail && r.truncated);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Detection: common Chinese characters
//-------------------------------------------------------------------------------------------------

namespace {

// The ~260 most frequent characters of modern Chinese text (Jun Da's corpus counts) in their
// simplified and traditional forms, followed by characters of customer-data headers and places
// (客户, 订单, 金额, 日期, 会员, 北京 / 客戶, 訂單, 金額, 會員, 台北 ...). About 210 are the same
// in both lists (的, 一, 是 ...); the rest tell the scripts apart.
constexpr std::string_view kCommonSimplified =
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于"
    "着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还"
    "进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或"
    "新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太"
    "量再感建务做接必场件计管期市直德资命山金指客户订单额姓址龄城省份价格品类编号状态"
    "购买消费近积级渠源注册男否元店铺商销售支付退款优惠折扣邮箱码北京广州深圳";
constexpr std::string_view kCommonTraditional =
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於"
    "著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還"
    "進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情"
    "明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或"
    "新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員"
    "解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太"
    "量再感建務做接必場件計管期市直德資命山金指客戶訂單額姓址齡城省份價格品類編號狀態"
    "購買消費近積級渠源註冊男否元店鋪商銷售支付退款優惠折扣郵箱碼台北雄桃園臺";

// A set of CJK unified ideographs U+4E00..U+9FFF.
class HanSet {
 public:
  explicit HanSet(std::string_view utf8) {
    for (size_t i = 0; i < utf8.size();) {
      uint32_t cp = next_code_point(utf8, i);
      if (is_han(cp)) bits_.set(cp - kFirst);
    }
  }
  static bool is_han(uint32_t cp) { return cp >= kFirst && cp <= kLast; }
  bool has(uint32_t cp) const { return is_han(cp) && bits_.test(cp - kFirst); }

 private:
  static constexpr uint32_t kFirst = 0x4E00, kLast = 0x9FFF;
  std::bitset<kLast - kFirst + 1> bits_;
};

const HanSet& common_simplified() {
  static const HanSet s(kCommonSimplified);
  return s;
}
const HanSet& common_traditional() {
  static const HanSet s(kCommonTraditional);
  return s;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Detection
//-------------------------------------------------------------------------------------------------

constexpr size_t kDetectBytes = 64 * 1024;

std::string percent(double x) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f%%", 100 * x);
  return b;
}

// How well a double-byte encoding reads the head.
struct Fit {
  bool usable = false;  // iconv could open the encoding
  double score = 0;
  uint64_t chars = 0;    // non-ASCII characters decoded
  uint64_t invalid = 0;  // U+FFFD for bytes that are no character
  uint64_t common = 0;   // characters in the common list of the script
  double ratio() const { return chars + invalid ? double(chars) / double(chars + invalid) : 0; }
};

// Decodes the head and scores it: a common character of the script +4, another ideograph or CJK
// punctuation / full-width form +1, any other non-ASCII character (kana, Cyrillic, box drawing,
// private use ... what text in the other encoding turns into) -1, an invalid byte -10.
Fit fit_as(Encoding e, std::string_view head, const HanSet& common) {
  Fit f;
  std::string text;
  try {
    Utf8Decoder d(e);
    d.feed(head, text);  // no finish(): the head may end inside a character
    f.invalid = d.invalid_count();
  } catch (const std::runtime_error&) {
    return f;
  }
  f.usable = true;
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = next_code_point(text, i);
    if (cp < 0x80 || cp == 0xFFFD) continue;
    ++f.chars;
    if (common.has(cp)) {
      ++f.common;
      f.score += 4;
    } else if (HanSet::is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF)) {
      f.score += 1;
    } else {
      f.score -= 1;
    }
  }
  f.score -= 10.0 * static_cast<double>(f.invalid);
  return f;
}

// UTF-16 without a byte-order mark: in ASCII characters every other byte is NUL.
bool guess_utf16(std::string_view h, EncodingGuess& g) {
  size_t units = h.size() / 2;
  if (units == 0) return false;
  size_t zero_even = 0, zero_odd = 0;
  for (size_t k = 0; k < units; ++k) {
    zero_even += h[2 * k] == 0;
    zero_odd += h[2 * k + 1] == 0;
  }
  size_t zeros = std::max(zero_even, zero_odd), other = std::min(zero_even, zero_odd);
  // At least 10% of the code units have a NUL on one side (ASCII, incl. the delimiters and line
  // ends of Chinese text), and the other side under an eighth of that. Text in the other
  // encodings has no NUL bytes, and NUL padding falls on both sides alike.
  // A single stray NUL is a broken or binary file, not UTF-16: ask for two NUL-sided units.
  if (zeros < 2 || zeros * 10 < units || other * 8 > zeros) return false;
  Encoding e = zero_odd > zero_even ? Encoding::Utf16LE : Encoding::Utf16BE;
  try {
    Utf8Decoder d(e);
    std::string text;
    d.feed(h, text);
    if (d.invalid_count() * 100 > units) return false;  // more than 1% unpaired surrogates
  } catch (const std::runtime_error&) {
    return false;
  }
  g.encoding = e;
  g.confidence = 0.5 + 0.45 * double(zeros - other) / double(units);
  g.reason = "no byte-order mark; every other byte is NUL (" + percent(double(zeros) / double(units)) +
             " of code units), as in " + std::string(to_string(e));
  return true;
}

}  // namespace

EncodingGuess detect_encoding(std::string_view head) {
  EncodingGuess g;
  auto starts = [&](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
  struct Bom {
    std::string_view bytes;
    Encoding encoding;
  };
  static constexpr Bom kBoms[] = {
      {"\xEF\xBB\xBF", Encoding::Utf8},
      {"\xFF\xFE", Encoding::Utf16LE},
      {"\xFE\xFF", Encoding::Utf16BE},
      {"\x84\x31\x95\x33", Encoding::Gb18030},  // U+FEFF in GB18030
  };
  for (const Bom& b : kBoms) {
    if (starts(b.bytes)) {
      g.encoding = b.encoding;
      g.bom_length = b.bytes.size();
      g.from_bom = true;
      g.confidence = 1;
      g.reason = std::string(to_string(b.encoding)) + " byte-order mark";
      return g;
    }
  }
  if (head.empty()) {
    g.confidence = 1;
    g.reason = "empty input; read as UTF-8";
    return g;
  }

  std::string_view h = head.substr(0, kDetectBytes);
  if (guess_utf16(h, g)) return g;

  if (is_valid_utf8(h, true)) {
    size_t multi = 0;
    for (char c : h) multi += static_cast<unsigned char>(c) >= 0xC0;
    if (multi == 0) {
      // Every ASCII-compatible encoding reads these bytes the same; later bytes might still differ.
      g.confidence = 0.9;
      g.reason = "only ASCII bytes; read as UTF-8";
    } else {
      // Text in another encoding is rarely valid UTF-8 by chance; about 1 in 10 per character.
      double p_chance = 1;
      for (size_t k = 0; k < multi && p_chance > 1e-3; ++k) p_chance *= 0.1;
      g.confidence = std::max(0.95, 1 - std::max(p_chance / 2, 1e-3));
      g.reason = "valid UTF-8 (" + std::to_string(multi) + " multi-byte characters)";
    }
    return g;
  }

  Fit gb = fit_as(Encoding::Gb18030, h, common_simplified());
  Fit b5 = fit_as(Encoding::Big5, h, common_traditional());
  bool big5 = b5.usable && (!gb.usable || b5.score > gb.score);  // a tie goes to GB18030
  const Fit& win = big5 ? b5 : gb;
  const Fit& lose = big5 ? gb : b5;
  // Western European text (Windows-1252 / Latin-1): its high bytes are letters like ü or é
  // standing alone between ASCII bytes, and as Chinese they make no common characters.
  size_t high = 0, isolated = 0;
  for (size_t i = 0; i < h.size(); ++i) {
    if (static_cast<unsigned char>(h[i]) < 0x80) continue;
    ++high;
    const bool before = i == 0 || static_cast<unsigned char>(h[i - 1]) < 0x80;
    const bool after = i + 1 == h.size() || static_cast<unsigned char>(h[i + 1]) < 0x80;
    isolated += before && after;
  }
  if (high && isolated * 2 >= high && gb.common == 0 && b5.common == 0) {
    g.encoding = Encoding::Windows1252;
    g.confidence = 0.6;
    g.reason = "not valid UTF-8; " + std::to_string(isolated) + " of " + std::to_string(high) +
               " non-ASCII bytes stand alone between ASCII, as accented letters do in Windows-1252";
    return g;
  }
  if (!win.usable || win.ratio() < 0.8) {  // real GBK or Big5 text decodes (nearly) whole
    g.confidence = 0.1;
    g.reason = "not valid UTF-8, and neither GB18030 (" + percent(gb.ratio()) + " of characters decode) nor Big5 (" +
               percent(b5.ratio()) + ") fits; read as UTF-8 with replacement characters";
    return g;
  }
  g.encoding = big5 ? Encoding::Big5 : Encoding::Gb18030;
  double margin = win.score - (lose.usable ? lose.score : 0);
  g.confidence = win.ratio() * (0.5 + 0.45 * margin / (margin + 10));
  g.reason = "not valid UTF-8; " + std::string(to_string(g.encoding)) + " decodes " + percent(win.ratio()) +
             " of characters, " + std::to_string(win.common) + " of them common " +
             (big5 ? "traditional" : "simplified") + " Chinese (as " + (big5 ? "GB18030: " : "Big5: ") +
             percent(lose.ratio()) + ", " + std::to_string(lose.common) + " common)";
  return g;
}

}  // namespace seglens
