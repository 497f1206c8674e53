// libFuzzer target: arbitrary bytes into the xlsx reader (src/core/xlsx.cpp) and the zip reader
// under it (src/core/zip.cpp). Neither may crash, hang, leak or read outside the input.
//
// Two kinds of input, told apart by their first bytes:
//   "PK..."   a whole file: ZipArchive opens it and reads every entry, then read_xlsx reads it.
//   other     the XML parts of a workbook, separated by "\n=====\n": the sheet, the shared
//             strings, the styles, the workbook. They are zipped here (stored, with correct
//             CRCs) before read_xlsx, so mutations reach the XML scanner instead of stopping at
//             the zip's CRC check.
// Seeds: fuzz/corpus/xlsx/ (the workbooks of tests/data and their XML parts, written by
// tests/data/make_xlsx_fixtures.py).
//
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc/core \
//       fuzz/fuzz_xlsx.cpp src/core/xlsx.cpp src/core/zip.cpp -lz -o fuzz_xlsx
//   mkdir -p corpus && ./fuzz_xlsx -max_total_time=180 -dict=fuzz/xlsx.dict corpus fuzz/corpus/xlsx
// or fuzz/run.sh 180 xlsx.
//
// fuzz-sources: src/core/xlsx.cpp src/core/zip.cpp
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "seglens/xlsx.hpp"
#include "seglens/zip.hpp"

namespace {

// Checks the RowSink contract (a violation traps) and touches every cell it is given, so that a
// view into freed or foreign memory is read: set_columns once, before any row; every row as wide
// as the header; source rows from 1 on; a reject's raw text at most 512 bytes, its column 0..16385.
class CheckingSink final : public seglens::RowSink {
 public:
  int set_columns_calls = 0;
  size_t width = 0, bytes = 0;
  void set_columns(std::vector<std::string> names) override {
    if (set_columns_calls++ != 0) __builtin_trap();
    width = names.size();
    for (const std::string& n : names) bytes += n.size();
  }
  void add_row(const std::string_view* cells, size_t n, size_t source_row) override {
    if (set_columns_calls != 1 || n != width || source_row == 0) __builtin_trap();
    for (size_t i = 0; i < n; ++i)
      for (char c : cells[i]) bytes += static_cast<unsigned char>(c) & 1u;
  }
  void reject(size_t source_row, size_t column, std::string_view raw, std::string reason) override {
    if (set_columns_calls != 1 || source_row == 0 || raw.size() > 512 || column > 16385 || reason.empty())
      __builtin_trap();
    for (char c : raw) bytes += static_cast<unsigned char>(c) & 1u;
  }
};

void put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xFF));
  s.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void put32(std::string& s, uint32_t v) {
  put16(s, v & 0xFFFF);
  put16(s, v >> 16);
}

// A zip of stored entries.
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& parts) {
  std::string out, central;
  for (const auto& [name, data] : parts) {
    const uint32_t crc =
        static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const uint32_t offset = static_cast<uint32_t>(out.size());
    for (std::string* h : {&out, &central}) {
      const bool local = h == &out;
      put32(*h, local ? 0x04034b50 : 0x02014b50);
      if (!local) put16(*h, 20);
      put16(*h, 20);
      put16(*h, 0);
      put16(*h, 0);
      put32(*h, 0);
      put32(*h, crc);
      put32(*h, static_cast<uint32_t>(data.size()));
      put32(*h, static_cast<uint32_t>(data.size()));
      put16(*h, static_cast<uint32_t>(name.size()));
      put16(*h, 0);
      if (!local) {
        put16(*h, 0);  // comment length
        put16(*h, 0);  // disk
        put16(*h, 0);  // internal attributes
        put32(*h, 0);  // external attributes
        put32(*h, offset);
      }
      *h += name;
      if (local) h->append(data);
    }
  }
  const uint32_t cd = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put32(out, 0);
  put16(out, static_cast<uint32_t>(parts.size()));
  put16(out, static_cast<uint32_t>(parts.size()));
  put32(out, static_cast<uint32_t>(central.size()));
  put32(out, cd);
  put16(out, 0);
  return out;
}

// read_xlsx on the first sheet and on the second by name; a false return leaves the sink
// untouched and names the problem, a true one calls set_columns once and names the sheet read.
void read_all(std::string_view bytes) {
  std::vector<std::string> names;
  std::string error;
  const bool listed = seglens::xlsx_sheet_names(bytes, names, error);
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1 && names.size() < 2) break;
    const std::string sheet = pass == 0 ? std::string() : names[1];
    CheckingSink sink;
    seglens::XlsxInfo info;
    error.clear();
    if (seglens::read_xlsx(bytes, sheet, sink, info, error)) {
      if (!listed || sink.set_columns_calls != 1 || info.sheets != names) __builtin_trap();
      if (std::find(names.begin(), names.end(), info.sheet_read) == names.end()) __builtin_trap();
    } else if (sink.set_columns_calls != 0 || error.empty()) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  seglens::looks_like_zip(bytes);
  if (bytes.substr(0, 2) == "PK" || size < 8) {
    seglens::ZipArchive zip;
    std::string error;
    if (zip.open(bytes, error)) {
      for (const seglens::ZipEntry& e : zip.entries()) {
        std::string out;
        zip.read(e, out, error, uint64_t{64} << 20);
      }
    }
    read_all(bytes);
    return 0;
  }

  std::vector<std::string_view> xml;
  std::string_view rest = bytes;
  for (;;) {
    const size_t sep = rest.find("\n=====\n");
    xml.push_back(rest.substr(0, sep));
    if (sep == std::string_view::npos) break;
    rest = rest.substr(sep + 7);
  }
  const std::string_view workbook =
      xml.size() > 3 ? xml[3]
                     : "<workbook xmlns:r=\"r\"><sheets><sheet name=\"A\" r:id=\"rId1\"/><sheet name=\"B\" r:id=\"rId1\"/>"
                       "</sheets></workbook>";
  const std::string_view rels =
      "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"/xl/styles.xml\"/></Relationships>";
  std::vector<std::pair<std::string, std::string_view>> parts = {
      {"xl/workbook.xml", workbook}, {"xl/_rels/workbook.xml.rels", rels}, {"xl/worksheets/sheet1.xml", xml[0]}};
  if (xml.size() > 1) parts.emplace_back("xl/sharedStrings.xml", xml[1]);
  if (xml.size() > 2) parts.emplace_back("xl/styles.xml", xml[2]);
  const std::string zip = stored_zip(parts);
  seglens::ZipArchive check;
  std::string error;
  if (!check.open(zip, error)) __builtin_trap();  // the zip written here must be readable
  read_all(zip);
  return 0;
}
