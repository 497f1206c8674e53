// Tests of src/core/xlsx.cpp: sheets, shared and inline strings, numbers, booleans, dates in
// both date systems, number formats, sparse rows, errors and damaged files.
// Fixtures (tests/data/make_xlsx_fixtures.py): orders.xlsx (openpyxl; an order export with a
// Chinese header, shared strings, several date formats), dates1904.xlsx, handmade.xlsx (XML
// written by hand: inline strings, rich text, error cells, x: prefixes). Edge cases are built
// here as small zips of hand-written XML.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "seglens/xlsx.hpp"
#include "xlsx_internal.hpp"
#include "recording_sink.hpp"
#include "zip_builder.hpp"

using namespace seglens;
using namespace seglens::test;
using Rows = std::vector<std::vector<std::string>>;

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", \"" : "\"") + v[i] + "\"";
    return String((out + "}").c_str());
  }
};
}  // namespace doctest

namespace {

class NullSink final : public RowSink {
 public:
  size_t rows = 0;
  void set_columns(std::vector<std::string>) override {}
  void add_row(const std::string_view*, size_t, size_t) override { ++rows; }
  void reject(size_t, size_t, std::string_view, std::string) override {}
};

struct Read {
  bool ok = false;
  std::string error;
  XlsxInfo info;
  RecordingSink sink;
};

Read read(const std::string& bytes, const std::string& sheet = {}) {
  Read r;
  r.ok = read_xlsx(bytes, sheet, r.sink, r.info, r.error);
  return r;
}

const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

// A workbook of one sheet "S" from hand-written parts (sheetData content, shared strings' <si>
// elements, cellXfs' <xf> elements and numFmts).
std::string tiny_xlsx(const std::string& sheet_data, const std::string& sst = {}, const std::string& xfs = {},
                      const std::string& numfmts = {}, const std::string& workbook_pr = {}) {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::vector<ZipPart> parts;
  parts.push_back({"xl/workbook.xml", std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + rel + "\">" +
                                          workbook_pr + "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                   "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                   "<Relationship Id=\"rId3\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>"});
  if (!sst.empty()) parts.push_back({"xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMain + "\">" + sst + "</sst>"});
  if (!xfs.empty() || !numfmts.empty())
    parts.push_back({"xl/styles.xml", std::string("<styleSheet xmlns=\"") + kMain + "\"><numFmts>" + numfmts +
                                          "</numFmts><cellXfs>" + xfs + "</cellXfs></styleSheet>"});
  parts.push_back({"xl/worksheets/sheet1.xml",
                   std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + sheet_data + "</sheetData></worksheet>"});
  return make_zip(parts);
}

}  // namespace

// [SECTION] Fixture workbooks

