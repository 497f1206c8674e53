// Tests of src/core/zip.cpp: the central directory, stored and deflated entries, and the errors
// for archives that are not zips, are cut short, damaged, encrypted, zip64 or too large.
// tests/data/zip_mixed.zip is written by Python's zipfile (tests/data/make_xlsx_fixtures.py).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "fixtures.hpp"
#include "seglens/zip.hpp"
#include "zip_builder.hpp"

using namespace seglens;
using namespace seglens::test;

namespace {

const std::string kLorem = [] {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "Seglens reads zip archives in memory. ";
  return s;
}();

// Opens `zip` and reads entry `name`; the error of whichever step failed.
std::string read_error(const std::string& zip, const std::string& name, uint64_t max_size = uint64_t{1} << 31) {
  ZipArchive z;
  std::string error;
  if (!z.open(zip, error)) return "open: " + error;
  const ZipEntry* e = z.find(name);
  if (!e) return "no entry";
  std::string out;
  if (!z.read(*e, out, error, max_size)) return "read: " + error;
  return "ok";
}

}  // namespace

TEST_CASE("zip: entries written by Python's zipfile") {
  const std::string bytes = read_fixture("zip_mixed.zip");
  ZipArchive z;
  std::string error;
  REQUIRE(z.open(bytes, error));
  CHECK(error.empty());

  std::vector<std::string> names;
  for (const ZipEntry& e : z.entries()) names.push_back(e.name);
  CHECK(names == std::vector<std::string>{"stored.txt", "dir/", "dir/deflated.txt", "empty.txt", "数据/说明.txt"});

  const ZipEntry* stored = z.find("stored.txt");
  REQUIRE(stored);
  CHECK(stored->method == 0);
  CHECK(stored->compressed_size == 20);
  CHECK(stored->uncompressed_size == 20);
  CHECK(stored->crc32 == 0x0d0d1883u);
  CHECK(stored->local_header_offset == 0);
  const ZipEntry* deflated = z.find("dir/deflated.txt");
  REQUIRE(deflated);
  CHECK(deflated->method == 8);
  CHECK(deflated->compressed_size == 78);
  CHECK(deflated->uncompressed_size == 7600);
  CHECK(deflated->crc32 == 0xf94e0691u);
  CHECK(deflated->local_header_offset == 94);
  CHECK(z.find("missing.txt") == nullptr);
  CHECK(z.find("STORED.TXT") == nullptr);  // names are exact

  std::string out;
  REQUIRE(z.read(*stored, out, error));
  CHECK(out == "hello, stored entry\n");
  REQUIRE(z.read(*deflated, out, error));
  CHECK(out == kLorem);
  REQUIRE(z.read(*z.find("empty.txt"), out, error));
  CHECK(out.empty());
  REQUIRE(z.read(*z.find("dir/"), out, error));
  CHECK(out.empty());
  REQUIRE(z.read(*z.find("数据/说明.txt"), out, error));
  CHECK(out == "中文内容\n");
}

TEST_CASE("zip: archives built in memory, with and without a trailing comment") {
  const std::vector<ZipPart> parts = {{"a.xml", "<a>one</a>", false}, {"b/c.xml", kLorem, true}};
  for (std::string comment : {std::string(), std::string("note"), std::string(65535, 'c')}) {
    const std::string zip = make_zip(parts, comment);
    ZipArchive z;
    std::string error, out;
    REQUIRE_MESSAGE(z.open(zip, error), error);
    REQUIRE(z.entries().size() == 2);
    REQUIRE(z.read(*z.find("b/c.xml"), out, error));
    CHECK(out == kLorem);
    REQUIRE(z.read(*z.find("a.xml"), out, error));
    CHECK(out == "<a>one</a>");
  }
  // Bytes after the comment (a comment length that falls short) are tolerated.
  std::string zip = make_zip(parts, "xy") + "trailing garbage";
  ZipArchive z;
  std::string error;
  CHECK(z.open(zip, error));
  // A comment longer than the 64 KiB limit hides the end record: not found.
  std::string far = make_zip(parts) + std::string(70000, 'x');
  CHECK_FALSE(z.open(far, error));
  CHECK(error == "truncated or damaged zip archive: the end of its central directory is missing");
  CHECK(z.entries().empty());
}

