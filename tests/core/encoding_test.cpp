// Tests of src/core/encoding.cpp: names, detection (BOMs, UTF-16 without BOM, UTF-8, GB18030 vs
// Big5), streaming conversion to UTF-8 (splits at every byte, invalid bytes), is_valid_utf8.
// Fixtures tests/data/enc_*.csv come from tests/data/make_encoding_fixtures.py; the expected UTF-8
// below is the text that script encodes.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "seglens/encoding.hpp"

using namespace seglens;
using seglens::test::read_fixture;

namespace doctest {
template <>
struct StringMaker<seglens::Encoding> {
  static String convert(seglens::Encoding e) { return String(std::string(seglens::to_string(e)).c_str()); }
};
}  // namespace doctest

namespace {

const std::string kGbkText =
    "客户ID,姓名,城市,下单日期,订单金额,是否会员,备注\r\n"
    "C001,张伟,北京,2024/1/5,128.50,是,老客户\r\n"
    "C002,王芳,上海,2024/1/6,86.00,否,\r\n"
    "C003,李娜,广州,2024/2/29,1024.75,是,\"满意，推荐给朋友\"\r\n"
    "C004,刘洋,深圳,2024/3/1,15.20,否,€报价\r\n";
const std::string kBig5Text =
    "客戶編號,姓名,城市,訂單日期,訂單金額,是否會員\r\n"
    "C001,陳志明,台北,2024/1/5,128.50,是\r\n"
    "C002,林美玲,高雄,2024/1/6,86.00,否\r\n"
    "C003,黃文雄,台中,2024/2/29,1024.75,是\r\n"
    "C004,許功蓋,新竹,2024/3/1,15.20,否\r\n";
const std::string kUtf16LEText = "客户ID\t姓名\t金额\r\nC001\t张伟\t128.50\r\nC002\t😀 表情\t86.00\r\n";
const std::string kUtf16BEText = "id,name,city,amount\nC001,Zoë,Zürich,12.50\nC002,陈静,台北,7.00\n";
const std::string kGb18030Text = "名称,价格\nStraße,€3\n😀,1\n";

struct Decoded {
  std::string text;
  uint64_t invalid = 0;
  uint64_t first_invalid = 0;
  bool operator==(const Decoded&) const = default;
};

}  // namespace

namespace doctest {
template <>
struct StringMaker<Decoded> {
  static String convert(const Decoded& d) {
    return String(("{\"" + d.text + "\", invalid " + std::to_string(d.invalid) + ", first " +
                   std::to_string(d.first_invalid) + "}")
                      .c_str());
  }
};
}  // namespace doctest