TEST_CASE("xlsx: an order export with a Chinese header (orders.xlsx, first sheet)") {
  const std::string bytes = read_fixture("orders.xlsx");
  CHECK(looks_like_zip(bytes));
  Read r = read(bytes);
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(r.info.sheets == std::vector<std::string>{"订单", "客户", "空表"});
  CHECK(r.info.sheet_read == "订单");
  CHECK(r.sink.set_columns_calls == 1);
  CHECK(r.sink.columns == std::vector<std::string>{"客户ID", "下单日期", "订单金额", "是否会员", "下单时间", "城市", "备注"});
  const Rows expected = {
      {"C001", "2024-01-05", "128.5", "true", "2024-01-05 13:45:00", "北京", "首单"},
      {"C002", "2024-02-29", "99", "false", "2024-02-29 08:00:30", "上海", "A & B <c>"},
      {"C003", "2023-12-31", "", "true", "2023-12-31 23:59:59", "北京", "0.3"},
      {"C004", "2024-03-01", "-42", "false", "2024-03-01", "广州", "1e-07"},
      {"C005", "", "", "true", "", "深圳", ""},
      {"C007", "", "1234567.891", "", "45000", "  前后空格  ", "第一行\n第二行"},
  };
  REQUIRE(r.sink.rows.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(r.sink.rows[i] == expected[i]);
  CHECK(r.sink.source_rows == std::vector<size_t>{2, 3, 4, 5, 7, 9});
  REQUIRE(r.sink.rejects.size() == 1);
  CHECK(r.sink.rejects[0] == Reject{8, 8, "C006,,10,,,杭州,,,多余", "row has 9 cells but the header has 7"});
  CHECK(r.info.warnings == std::vector<std::string>{"skipped 1 empty row (the first is row 6)"});
}

TEST_CASE("xlsx: choosing a sheet by name") {
  const std::string bytes = read_fixture("orders.xlsx");
  Read c = read(bytes, "客户");
  REQUIRE_MESSAGE(c.ok, c.error);
  CHECK(c.info.sheet_read == "客户");
  CHECK(c.sink.columns == std::vector<std::string>{"客户ID", "姓名", "注册日期"});
  REQUIRE(c.sink.rows.size() == 2);
  CHECK(c.sink.rows[0] == std::vector<std::string>{"C001", "张三", "2023-06-01"});
  CHECK(c.sink.rows[1] == std::vector<std::string>{"C002", "李四", "2023-07-15"});
  CHECK(c.info.warnings.empty());

  Read empty = read(bytes, "空表");
  REQUIRE(empty.ok);
  CHECK(empty.sink.set_columns_calls == 1);
  CHECK(empty.sink.columns.empty());
  CHECK(empty.sink.rows.empty());
  CHECK(empty.info.warnings == std::vector<std::string>{"sheet '空表' has no cells with values"});

  Read missing = read(bytes, "Orders");
  CHECK_FALSE(missing.ok);
  CHECK(missing.error == "the workbook has no sheet named 'Orders'; its sheets are: '订单', '客户', '空表'");
  CHECK(missing.sink.set_columns_calls == 0);
  CHECK(missing.info.sheets == std::vector<std::string>{"订单", "客户", "空表"});

  std::vector<std::string> names;
  std::string error;
  REQUIRE(xlsx_sheet_names(bytes, names, error));
  CHECK(names == std::vector<std::string>{"订单", "客户", "空表"});
}

TEST_CASE("xlsx: the 1904 date system (dates1904.xlsx)") {
  Read r = read(read_fixture("dates1904.xlsx"));
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(r.info.sheet_read == "Mac");
  CHECK(r.sink.columns == std::vector<std::string>{"日期", "时间", "数量"});
  REQUIRE(r.sink.rows.size() == 2);
  CHECK(r.sink.rows[0] == std::vector<std::string>{"2024-01-05", "2024-01-05 06:30:00", "3"});
  CHECK(r.sink.rows[1] == std::vector<std::string>{"1904-01-02", "1904-01-01 12:00:00", "4"});
}

TEST_CASE("xlsx: hand-written XML (handmade.xlsx)") {
  const std::string bytes = read_fixture("handmade.xlsx");
  Read r = read(bytes);
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(r.info.sheets == std::vector<std::string>{"手写", "Prefixed & Co"});
  CHECK(r.info.sheet_read == "手写");
  // Row 1 holds only empty cells: the header is row 2; D2 is empty.
  CHECK(r.sink.columns == std::vector<std::string>{"名称", "值", "类型", "column_4", "公式"});
  const Rows expected = {
      {"粗体 和 斜体", "", "inline & 内联", "true", "粗体 和 斜体x"},
      {"你好 & <ok> \"q\" 'a'", "1900-02-28", "1900-02-29", "1900-03-01", "2024-01-05 12:00:00"},
      {"東京", "3.5", "18:00:00", "-7", "2.25"},
      {"  line1\r\nline2  ", "", "2024-01-05", "false", "2024-01-05 13:45:10"},
      {"0.01", "1.2345678901234567e+19", "0.30000000000000004", "7", "2958466"},
  };
  REQUIRE(r.sink.rows.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(r.sink.rows[i] == expected[i]);
  CHECK(r.sink.source_rows == std::vector<size_t>{3, 4, 5, 6, 9});
  CHECK(r.sink.rejects.empty());
  CHECK(r.info.warnings == std::vector<std::string>{"skipped 2 empty rows (the first is row 7)",
                                                    "2 error cells read as empty (the first: #DIV/0! in B3)"});

  Read p = read(bytes, "Prefixed & Co");
  REQUIRE_MESSAGE(p.ok, p.error);
  CHECK(p.sink.columns == std::vector<std::string>{"id", "note"});
  REQUIRE(p.sink.rows.size() == 2);
  CHECK(p.sink.rows[0] == std::vector<std::string>{"1", "<raw> & text"});
  CHECK(p.sink.rows[1] == std::vector<std::string>{"2", "名称"});
  // Sheet names match ignoring ASCII case, as in Excel.
  Read q = read(bytes, "prefixed & co");
  REQUIRE(q.ok);
  CHECK(q.info.sheet_read == "Prefixed & Co");
}

// [SECTION] Files that are not usable workbooks

TEST_CASE("xlsx: files that cannot be read") {
  auto error_of = [](const std::string& bytes) {
    Read r = read(bytes);
    CHECK_FALSE(r.ok);
    CHECK(r.sink.set_columns_calls == 0);
    return r.error;
  };
  const std::string good = read_fixture("orders.xlsx");
  CHECK(error_of("") == "the file is empty");
  CHECK(error_of("客户ID,下单日期,订单金额\nC001,2024-01-05,128.5\n") == "not an xlsx workbook: not a zip archive");
  CHECK(error_of(good.substr(0, good.size() / 2)) ==
        "not an xlsx workbook: truncated or damaged zip archive: the end of its central directory is missing");
  CHECK(error_of(make_zip({{"word/document.xml", "<w:document/>"}})) ==
        "not an xlsx workbook: the zip archive has no xl/workbook.xml");
  CHECK(error_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0')).rfind(
            "this is not an .xlsx workbook but an Office binary file", 0) == 0);

  std::string corrupt = good;
  corrupt[entry_data(corrupt, "xl/worksheets/sheet1.xml")] = static_cast<char>(0xFF);
  CHECK(error_of(corrupt) == "cannot read xl/worksheets/sheet1.xml: damaged zip archive: corrupt compressed data in "
                             "entry 'xl/worksheets/sheet1.xml' (invalid block type)");
  std::string crc = good;
  set32(crc, central_header(crc, "xl/sharedStrings.xml") + 16, 0);
  CHECK(error_of(crc) == "cannot read xl/sharedStrings.xml: damaged zip archive: CRC mismatch in entry "
                         "'xl/sharedStrings.xml'");
  std::string encrypted = good;
  encrypted[local_header(encrypted, "xl/workbook.xml") + 6] |= 1;
  CHECK(error_of(encrypted) == "cannot read xl/workbook.xml: entry 'xl/workbook.xml' is encrypted "
                               "(password-protected files are not supported)");

  std::vector<std::string> names{"stale"};
  std::string error;
  CHECK_FALSE(xlsx_sheet_names("plain text", names, error));
  CHECK(names.empty());
  CHECK(error == "not an xlsx workbook: not a zip archive (too short)");
  CHECK_FALSE(looks_like_zip("plain text"));
  CHECK_FALSE(looks_like_zip("PK"));
  CHECK(looks_like_zip(std::string("PK\x03\x04", 4)));
}

TEST_CASE("xlsx: every truncation and damaged byte of a workbook fails cleanly or reads") {
  const std::string good = read_fixture("handmade.xlsx");
  for (size_t n = 0; n < good.size(); n += 7) {
    NullSink sink;
    XlsxInfo info;
    std::string error;
    CHECK_FALSE(read_xlsx(good.substr(0, n), "", sink, info, error));
    CHECK(!error.empty());
  }
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x21);
    NullSink sink;
    XlsxInfo info;
    std::string error;
    if (!read_xlsx(bad, "", sink, info, error)) CHECK(!error.empty());
  }
}