TEST_CASE("zip: inputs that are not zip archives") {
  ZipArchive z;
  std::string error;
  CHECK_FALSE(z.open("", error));
  CHECK(error == "not a zip archive: the file is empty");
  CHECK_FALSE(z.open("客户ID,下单日期\nC001,2024-01-05\nthis is plain text, not a zip\n", error));
  CHECK(error == "not a zip archive");
  CHECK_FALSE(z.open("PK\x03\x04", error));
  CHECK(error == "truncated zip archive: only 4 bytes");
  CHECK_FALSE(z.open("short", error));
  CHECK(error == "not a zip archive (too short)");
}

TEST_CASE("zip: every truncation of an archive is refused, and none reads outside the buffer") {
  const std::string bytes = read_fixture("zip_mixed.zip");
  for (size_t n = 0; n < bytes.size(); ++n) {
    // A fresh copy of exactly n bytes, so a sanitizer sees any read past its end.
    const std::string cut = bytes.substr(0, n);
    ZipArchive z;
    std::string error;
    CHECK_FALSE(z.open(cut, error));
    CHECK(!error.empty());
  }
}

TEST_CASE("zip: every single damaged byte is either harmless or a clear error") {
  const std::string bytes = read_fixture("zip_mixed.zip");
  const size_t stored_data = entry_data(bytes, "stored.txt");  // 20 bytes of "hello, stored entry\n"
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    ZipArchive z;
    std::string error;
    if (!z.open(bad, error)) {
      CHECK(!error.empty());
      continue;
    }
    for (const ZipEntry& e : z.entries()) {
      std::string out;
      if (!z.read(e, out, error)) {
        CHECK(!error.empty());
        CHECK(out.empty());
      }
    }
    if (i >= stored_data && i < stored_data + 20) {
      std::string out;
      CHECK_FALSE(z.read(*z.find("stored.txt"), out, error));
      CHECK(error == "damaged zip archive: CRC mismatch in entry 'stored.txt'");
    }
  }
}