namespace {

// Feeds `in` cut at the given offsets (ascending), then finishes.
Decoded decode_cut(Encoding e, std::string_view in, const std::vector<size_t>& cuts = {}) {
  Utf8Decoder d(e);
  Decoded r;
  size_t at = 0;
  for (size_t c : cuts) {
    d.feed(in.substr(at, c - at), r.text);
    at = c;
  }
  d.feed(in.substr(at), r.text);
  d.finish(r.text);
  r.invalid = d.invalid_count();
  r.first_invalid = d.first_invalid_offset();
  return r;
}

std::string decode(Encoding e, std::string_view in) { return decode_cut(e, in).text; }

// Same output, count and first offset for every way of cutting `in` into two or three chunks,
// and byte by byte.
void check_every_split(Encoding e, std::string_view in, const Decoded& expected) {
  CHECK(decode_cut(e, in) == expected);
  for (size_t i = 0; i <= in.size(); ++i) {
    CAPTURE(i);
    CHECK(decode_cut(e, in, {i}) == expected);
    for (size_t j = i; j <= in.size(); ++j) {
      CAPTURE(j);
      REQUIRE(decode_cut(e, in, {i, j}) == expected);
    }
  }
  std::vector<size_t> every;
  for (size_t i = 1; i < in.size(); ++i) every.push_back(i);
  CHECK(decode_cut(e, in, every) == expected);
}

const std::string kFFFD = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("to_string names every encoding") {
  CHECK(to_string(Encoding::Utf8) == "UTF-8");
  CHECK(to_string(Encoding::Utf16LE) == "UTF-16LE");
  CHECK(to_string(Encoding::Utf16BE) == "UTF-16BE");
  CHECK(to_string(Encoding::Gb18030) == "GB18030");
  CHECK(to_string(Encoding::Big5) == "Big5");
}

TEST_CASE("parse_encoding: common names in any case") {
  struct Case {
    const char* name;
    Encoding expected;
  };
  const Case cases[] = {
      {"utf8", Encoding::Utf8},         {"UTF-8", Encoding::Utf8},        {"utf_8", Encoding::Utf8},
      {"utf-8-sig", Encoding::Utf8},    {"ASCII", Encoding::Utf8},        {"us-ascii", Encoding::Utf8},
      {"gbk", Encoding::Gb18030},       {"GBK", Encoding::Gb18030},       {"gb2312", Encoding::Gb18030},
      {"GB_2312-80", Encoding::Gb18030}, {"GB18030", Encoding::Gb18030},  {"cp936", Encoding::Gb18030},
      {"windows-936", Encoding::Gb18030}, {"EUC-CN", Encoding::Gb18030},  {"big5", Encoding::Big5},
      {"Big-5", Encoding::Big5},        {"BIG5-HKSCS", Encoding::Big5},   {"cp950", Encoding::Big5},
      {"utf-16le", Encoding::Utf16LE},  {"UTF16LE", Encoding::Utf16LE},   {"UCS-2LE", Encoding::Utf16LE},
      {"utf-16", Encoding::Utf16LE},    {"Unicode", Encoding::Utf16LE},   {"utf-16be", Encoding::Utf16BE},
      {"UTF_16BE", Encoding::Utf16BE},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Encoding e = c.expected == Encoding::Utf8 ? Encoding::Big5 : Encoding::Utf8;  // something else first
    CHECK(parse_encoding(c.name, e));
    CHECK(e == c.expected);
  }
  for (const char* unknown : {"", "latin9", "shift_jis", "utf-32", "gb", "big", "utf-16-le-x", "euc-kr"}) {
    CAPTURE(unknown);
    Encoding e = Encoding::Big5;
    CHECK_FALSE(parse_encoding(unknown, e));
    CHECK(e == Encoding::Big5);  // untouched
  }
}

TEST_CASE("detect_encoding: byte-order marks") {
  struct Case {
    std::string bom;
    Encoding encoding;
    const char* reason;
  };
  const Case cases[] = {
      {"\xEF\xBB\xBF", Encoding::Utf8, "UTF-8 byte-order mark"},
      {"\xFF\xFE", Encoding::Utf16LE, "UTF-16LE byte-order mark"},
      {"\xFE\xFF", Encoding::Utf16BE, "UTF-16BE byte-order mark"},
      {"\x84\x31\x95\x33", Encoding::Gb18030, "GB18030 byte-order mark"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.reason);
    for (std::string rest : {std::string(), std::string("a,b\n"), std::string("\xD6\xD0\xCE\xC4")}) {
      EncodingGuess g = detect_encoding(c.bom + rest);
      CHECK(g.encoding == c.encoding);
      CHECK(g.bom_length == c.bom.size());
      CHECK(g.from_bom);
      CHECK(g.confidence == 1.0);
      CHECK(g.reason == c.reason);
    }
  }
  // Two bytes of a BOM are not one.
  EncodingGuess g = detect_encoding("\xEF\xBB");
  CHECK_FALSE(g.from_bom);
  CHECK(g.bom_length == 0);
}

TEST_CASE("detect_encoding: empty input and ASCII") {
  EncodingGuess e = detect_encoding("");
  CHECK(e.encoding == Encoding::Utf8);
  CHECK_FALSE(e.from_bom);
  CHECK(e.confidence == 1.0);
  CHECK(e.reason == "empty input; read as UTF-8");

  EncodingGuess a = detect_encoding("id,name,amount\r\n1,Ann,12.5\r\n");
  CHECK(a.encoding == Encoding::Utf8);
  CHECK(a.bom_length == 0);
  CHECK_FALSE(a.from_bom);
  CHECK(a.confidence == doctest::Approx(0.9));
  CHECK(a.reason == "only ASCII bytes; read as UTF-8");
}

TEST_CASE("detect_encoding: UTF-8, also when the head is cut inside a character") {
  const std::string text = "客户ID,姓名\n1,张三😀\n";
  EncodingGuess g = detect_encoding(text);
  CHECK(g.encoding == Encoding::Utf8);
  CHECK_FALSE(g.from_bom);
  CHECK(g.reason == "valid UTF-8 (7 multi-byte characters)");
  CHECK(g.confidence >= 0.99);
  for (size_t cut = 1; cut <= text.size(); ++cut) {
    CAPTURE(cut);
    CHECK(detect_encoding(std::string_view(text).substr(0, cut)).encoding == Encoding::Utf8);
  }
  // The cut is allowed at the end only.
  EncodingGuess broken = detect_encoding("\xE5\xAE" "abc\xE6\x88\xB7");
  CHECK(broken.encoding != Encoding::Utf8);
}

TEST_CASE("detect_encoding: only the first 64 KiB count") {
  std::string head(70000, 'a');
  head += "\xD6\xD0\xCE\xC4";  // GBK after 64 KiB of ASCII
  CHECK(detect_encoding(head).reason == "only ASCII bytes; read as UTF-8");
  CHECK(detect_encoding(std::string(100, 'a') + "\xD6\xD0\xCE\xC4").encoding == Encoding::Gb18030);
}

TEST_CASE("GBK customer table: detected as GB18030 and converted") {
  const std::string bytes = read_fixture("enc_gbk.csv");
  REQUIRE(bytes.size() == 223);
  EncodingGuess g = detect_encoding(bytes);
  CHECK(g.encoding == Encoding::Gb18030);
  CHECK_FALSE(g.from_bom);
  CHECK(g.bom_length == 0);
  CHECK(g.confidence > 0.9);
  CHECK(g.reason.rfind("not valid UTF-8; GB18030 decodes 100.0% of characters", 0) == 0);
  Decoded d = decode_cut(Encoding::Gb18030, bytes);
  CHECK(d.text == kGbkText);  // incl. the euro sign, byte 0x80 in Windows' GBK
  CHECK(d.invalid == 0);
}

TEST_CASE("Big5 customer table: detected as Big5 and converted") {
  const std::string bytes = read_fixture("enc_big5.csv");
  REQUIRE(bytes.size() == 195);
  EncodingGuess g = detect_encoding(bytes);
  CHECK(g.encoding == Encoding::Big5);
  CHECK_FALSE(g.from_bom);
  CHECK(g.confidence > 0.9);
  CHECK(g.reason.rfind("not valid UTF-8; Big5 decodes 100.0% of characters", 0) == 0);
  Decoded d = decode_cut(Encoding::Big5, bytes);
  CHECK(d.text == kBig5Text);  // 許功蓋 end in byte 0x5C, which is not a backslash here
  CHECK(d.invalid == 0);
  CHECK(decode_cut(Encoding::Big5, "3\xA1\xD1" "4\xA1\xB1") == Decoded{"3×4§", 0, 0});  // two-byte UTF-8
}

TEST_CASE("short text valid in both GBK and Big5 goes to the right one") {
  // 客户 in GBK reads as Big5 too (諦誧), without an invalid byte.
  const std::string gbk = "\xBF\xCD\xBB\xA7";
  CHECK(decode_cut(Encoding::Big5, gbk) == Decoded{"諦誧", 0, 0});
  CHECK(decode(Encoding::Gb18030, gbk) == "客户");
  CHECK(detect_encoding(gbk).encoding == Encoding::Gb18030);
  // 客戶 in Big5 reads as GB18030 too (private use + hiragana), without an invalid byte.
  const std::string big5 = "\xAB\xC8\xA4\xE1";
  CHECK(decode_cut(Encoding::Gb18030, big5).invalid == 0);
  CHECK(decode(Encoding::Big5, big5) == "客戶");
  CHECK(detect_encoding(big5).encoding == Encoding::Big5);

  // A header line each: 订单编号,下单日期,支付金额 / 訂單編號,訂單日期,付款金額
  const std::string gbk_header = "\xB6\xA9\xB5\xA5\xB1\xE0\xBA\xC5,\xCF\xC2\xB5\xA5\xC8\xD5\xC6\xDA,"
                                 "\xD6\xA7\xB8\xB6\xBD\xF0\xB6\xEE";
  REQUIRE(decode(Encoding::Gb18030, gbk_header) == "订单编号,下单日期,支付金额");
  CHECK(decode_cut(Encoding::Big5, gbk_header).invalid == 0);
  CHECK(detect_encoding(gbk_header).encoding == Encoding::Gb18030);
  const std::string big5_header = "\xAD\x71\xB3\xE6\xBD\x73\xB8\xB9,\xAD\x71\xB3\xE6\xA4\xE9\xB4\xC1,"
                                  "\xA5\x49\xB4\xDA\xAA\xF7\xC3\x42";
  REQUIRE(decode(Encoding::Big5, big5_header) == "訂單編號,訂單日期,付款金額");
  CHECK(decode_cut(Encoding::Gb18030, big5_header).invalid == 0);
  CHECK(detect_encoding(big5_header).encoding == Encoding::Big5);
}

TEST_CASE("no evidence either way: GB18030, the far more common one") {
  // B0 A1 is an uncommon ideograph in both (GBK 啊, Big5 陛): the scores tie.
  EncodingGuess g = detect_encoding("\xB0\xA1");
  CHECK(g.encoding == Encoding::Gb18030);
  CHECK(g.confidence == doctest::Approx(0.5));
  CHECK(g.reason == "not valid UTF-8; GB18030 decodes 100.0% of characters, 0 of them common simplified Chinese "
                    "(as Big5: 100.0%, 0 common)");
}

TEST_CASE("valid UTF-8 wins even when the bytes are also GBK") {
  // 职业 in GBK is D6 B0 D2 B5, which is also well-formed UTF-8 (U+05B0 U+04B5). A head that is
  // valid UTF-8 is read as UTF-8; GBK this short needs the encoding named by the user.
  const std::string bytes = "\xD6\xB0\xD2\xB5";
  CHECK(decode(Encoding::Gb18030, bytes) == "职业");
  CHECK(detect_encoding(bytes).encoding == Encoding::Utf8);
}

TEST_CASE("neither UTF-8 nor GB18030 nor Big5 nor Windows-1252: UTF-8 with low confidence") {
  // Runs of high bytes that make no common Chinese characters (not lone accented letters either)
  EncodingGuess g = detect_encoding("a\x81\x82\x83\x84;b\xFD\xFE\xFF\xFD\n");
  CHECK(g.encoding == Encoding::Utf8);
  CHECK(g.confidence == doctest::Approx(0.1));
  CHECK(g.reason.rfind("not valid UTF-8, and neither GB18030", 0) == 0);
}

TEST_CASE("UTF-16 with byte-order mark") {
  const std::string le = read_fixture("enc_utf16le_bom.csv");
  EncodingGuess g = detect_encoding(le);
  CHECK(g.encoding == Encoding::Utf16LE);
  CHECK(g.bom_length == 2);
  CHECK(g.from_bom);
  CHECK(decode_cut(Encoding::Utf16LE, std::string_view(le).substr(g.bom_length)) == Decoded{kUtf16LEText, 0, 0});
  // The decoder does not drop a BOM itself: it is U+FEFF, for the caller to skip.
  CHECK(decode(Encoding::Utf16LE, le) == "\xEF\xBB\xBF" + kUtf16LEText);

  const std::string be("\xFE\xFF\x00" "a\x00,\x4E\x2D\xD8\x3D\xDE\x00\x00\n", 14);
  EncodingGuess b = detect_encoding(be);
  CHECK(b.encoding == Encoding::Utf16BE);
  CHECK(b.bom_length == 2);
  CHECK(decode(Encoding::Utf16BE, std::string_view(be).substr(2)) == "a,中😀\n");
}

TEST_CASE("UTF-16 without byte-order mark") {
  const std::string be = read_fixture("enc_utf16be.csv");
  EncodingGuess g = detect_encoding(be);
  CHECK(g.encoding == Encoding::Utf16BE);
  CHECK(g.bom_length == 0);
  CHECK_FALSE(g.from_bom);
  CHECK(g.confidence > 0.85);
  CHECK(g.reason.rfind("no byte-order mark; every other byte is NUL", 0) == 0);
  CHECK(decode_cut(Encoding::Utf16BE, be) == Decoded{kUtf16BEText, 0, 0});

  // id,名称\n1,张三\n in UTF-16LE
  const std::string le("i\0d\0,\0\x0D\x54\xF0\x79\n\0" "1\0,\0\x20\x5F\x09\x4E\n\0", 22);
  EncodingGuess l = detect_encoding(le);
  CHECK(l.encoding == Encoding::Utf16LE);
  CHECK(l.bom_length == 0);
  CHECK(decode(Encoding::Utf16LE, le) == "id,名称\n1,张三\n");
  // An odd length (a head cut inside a code unit) changes nothing.
  CHECK(detect_encoding(std::string_view(le).substr(0, 21)).encoding == Encoding::Utf16LE);

  // Mostly Chinese: 客户名称地址,电话号码\n has 2 ASCII code units of 12.
  const std::string zh("\xA2\x5B\x37\x62\x0D\x54\xF0\x79\x30\x57\x40\x57,\0\x35\x75\xDD\x8B\xF7\x53\x01\x78\n\0", 24);
  REQUIRE(decode(Encoding::Utf16LE, zh) == "客户名称地址,电话号码\n");
  EncodingGuess z = detect_encoding(zh);
  CHECK(z.encoding == Encoding::Utf16LE);
  CHECK(z.reason == "no byte-order mark; every other byte is NUL (16.7% of code units), as in UTF-16LE");

  // NUL bytes alone, or as padding, are not UTF-16.
  CHECK(detect_encoding(std::string(8, '\0')).encoding == Encoding::Utf8);
  CHECK(detect_encoding(std::string("id,name\n1,Ann\0\0\0\0\0\n2,Bob\0\0\0\0\0\n", 30)).encoding == Encoding::Utf8);
}

TEST_CASE("GB18030: byte-order mark and four-byte characters") {
  const std::string bytes = read_fixture("enc_gb18030_bom.csv");
  EncodingGuess g = detect_encoding(bytes);
  CHECK(g.encoding == Encoding::Gb18030);
  CHECK(g.bom_length == 4);
  CHECK(decode_cut(Encoding::Gb18030, std::string_view(bytes).substr(4)) == Decoded{kGb18030Text, 0, 0});

  struct Case {
    std::string bytes;
    std::string utf8;
  };
  const Case cases[] = {
      {"\x81\x30\x81\x30", "\xC2\x80"},          // U+0080, the first four-byte code
      {"\x81\x30\x89\x38", "ß"},                 // U+00DF
      {"\x81\x35\xF4\x37", "\xEE\x9F\x87"},      // U+E7C7 (GB18030-2005; 2000 had U+1E3F here)
      {"\x84\x31\xA4\x39", "\xEF\xBF\xBF"},      // U+FFFF, the last BMP code
      {"\x90\x30\x81\x30", "\xF0\x90\x80\x80"},  // U+10000
      {"\x94\x39\xFC\x36", "😀"},                // U+1F600
      {"\xE3\x32\x9A\x35", "\xF4\x8F\xBF\xBF"},  // U+10FFFF
      {"\x80", "€"},                             // Windows code page 936
      {"\xA2\xE3", "€"},                         // GB18030's own euro sign
      {"Caf\xA8\xA6,\xA1\xE8", "Café,¤"},        // two-byte codes with two-byte UTF-8
  };
  for (const Case& c : cases) {
    CAPTURE(c.utf8);
    CHECK(decode_cut(Encoding::Gb18030, c.bytes) == Decoded{c.utf8, 0, 0});
  }
  // Unassigned four-byte codes: one U+FFFD for all four bytes.
  for (std::string unassigned : {"\x84\x31\xA5\x30", "\xE3\x32\x9A\x36", "\xFE\x39\xFE\x39", "\x8F\x39\xFE\x39"}) {
    CHECK(decode_cut(Encoding::Gb18030, "x" + unassigned + "y") == Decoded{"x" + kFFFD + "y", 1, 1});
  }
}

TEST_CASE("a character split across feed() calls, at every split point") {
  SUBCASE("UTF-8") {
    check_every_split(Encoding::Utf8, "a中😀é,\xC3\xA9", {"a中😀é,é", 0, 0});
  }
  SUBCASE("GB18030: one-, two- and four-byte characters") {
    // a中€ß😀,许 with the cp936 euro sign 0x80
    check_every_split(Encoding::Gb18030, "a\xD6\xD0\x80\x81\x30\x89\x38\x94\x39\xFC\x36,\xD0\xED",
                      {"a中€ß😀,许", 0, 0});
  }
  SUBCASE("Big5, with 0x5C trail bytes") {
    check_every_split(Encoding::Big5, "\xB3\x5C\xA5\x5C\xBB\x5C,\xA4\xA4\xA4\xE5\\", {"許功蓋,中文\\", 0, 0});
  }
  SUBCASE("UTF-16LE with a surrogate pair") {
    check_every_split(Encoding::Utf16LE, std::string("A\0\x3D\xD8\x00\xDE\x2D\x4E", 8), {"A😀中", 0, 0});
  }
  SUBCASE("UTF-16BE with a surrogate pair") {
    check_every_split(Encoding::Utf16BE, std::string("\0A\xD8\x3D\xDE\x00\x4E\x2D", 8), {"A😀中", 0, 0});
  }
  SUBCASE("invalid bytes give the same U+FFFD, count and offset wherever the cuts are") {
    check_every_split(Encoding::Utf8, "ab\xE4\xB8" "c\xF0\x9F\x98\xE4\xB8\xAD\xED\xA0\x80\xE4",
                      {"ab" + kFFFD + "c" + kFFFD + "中" + kFFFD + kFFFD + kFFFD + kFFFD, 6, 2});
    check_every_split(Encoding::Gb18030, "a\x81\x30\x20\xD6\xD0\xFF\x84\x31\xA5\x30\xD6",
                      {"a" + kFFFD + "0 中" + kFFFD + kFFFD + kFFFD, 4, 1});
    check_every_split(Encoding::Big5, "\xA4\x80x\xA4\xA4\xA4,\xFF\xA4",
                      {kFFFD + "x中" + kFFFD + "," + kFFFD + kFFFD, 4, 0});
    check_every_split(Encoding::Utf16LE, std::string("A\0\x3D\xD8" "B\0\x00\xDC\x2D\x4E\x3D", 11),
                      {"A" + kFFFD + "B" + kFFFD + "中" + kFFFD, 3, 2});
  }
}

TEST_CASE("invalid bytes become U+FFFD, counted, with the offset of the first") {
  SUBCASE("UTF-8: one U+FFFD per maximal ill-formed subpart") {
    CHECK(decode_cut(Encoding::Utf8, "ab\xFF" "cd") == Decoded{"ab" + kFFFD + "cd", 1, 2});
    CHECK(decode_cut(Encoding::Utf8, "\xE4\xB8" "A") == Decoded{kFFFD + "A", 1, 0});
    CHECK(decode_cut(Encoding::Utf8, "\xF0\x9F\x98" "A") == Decoded{kFFFD + "A", 1, 0});
    CHECK(decode_cut(Encoding::Utf8, "\xC0\xAF") == Decoded{kFFFD + kFFFD, 2, 0});  // overlong '/'
    CHECK(decode_cut(Encoding::Utf8, "x\xED\xA0\x80") == Decoded{"x" + kFFFD + kFFFD + kFFFD, 3, 1});  // U+D800
    CHECK(decode_cut(Encoding::Utf8, "\xF4\x90\x80\x80") == Decoded{kFFFD + kFFFD + kFFFD + kFFFD, 4, 0});
    CHECK(decode_cut(Encoding::Utf8, "ok\xE4\xB8") == Decoded{"ok" + kFFFD, 1, 2});  // cut at the end
    // The BOM is not dropped by the decoder.
    CHECK(decode_cut(Encoding::Utf8, "\xEF\xBB\xBF" "a") == Decoded{"\xEF\xBB\xBF" "a", 0, 0});
  }
  SUBCASE("GB18030: skip the bad byte and go on") {
    CHECK(decode_cut(Encoding::Gb18030, "\x81\x20") == Decoded{kFFFD + " ", 1, 0});
    CHECK(decode_cut(Encoding::Gb18030, "A\xFF" "B") == Decoded{"A" + kFFFD + "B", 1, 1});
    CHECK(decode_cut(Encoding::Gb18030, "\xD6\xD0\x81") == Decoded{"中" + kFFFD, 1, 2});
    CHECK(decode_cut(Encoding::Gb18030, "\x81\x30\x20") == Decoded{kFFFD + "0 ", 1, 0});
    CHECK(decode_cut(Encoding::Gb18030, "\x81\x30\x81\x20") == Decoded{kFFFD + "0" + kFFFD + " ", 2, 0});
    CHECK(decode_cut(Encoding::Gb18030, "\x81\x30\x81") == Decoded{kFFFD, 1, 0});  // cut four-byte code
  }
  SUBCASE("Big5: a lead byte with a non-ASCII byte that makes no character is one U+FFFD") {
    CHECK(decode_cut(Encoding::Big5, "\xA4\x80" "A") == Decoded{kFFFD + "A", 1, 0});
    CHECK(decode_cut(Encoding::Big5, "\xA4,") == Decoded{kFFFD + ",", 1, 0});
    CHECK(decode_cut(Encoding::Big5, "\xA4" "A") == Decoded{"乙", 0, 0});  // A (0x41) is a trail byte
    CHECK(decode_cut(Encoding::Big5, "a\x80") == Decoded{"a" + kFFFD, 1, 1});
    CHECK(decode_cut(Encoding::Big5, "\xA4\xA4\xA4") == Decoded{"中" + kFFFD, 1, 2});
    // 81 is a lead byte with no characters (Big5-HKSCS starts at 87): the same rule
    CHECK(decode_cut(Encoding::Big5, "\x81" "A") == Decoded{kFFFD + "A", 1, 0});
    CHECK(decode_cut(Encoding::Big5, "\x81\xA1" "A") == Decoded{kFFFD + "A", 1, 0});
  }
  SUBCASE("UTF-16: an unpaired surrogate is one U+FFFD; so is an odd last byte") {
    CHECK(decode_cut(Encoding::Utf16LE, std::string("\x3D\xD8" "A\0", 4)) == Decoded{kFFFD + "A", 1, 0});
    CHECK(decode_cut(Encoding::Utf16LE, std::string("A\0\x00\xDC", 4)) == Decoded{"A" + kFFFD, 1, 2});
    CHECK(decode_cut(Encoding::Utf16BE, std::string("\0A\xD8\x3D", 4)) == Decoded{"A" + kFFFD, 1, 2});
    CHECK(decode_cut(Encoding::Utf16LE, std::string("A\0B", 3)) == Decoded{"A" + kFFFD, 1, 2});
  }
  SUBCASE("offsets count every byte fed, across calls; the first one stays") {
    Utf8Decoder d(Encoding::Utf8);
    std::string out;
    d.feed("abc", out);
    d.feed("d\xE4", out);
    CHECK(d.invalid_count() == 0);
    d.feed("\xB8\xFF", out);  // E4 B8 then FF: one subpart, then another
    CHECK(d.invalid_count() == 2);
    CHECK(d.first_invalid_offset() == 4);
    d.feed("\xFF", out);
    d.finish(out);
    CHECK(out == "abcd" + kFFFD + kFFFD + kFFFD);
    CHECK(d.invalid_count() == 3);
    CHECK(d.first_invalid_offset() == 4);
  }
  SUBCASE("finish() adds nothing after complete input") {
    Utf8Decoder d(Encoding::Gb18030);
    std::string out;
    d.feed("\xD6\xD0", out);
    d.finish(out);
    d.finish(out);
    CHECK(out == "中");
    CHECK(d.invalid_count() == 0);
  }
}

TEST_CASE("long input: chunked equals whole, for every encoding") {
  // Many rows, so runs pass the fast paths and the output grows many times.
  std::string gbk_rows, utf8_rows;
  const std::string gbk_fixture = read_fixture("enc_gbk.csv");
  for (int i = 0; i < 500; ++i) {
    gbk_rows += gbk_fixture;
    utf8_rows += kGbkText;
  }
  Decoded whole = decode_cut(Encoding::Gb18030, gbk_rows);
  CHECK(whole == Decoded{utf8_rows, 0, 0});
  auto cuts_of = [](const std::string& s) {
    std::vector<size_t> cuts;
    for (size_t at = 1; at < s.size(); at += 4093) cuts.push_back(at);
    return cuts;
  };
  CHECK(decode_cut(Encoding::Gb18030, gbk_rows, cuts_of(gbk_rows)) == whole);
  CHECK(decode_cut(Encoding::Utf8, utf8_rows, cuts_of(utf8_rows)) == Decoded{utf8_rows, 0, 0});
  CHECK(is_valid_utf8(utf8_rows));
  CHECK(detect_encoding(gbk_rows).encoding == Encoding::Gb18030);

  std::string big5_rows, big5_utf8;
  const std::string big5_fixture = read_fixture("enc_big5.csv");
  for (int i = 0; i < 500; ++i) {
    big5_rows += big5_fixture;
    big5_utf8 += kBig5Text;
  }
  CHECK(decode_cut(Encoding::Big5, big5_rows, cuts_of(big5_rows)) == Decoded{big5_utf8, 0, 0});
  CHECK(detect_encoding(big5_rows).encoding == Encoding::Big5);
}

TEST_CASE("is_valid_utf8 edge cases") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII, longer than sixteen bytes"));
  CHECK(is_valid_utf8(std::string("nul\0inside", 10)));
  CHECK(is_valid_utf8("\xC2\x80"));             // U+0080
  CHECK(is_valid_utf8("\xDF\xBF"));             // U+07FF
  CHECK(is_valid_utf8("\xE0\xA0\x80"));         // U+0800
  CHECK(is_valid_utf8("\xED\x9F\xBF"));         // U+D7FF
  CHECK(is_valid_utf8("\xEE\x80\x80"));         // U+E000
  CHECK(is_valid_utf8("\xEF\xBF\xBF"));         // U+FFFF
  CHECK(is_valid_utf8("\xF0\x90\x80\x80"));     // U+10000
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));     // U+10FFFF
  CHECK(is_valid_utf8("客户😀"));
  // Overlongs
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));
  CHECK_FALSE(is_valid_utf8("\xC1\xBF"));
  CHECK_FALSE(is_valid_utf8("\xE0\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xE0\x9F\xBF"));
  CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xF0\x8F\xBF\xBF"));
  // Surrogates D800-DFFF
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
  CHECK_FALSE(is_valid_utf8("\xED\xAD\xBF"));
  CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));
  CHECK_FALSE(is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // CESU-8 pair
  // Above U+10FFFF, and bytes that never occur
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));
  CHECK_FALSE(is_valid_utf8("\xFE"));
  CHECK_FALSE(is_valid_utf8("\xFF"));
  // Stray continuation bytes and bad continuations
  CHECK_FALSE(is_valid_utf8("\x80"));
  CHECK_FALSE(is_valid_utf8("a\xBF" "b"));
  CHECK_FALSE(is_valid_utf8("\xE4\xB8" "a"));
  CHECK_FALSE(is_valid_utf8("\xE4\xB8\xAD\xAD"));
  // Errors past the 8-byte ASCII fast path and inside runs of two- and three-byte characters
  CHECK_FALSE(is_valid_utf8(std::string(77, 'x') + "\xFF" + std::string(40, 'y')));
  CHECK(is_valid_utf8(std::string(77, 'x') + "é" + std::string(40, 'y')));
  const std::string run = "中文éж客户";
  CHECK(is_valid_utf8(run + run + "\xED\x9F\xBF" + run + "\xE0\xA0\x80" + run));
  for (std::string bad : {"\xE4\xB8" "x", "\xE4(\xAD", "\xC3(", "\xED\xA0\x80", "\xE0\x9F\xBF", "\xBF", "\xF0\x9F\x98(",
                          "\xF4\x90\x80\x80"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_utf8(run + bad + run));
    CHECK(decode_cut(Encoding::Utf8, run + bad + run).first_invalid == run.size());
  }
  CHECK(is_valid_utf8(run + "\xE4\xB8", true));
  CHECK_FALSE(is_valid_utf8(run + "\xE4\xB8"));
  // Truncated tails: allowed only when asked, and only if the bytes so far are a valid start.
  CHECK_FALSE(is_valid_utf8("a\xE4\xB8"));
  CHECK(is_valid_utf8("a\xE4\xB8", true));
  CHECK(is_valid_utf8("a\xE4", true));
  CHECK(is_valid_utf8("\xF0\x9F\x98", true));
  CHECK(is_valid_utf8("\xC3", true));
  CHECK_FALSE(is_valid_utf8("\xC3"));
  CHECK_FALSE(is_valid_utf8("\xE4\xB8" "a", true));  // not at the end
  CHECK_FALSE(is_valid_utf8("\xED\xA0", true));      // would be a surrogate
  CHECK_FALSE(is_valid_utf8("\xE0\x80", true));      // would be overlong
  CHECK_FALSE(is_valid_utf8("\xF4\x90", true));      // would be above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xC0", true));
  CHECK_FALSE(is_valid_utf8("\xF5", true));
}

TEST_CASE("Windows-1252: detected from lone accented bytes, decoded with the code page's table") {
  // "Name;Straße;Café;€5\n" in Windows-1252
  const std::string w("Name;Stra\xDF" "e;Caf\xE9;\x80" "5\n");
  EncodingGuess g = detect_encoding(w);
  CHECK(g.encoding == Encoding::Windows1252);
  CHECK(g.reason == "not valid UTF-8; 3 of 3 non-ASCII bytes stand alone between ASCII, as accented letters do in Windows-1252");
  CHECK(decode(Encoding::Windows1252, w) == "Name;Straße;Café;€5\n");
  Encoding e;
  REQUIRE(parse_encoding("ISO-8859-1", e));
  CHECK(e == Encoding::Windows1252);
  CHECK(to_string(Encoding::Windows1252) == "Windows-1252");
  // GBK text is not mistaken for it: its high bytes come in pairs.
  CHECK(detect_encoding("\xbf\xcd\xbb\xa7ID,\xb3\xc7\xca\xd0\n").encoding == Encoding::Gb18030);
}