TEST_CASE("xlsx: a workbook without the parts it needs") {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const std::string wb = std::string("<workbook xmlns:r=\"") + rel + "\"><sheets><sheet name=\"A\" r:id=\"rId1\"/>"
                         "<sheet name=\"Chart\" r:id=\"rId2\"/></sheets></workbook>";
  const std::string rels = "<Relationships><Relationship Id=\"rId2\" Type=\"" + rel +
                           "/chartsheet\" Target=\"chartsheets/sheet1.xml\"/></Relationships>";
  const std::string bytes = make_zip({{"xl/workbook.xml", wb}, {"xl/_rels/workbook.xml.rels", rels},
                                      {"xl/chartsheets/sheet1.xml", "<chartsheet/>"}});
  Read a = read(bytes, "A");
  CHECK_FALSE(a.ok);
  CHECK(a.error == "sheet 'A' has no worksheet part in the file");
  Read c = read(bytes, "Chart");
  CHECK_FALSE(c.ok);
  CHECK(c.error == "sheet 'Chart' is a chart, not a worksheet with cells");
  Read none = read(make_zip({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}}));
  CHECK_FALSE(none.ok);
  CHECK(none.error == "the workbook has no sheets");
}

// [SECTION] Cells, rows and the header

TEST_CASE("xlsx: sparse rows and columns, missing r attributes, cells out of order") {
  Read r = read(tiny_xlsx(
      "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>b</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>d</t></is></c></row>"
      "<row r=\"3\"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>"    // no r: A, B, C
      "<row><c r=\"D4\"><v>4</v></c><c r=\"A4\"><v>5</v></c></row>"         // row 4, out of order
      "<row><c r=\"B5\"><v>6</v></c><c><v>7</v></c><c r=\"B5\"><v>8</v></c></row>"  // B twice: last wins
      "<row r=\"9\"><c r=\"A9\"><v>9</v></c></row>"
      "<row><c r=\"A10\"><f>NOW()</f></c><c r=\"XFE10\"><v>1</v></c><c r=\"nonsense\"><v>2</v></c></row>"));
  REQUIRE_MESSAGE(r.ok, r.error);
  CHECK(r.sink.columns == std::vector<std::string>{"column_1", "b", "column_3", "d"});
  const Rows expected = {{"1", "2", "3", ""}, {"5", "", "", "4"}, {"", "8", "7", ""}, {"9", "", "", ""}};
  REQUIRE(r.sink.rows.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(r.sink.rows[i] == expected[i]);
  CHECK(r.sink.source_rows == std::vector<size_t>{3, 4, 5, 9});
  CHECK(r.info.warnings == std::vector<std::string>{"skipped 3 empty rows (the first is row 6)",
                                                    "2 cells with a bad reference or beyond column XFD ignored"});
}

TEST_CASE("xlsx: rows wider than the header are rejected with their text") {
  Read r = read(tiny_xlsx(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>b</t></is></c>"
      "<c r=\"C1\" s=\"0\"/></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>x,y</t></is></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>2</v></c><c r=\"B3\"><v>3</v></c><c r=\"E3\"/></row>"
      "<row r=\"4\"><c r=\"A4\"><v>4</v></c><c r=\"XFD4\"><v>5</v></c></row>"));
  REQUIRE(r.ok);
  CHECK(r.sink.columns == std::vector<std::string>{"a", "b"});  // the header's trailing empty cell is not a column
  REQUIRE(r.sink.rows.size() == 1);
  CHECK(r.sink.rows[0] == std::vector<std::string>{"2", "3"});
  REQUIRE(r.sink.rejects.size() == 2);
  CHECK(r.sink.rejects[0] == Reject{2, 3, "1,,,x,y", "row has 4 cells but the header has 2"});
  CHECK(r.sink.rejects[1].row == 4);
  CHECK(r.sink.rejects[1].column == 3);
  CHECK(r.sink.rejects[1].raw.size() == 512);  // cut, as RejectedRow keeps it
  CHECK(r.sink.rejects[1].raw.rfind("4,,,", 0) == 0);
  CHECK(r.sink.rejects[1].reason == "row has 16384 cells but the header has 2");
}

TEST_CASE("xlsx: cell types") {
  Read r = read(tiny_xlsx(
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>h</t></is></c></row>"
      "<row r=\"2\"><c t=\"s\"><v>0</v></c></row>"
      "<row r=\"3\"><c t=\"s\"><v>7</v></c></row>"               // no such shared string
      "<row r=\"4\"><c t=\"s\"><v>1</v></c></row>"
      "<row r=\"5\"><c t=\"b\"><v>true</v></c></row>"
      "<row r=\"6\"><c t=\"str\"><v>a_x000D_b &amp;c</v></c></row>"
      "<row r=\"7\"><c t=\"inlineStr\"><v>in v</v></c></row>"    // inline string written in <v>
      "<row r=\"8\"><c t=\"n\"><v> 42 </v></c></row>"
      "<row r=\"9\"><c><v>abc</v></c></row>"                      // not a number: kept as written
      "<row r=\"10\"><c t=\"e\"><v>#N/A</v></c></row>"
      "<row r=\"11\"><c t=\"d\"><v>2024-02-29T08:15:00.000</v></c></row>"
      "<row r=\"12\"><c t=\"s\"><v>2</v></c></row>",
      "<si><t>one</t></si><si><r><t>t</t></r><r><t xml:space=\"preserve\"> wo</t></r></si><si><t>_x0041__x005F_x0042_</t></si>"));
  REQUIRE_MESSAGE(r.ok, r.error);
  const Rows expected = {{"one"}, {"t wo"}, {"true"}, {"a\rb &c"}, {"in v"}, {"42"}, {"abc"}, {"2024-02-29 08:15:00"}, {"A_x0042_"}};
  REQUIRE(r.sink.rows.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(r.sink.rows[i] == expected[i]);
  CHECK(r.sink.source_rows == std::vector<size_t>{2, 4, 5, 6, 7, 8, 9, 11, 12});
  CHECK(r.info.warnings == std::vector<std::string>{"skipped 2 empty rows (the first is row 3)",
                                                    "1 error cell read as empty (the first: #N/A in A10)",
                                                    "1 cell with a shared string index that does not exist read as empty"});
}

// Found by fuzz/fuzz_xlsx.cpp: an empty <si/> inside an open <si> whose text shrinks when its
// _xHHHH_ escapes are decoded left a shared string pointing past the end of the pool.
TEST_CASE("xlsx: shared strings that nest or are never closed") {
  Read r = read(tiny_xlsx("<row><c t=\"inlineStr\"><is><t>h</t></is></c></row>"
                          "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
                          "<c t=\"s\"><v>3</v></c><c t=\"s\"><v>4</v></c></row>",
                          "<si><t>_x0041__x0042__x0043_</t><si/></si><si><t>x</t><si><t>y</t></si><si><t>open_x0041_"));
  REQUIRE(r.ok);
  REQUIRE(r.sink.rejects.size() == 1);
  CHECK(r.sink.rejects[0].raw == "ABC,,x,y,openA");
}

TEST_CASE("xlsx: number formats decide what is a date") {
  // xf 0 General, 1 "0.00", 2 "[Red]0", 3 yyyy"年"m"月"d"日", 4 h:mm, 5 [h]:mm:ss, 6 built-in 14,
  // 7 built-in 31 (zh-CN 年月日), 8 custom id overriding built-in 14 with a number format.
  const std::string numfmts =
      "<numFmt numFmtId=\"164\" formatCode=\"0.00\"/><numFmt numFmtId=\"165\" formatCode=\"[Red]0\"/>"
      "<numFmt numFmtId=\"166\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"h:mm\"/><numFmt numFmtId=\"168\" formatCode=\"[h]:mm:ss\"/>"
      "<numFmt numFmtId=\"15\" formatCode=\"#,##0\"/>";
  const std::string xfs =
      "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/>"
      "<xf numFmtId=\"168\"/><xf numFmtId=\"14\"/><xf numFmtId=\"31\"/><xf numFmtId=\"15\"/>";
  std::string data = "<row r=\"1\">";
  for (int i = 0; i < 10; ++i) data += "<c t=\"inlineStr\"><is><t>c" + std::to_string(i) + "</t></is></c>";
  data += "</row><row r=\"2\">";
  for (int s = 0; s <= 8; ++s) data += "<c s=\"" + std::to_string(s) + "\"><v>45296.25</v></c>";
  data += "<c s=\"99\"><v>45296.25</v></c></row><row r=\"3\">";  // a style that does not exist: General
  for (int s = 0; s <= 8; ++s) data += "<c s=\"" + std::to_string(s) + "\"><v>0.5</v></c>";
  data += "</row>";
  Read r = read(tiny_xlsx(data, {}, xfs, numfmts));
  REQUIRE_MESSAGE(r.ok, r.error);
  REQUIRE(r.sink.rows.size() == 2);
  CHECK(r.sink.rows[0] == std::vector<std::string>{"45296.25", "45296.25", "45296.25", "2024-01-05 06:00:00",
                                                   "2024-01-05 06:00:00", "2024-01-05 06:00:00", "2024-01-05 06:00:00",
                                                   "2024-01-05 06:00:00", "45296.25", "45296.25"});
  CHECK(r.sink.rows[1] == std::vector<std::string>{"0.5", "0.5", "0.5", "1899-12-31 12:00:00", "12:00:00", "12:00:00",
                                                   "1899-12-31 12:00:00", "1899-12-31 12:00:00", "0.5", ""});

  Read mac = read(tiny_xlsx("<row><c t=\"inlineStr\"><is><t>d</t></is></c></row><row><c s=\"1\"><v>0</v></c></row>"
                            "<row><c s=\"1\"><v>43834.75</v></c></row>",
                            {}, "<xf numFmtId=\"0\"/><xf numFmtId=\"22\"/>", {}, "<workbookPr date1904=\"true\"/>"));
  REQUIRE(mac.ok);
  REQUIRE(mac.sink.rows.size() == 2);
  CHECK(mac.sink.rows[0][0] == "1904-01-01");
  CHECK(mac.sink.rows[1][0] == "2024-01-05 18:00:00");
}

TEST_CASE("xlsx: malformed XML is read as far as it goes") {
  // A cell without </c>, an unclosed row, a DOCTYPE, a processing instruction, '>' in attributes.
  Read r = read(tiny_xlsx("<!DOCTYPE x [<!ENTITY e \"boom\">]><?pi x?><row r=\"1\" x=\"a>b\">"
                          "<c t=\"inlineStr\"><is><t>h&e;</t></is></c><c t=\"inlineStr\"><is><t>i</t></is></c></row>"
                          "<row r=\"2\"><c><v>1</v><c><v>2</v></c></row>"
                          "<row r=\"3\"><c><v>3</v></c>"
                          "<row r=\"4\"><c><v>4</v>"));
  REQUIRE(r.ok);
  CHECK(r.sink.columns == std::vector<std::string>{"h&e;", "i"});
  const Rows expected = {{"1", "2"}, {"3", ""}, {"4", ""}};
  REQUIRE(r.sink.rows.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) CHECK(r.sink.rows[i] == expected[i]);
}

TEST_CASE("xlsx: a 10 MB sheet") {
  std::string data;
  data.reserve(11 << 20);
  data += "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
          "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c></row>";
  size_t row = 1;
  char buf[512];
  while (data.size() < (10u << 20)) {
    ++row;
    std::snprintf(buf, sizeof buf,
                  "<row r=\"%zu\" spans=\"1:5\"><c r=\"A%zu\" t=\"s\"><v>%zu</v></c><c r=\"B%zu\" s=\"1\"><v>%zu</v></c>"
                  "<c r=\"C%zu\"><v>%zu.25</v></c><c r=\"D%zu\" t=\"b\"><v>%zu</v></c><c r=\"E%zu\" s=\"2\"><v>%.10f</v></c></row>",
                  row, row, 5 + row % 1000, row, 40000 + row % 5000, row, row * 3, row, row % 2, row,
                  45000 + static_cast<double>(row) / 7.0);
    data += buf;
  }
  std::string sst = "<si><t>客户ID</t></si><si><t>日期</t></si><si><t>金额</t></si><si><t>会员</t></si><si><t>时间</t></si>";
  for (int i = 0; i < 1000; ++i) sst += "<si><t>客户" + std::to_string(i) + "</t></si>";
  const std::string bytes = tiny_xlsx(data, sst, "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"22\"/>");
  NullSink sink;
  XlsxInfo info;
  std::string error;
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(read_xlsx(bytes, "", sink, info, error));
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  CHECK(sink.rows == row - 1);
  MESSAGE("10 MB sheet: " << row - 1 << " rows in " << ms << " ms (" << bytes.size() / 1024 << " KB xlsx)");
}

// [SECTION] Rules of their own (src/core/xlsx_internal.hpp)

using namespace seglens::xlsx_detail;

TEST_CASE("xlsx_detail: built-in and custom number formats") {
  for (int id : {14, 15, 16, 17, 22, 27, 30, 31, 36, 50, 57, 58}) CHECK(builtin_format_kind(id) == NumFmtKind::Date);
  for (int id : {18, 19, 20, 21, 32, 33, 45, 46, 47}) CHECK(builtin_format_kind(id) == NumFmtKind::Time);
  for (int id : {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 26, 37, 44, 48, 49, 59, 164})
    CHECK(builtin_format_kind(id) == NumFmtKind::Number);

  const std::vector<std::pair<std::string, NumFmtKind>> codes = {
      {"yyyy-mm-dd", NumFmtKind::Date},
      {"YYYY/MM/DD", NumFmtKind::Date},
      {"yyyy\"年\"m\"月\"d\"日\"", NumFmtKind::Date},
      {"m/d/yy h:mm", NumFmtKind::Date},
      {"mmm-yy", NumFmtKind::Date},
      {"[$-F800]dddd, mmmm dd, yyyy", NumFmtKind::Date},
      {"[$-804]yyyy\"年\"m\"月\"", NumFmtKind::Date},
      {"d-mmm", NumFmtKind::Date},
      {"h:mm:ss", NumFmtKind::Time},
      {"h:mm AM/PM", NumFmtKind::Time},
      {"[h]:mm:ss", NumFmtKind::Time},
      {"mm:ss.0", NumFmtKind::Time},
      {"[mm]", NumFmtKind::Time},
      {"h\"时\"mm\"分\"", NumFmtKind::Time},
      {"0.00", NumFmtKind::Number},
      {"[Red]0", NumFmtKind::Number},
      {"#,##0.00_);[Red](#,##0.00)", NumFmtKind::Number},
      {"0.0\" days\"", NumFmtKind::Number},
      {"0.0\\d", NumFmtKind::Number},
      {"[$¥-804]#,##0.00", NumFmtKind::Number},
      {"[<=9999999]###-####;(###) ###-####", NumFmtKind::Number},
      {"0.00E+00", NumFmtKind::Number},
      {"General", NumFmtKind::Number},
      {"@", NumFmtKind::Number},
      {"_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", NumFmtKind::Number},
      {"", NumFmtKind::Number},
      {"\"unterminated", NumFmtKind::Number},
      {"[unterminated", NumFmtKind::Number},
  };
  for (const auto& c : codes) {
    INFO(c.first);
    CHECK(format_code_kind(c.first) == c.second);
  }
}

TEST_CASE("xlsx_detail: Excel serial dates") {
  auto date = [](double serial, bool mac = false, NumFmtKind kind = NumFmtKind::Date) {
    std::string out = "<";
    if (!append_excel_date(out, serial, mac, kind)) return std::string("not a date");
    return out.substr(1);
  };
  CHECK(date(1) == "1900-01-01");
  CHECK(date(31) == "1900-01-31");
  CHECK(date(59) == "1900-02-28");
  CHECK(date(60) == "1900-02-29");  // the fictional day of the leap-year bug
  CHECK(date(60.5) == "1900-02-29 12:00:00");
  CHECK(date(61) == "1900-03-01");
  CHECK(date(0) == "1899-12-31");
  CHECK(date(0.25, false, NumFmtKind::Time) == "06:00:00");
  CHECK(date(1.25, false, NumFmtKind::Time) == "1900-01-01 06:00:00");
  CHECK(date(36526) == "2000-01-01");
  CHECK(date(45296) == "2024-01-05");
  CHECK(date(45351) == "2024-02-29");
  CHECK(date(45296.572916666664) == "2024-01-05 13:45:00");
  CHECK(date(45296.99999999) == "2024-01-06");  // 23:59:59.9991 rounds to the next midnight
  CHECK(date(45296.0000057870) == "2024-01-05");  // 00:00:00.49999 rounds down
  CHECK(date(45296 + 1.4 / 86400) == "2024-01-05 00:00:01");
  CHECK(date(45296 + 1.6 / 86400) == "2024-01-05 00:00:02");
  CHECK(date(2958465) == "9999-12-31");
  CHECK(date(2958465.9999) == "9999-12-31 23:59:51");
  CHECK(date(2958466) == "not a date");
  CHECK(date(-1) == "not a date");
  CHECK(date(std::nan("")) == "not a date");
  CHECK(date(0, true) == "1904-01-01");
  CHECK(date(1, true) == "1904-01-02");
  CHECK(date(59, true) == "1904-02-29");  // 1904 is a real leap year
  CHECK(date(43834, true) == "2024-01-05");
  CHECK(date(0.5, true, NumFmtKind::Time) == "12:00:00");
  CHECK(date(2957003, true) == "9999-12-31");
  CHECK(date(2957004, true) == "not a date");
}

TEST_CASE("xlsx_detail: numbers in their shortest round-trip form") {
  auto num = [](double v) {
    std::string out;
    append_number(out, v);
    return out;
  };
  CHECK(num(0) == "0");
  CHECK(num(-42) == "-42");
  CHECK(num(128.5) == "128.5");
  CHECK(num(0.1) == "0.1");
  CHECK(num(0.1 + 0.2) == "0.30000000000000004");
  CHECK(num(1.0 / 3) == "0.3333333333333333");
  CHECK(num(1e-7) == "1e-07");
  CHECK(num(1e20) == "1e+20");
  CHECK(num(123456789012345.0) == "123456789012345");
  CHECK(num(1234567890123456.0) == "1234567890123456");
  CHECK(num(12345678901234567890.0) == "1.2345678901234567e+19");

  for (const char* s : {"0", "7", "-7", "42", "128.5", "0.1", "0.25", "0.001", "0.0001", "123456789012345",
                        "-0.123456789012345", "99999.9999999999"})
    CHECK_MESSAGE(is_canonical_number(s), s);
  for (const char* s : {"", "-", "007", "1.", "1.50", "1e5", "1E+20", "0.00001", "1234567890123456", "0.1234567890123456",
                        ".5", "+1", "1.2.3", " 1", "0x10", "12345678.123456789"})
    CHECK_FALSE_MESSAGE(is_canonical_number(s), s);
  // The fast path agrees with append_number wherever it applies.
  std::mt19937_64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    char buf[64];
    const double mantissa = static_cast<double>(rng() >> 11);
    const int exponent = static_cast<int>(rng() % 80) - 70;
    const double v = std::ldexp(mantissa, exponent) * (rng() % 2 ? 1 : -1);
    const int digits = static_cast<int>(1 + rng() % 17);
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (!is_canonical_number(buf)) continue;
    CHECK(num(std::strtod(buf, nullptr)) == buf);
  }
}

TEST_CASE("xlsx_detail: XML text, OOXML escapes, cell references, part names") {
  auto xml = [](std::string_view raw) {
    std::string out;
    append_xml_text(out, raw);
    return out;
  };
  CHECK(xml("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;") == "a & b <c> \"d\" 'e'");
  CHECK(xml("&#20320;&#x597D;&#X4F60;") == "你好你");
  CHECK(xml("&#x1F600;") == "\xF0\x9F\x98\x80");
  CHECK(xml("&#0; &#xD800; &#x110000; &#9999999999;") == "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
  CHECK(xml("&unknown; & &amp &#; &#x; &#12a;") == "&unknown; & &amp &#; &#x; &#12a;");
  CHECK(xml("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(xml("x<![CDATA[<&>]]>y<!-- no -->z") == "x<&>yz");
  CHECK(xml("<![CDATA[open") == "open");
  CHECK_FALSE(xml_text_needs_decoding("plain 文本"));
  CHECK(xml_text_needs_decoding("a&amp;b"));

  auto ooxml = [](std::string s) {
    unescape_ooxml(s);
    return s;
  };
  CHECK(ooxml("a_x000D_b") == "a\rb");
  CHECK(ooxml("_x005F_x000D_") == "_x000D_");
  CHECK(ooxml("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
  CHECK(ooxml("_xD83D_") == "\xEF\xBF\xBD");
  CHECK(ooxml("_x0000_") == "\xEF\xBF\xBD");
  CHECK(ooxml("_x00G1_ _x12_ x_") == "_x00G1_ _x12_ x_");
  CHECK(ooxml("_x4F60__x597D_") == "你好");

  uint32_t col = 0, row = 0;
  CHECK((parse_cell_ref("A1", col, row) && col == 1 && row == 1));
  CHECK((parse_cell_ref("B12", col, row) && col == 2 && row == 12));
  CHECK((parse_cell_ref("AA3", col, row) && col == 27 && row == 3));
  CHECK((parse_cell_ref("xfd1048576", col, row) && col == 16384 && row == 1048576));
  CHECK((parse_cell_ref("C", col, row) && col == 3 && row == 0));
  CHECK_FALSE(parse_cell_ref("XFE1", col, row));
  CHECK_FALSE(parse_cell_ref("AAAA1", col, row));
  CHECK_FALSE(parse_cell_ref("1A", col, row));
  CHECK_FALSE(parse_cell_ref("A0", col, row));
  CHECK_FALSE(parse_cell_ref("A1:B2", col, row));
  CHECK_FALSE(parse_cell_ref("A99999999999", col, row));
  CHECK_FALSE(parse_cell_ref("", col, row));

  CHECK(resolve_part("xl", "worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(resolve_part("xl", "/xl/worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml");
  CHECK(resolve_part("xl", "./worksheets/../worksheets/sheet%201.xml") == "xl/worksheets/sheet 1.xml");
  CHECK(resolve_part("xl/sub", "../sharedStrings.xml") == "xl/sharedStrings.xml");
  CHECK(resolve_part("", "xl/workbook.xml") == "xl/workbook.xml");
  CHECK(resolve_part("xl", "..\\..\\..\\x.xml") == "x.xml");
}