TEST_CASE("zip: damaged entries") {
  const std::string good = make_zip({{"s.txt", "stored text", false}, {"d.txt", kLorem, true}});
  CHECK(read_error(good, "s.txt") == "ok");
  CHECK(read_error(good, "d.txt") == "ok");

  SUBCASE("a changed byte of stored data fails the CRC check") {
    std::string bad = good;
    bad[entry_data(bad, "s.txt")] ^= 1;
    CHECK(read_error(bad, "s.txt") == "read: damaged zip archive: CRC mismatch in entry 's.txt'");
  }
  SUBCASE("a wrong CRC in the central directory") {
    std::string bad = good;
    set32(bad, central_header(bad, "d.txt") + 16, 0x12345678);
    CHECK(read_error(bad, "d.txt") == "read: damaged zip archive: CRC mismatch in entry 'd.txt'");
  }
  SUBCASE("a corrupt deflate stream (reserved block type)") {
    std::string bad = good;
    bad[entry_data(bad, "d.txt")] = static_cast<char>(0xFF);
    CHECK(read_error(bad, "d.txt") ==
          "read: damaged zip archive: corrupt compressed data in entry 'd.txt' (invalid block type)");
  }
  SUBCASE("a deflate stream cut short") {
    std::string bad = good;
    const size_t ch = central_header(bad, "d.txt");
    set32(bad, ch + 20, get32(bad, ch + 20) - 10);
    CHECK(read_error(bad, "d.txt") == "read: damaged zip archive: the compressed data of entry 'd.txt' ends early");
  }
  SUBCASE("declared sizes that do not match the data") {
    std::string small = good, large = good;
    set32(small, central_header(small, "d.txt") + 24, 100);
    CHECK(read_error(small, "d.txt") ==
          "read: damaged zip archive: entry 'd.txt' inflates to more bytes than the 100 it declares");
    set32(large, central_header(large, "d.txt") + 24, 8000);
    CHECK(read_error(large, "d.txt") ==
          "read: damaged zip archive: entry 'd.txt' inflates to fewer bytes than the 8000 it declares");
    std::string stored = good;
    set32(stored, central_header(stored, "s.txt") + 24, 5);
    CHECK(read_error(stored, "s.txt") ==
          "read: damaged zip archive: stored entry 's.txt' has different compressed and uncompressed sizes");
  }
  SUBCASE("a declared size no deflate stream can reach (a zip bomb's lie)") {
    std::string bad = good;
    set32(bad, central_header(bad, "d.txt") + 24, 0x7FFFFFFF);
    const std::string err = read_error(bad, "d.txt");
    CHECK(err.rfind("read: damaged zip archive: entry 'd.txt' claims 2147483647 bytes from only", 0) == 0);
  }
  SUBCASE("the size limit") {
    CHECK(read_error(good, "d.txt", 7600) == "ok");
    CHECK(read_error(good, "d.txt", 7599) ==
          "read: entry 'd.txt' is too large: 7600 bytes uncompressed, the limit is 7599");
  }
  SUBCASE("data running past the end of the file") {
    std::string bad = good;
    set32(bad, central_header(bad, "d.txt") + 20, 1000000);
    CHECK(read_error(bad, "d.txt") == "read: truncated zip archive: the data of entry 'd.txt' runs past the end of the file");
  }
  SUBCASE("a local header that is not there") {
    std::string bad = good;
    set32(bad, central_header(bad, "d.txt") + 42, 3);
    CHECK(read_error(bad, "d.txt") == "read: damaged zip archive: the local header of entry 'd.txt' is missing");
    set32(bad, central_header(bad, "d.txt") + 42, 0x00FFFFFF);
    CHECK(read_error(bad, "d.txt") == "open: truncated or damaged zip archive: entry 'd.txt' starts outside the file");
  }
  SUBCASE("an encrypted entry") {
    std::string bad = good;
    bad[local_header(bad, "d.txt") + 6] |= 1;
    CHECK(read_error(bad, "d.txt") == "read: entry 'd.txt' is encrypted (password-protected files are not supported)");
    CHECK(read_error(bad, "s.txt") == "ok");
  }
  SUBCASE("unsupported compression methods") {
    std::string bad = good;
    set16(bad, central_header(bad, "d.txt") + 10, 12);
    CHECK(read_error(bad, "d.txt") ==
          "read: entry 'd.txt' uses compression method 12 (bzip2); only stored and deflate are supported");
    set16(bad, central_header(bad, "d.txt") + 10, 77);
    CHECK(read_error(bad, "d.txt") ==
          "read: entry 'd.txt' uses compression method 77 (an unknown method); only stored and deflate are supported");
  }
  SUBCASE("zip64") {
    std::string bad = good;
    set32(bad, central_header(bad, "d.txt") + 24, 0xFFFFFFFF);
    CHECK(read_error(bad, "d.txt") == "open: zip64 archives are not supported (entry 'd.txt')");
    std::string big = good;
    const size_t end = end_record(big);
    set32(big, end + 16, 0xFFFFFFFF);
    big.insert(end, std::string("PK\x06\x07", 4) + std::string(16, '\0'));  // a zip64 locator before the end record
    CHECK(read_error(big, "d.txt") == "open: zip64 archives are not supported");
  }
  SUBCASE("multi-disk archives") {
    std::string bad = good;
    set16(bad, end_record(bad) + 4, 1);
    CHECK(read_error(bad, "d.txt") == "open: multi-disk (split) zip archives are not supported");
  }
  SUBCASE("a central directory outside the file, or broken") {
    std::string bad = good;
    set32(bad, end_record(bad) + 16, static_cast<uint32_t>(bad.size()));
    CHECK(read_error(bad, "d.txt") ==
          "open: truncated or damaged zip archive: the central directory lies outside the file");
    std::string wrong = good;
    set16(wrong, end_record(wrong) + 8, 3);
    set16(wrong, end_record(wrong) + 10, 3);
    CHECK(read_error(wrong, "d.txt") ==
          "open: damaged zip archive: central directory record 3 of 3 is missing or broken");
    std::string name_long = good;
    set16(name_long, central_header(name_long, "d.txt") + 28, 500);
    CHECK(read_error(name_long, "d.txt") ==
          "open: damaged zip archive: central directory record 2 runs past its end");
  }
  SUBCASE("an entry made up by the caller is checked too") {
    ZipArchive z;
    std::string error, out;
    REQUIRE(z.open(good, error));
    ZipEntry fake = *z.find("d.txt");
    fake.local_header_offset = uint64_t{1} << 40;
    CHECK_FALSE(z.read(fake, out, error));
    CHECK(error == "damaged zip archive: the local header of entry 'd.txt' is missing");
    ZipArchive unopened;
    CHECK_FALSE(unopened.read(fake, out, error));
  }
}
