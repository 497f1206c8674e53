// The Ingest pipeline and the TableBuilder: format and encoding detection, chunked reading,
// type widening, cell issues, and the rule that every row is kept or rejected.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "seglens/ingest.hpp"

using namespace seglens;

namespace {

ReadResult read_in_slices(std::string_view bytes, std::string_view name, size_t slice, IngestOptions opt = {}) {
  Ingest in{std::string(name), opt};
  for (size_t at = 0; at < bytes.size(); at += slice)
    if (!in.feed(bytes.substr(at, slice))) break;
  in.finish();
  return in.take();
}

std::vector<std::string> column_text(const Column& c) {
  std::vector<std::string> out;
  for (size_t i = 0; i < c.size(); ++i) out.push_back(c.is_missing(i) ? "<missing>" : c.format(i));
  return out;
}

}  // namespace

TEST_CASE("the same table whatever the slice size") {
  std::string csv = "id,when,amount,city\n";
  for (int i = 0; i < 3000; ++i)
    csv += std::to_string(i) + ",2024-01-" + std::to_string(1 + i % 28) + "," + std::to_string(i % 100) + ".25," +
           (i % 3 ? "Shanghai" : "\"Bei,jing\"") + "\n";
  const ReadResult whole = read_file_bytes(csv, "orders.csv");
  REQUIRE(whole.ok);
  CHECK(whole.table.rows() == 3000);
  CHECK(whole.table.columns[0].type == ColumnType::Integer);
  CHECK(whole.table.columns[1].type == ColumnType::Date);
  CHECK(whole.table.columns[2].type == ColumnType::Decimal);
  CHECK(whole.table.columns[3].type == ColumnType::Category);
  CHECK(whole.table.columns[3].dict == std::vector<std::string>{"Bei,jing", "Shanghai"});
  for (size_t slice : {1, 7, 4096, 65536}) {
    INFO("slice " << slice);
    const ReadResult r = read_in_slices(csv, "orders.csv", slice);
    REQUIRE(r.ok);
    REQUIRE(r.table.columns.size() == 4);
    for (size_t c = 0; c < 4; ++c) CHECK(column_text(r.table.columns[c]) == column_text(whole.table.columns[c]));
  }
}

TEST_CASE("a column widens when a later value needs it, without losing earlier values") {
  IngestOptions opt;
  opt.sample_rows = 2;  // decide after two rows
  const ReadResult r = read_file_bytes("n,d\n1,2024-01-05\n2,2024-01-06\n2.5,2024-01-07 13:45:00\n", "w.csv", opt);
  REQUIRE(r.ok);
  const Column& n = r.table.columns[0];
  CHECK(n.type == ColumnType::Decimal);
  CHECK(n.nums == std::vector<double>{1, 2, 2.5});
  const Column& d = r.table.columns[1];
  CHECK(d.type == ColumnType::DateTime);
  CHECK(column_text(d) == std::vector<std::string>{"2024-01-05 00:00:00", "2024-01-06 00:00:00", "2024-01-07 13:45:00"});
  CHECK(r.report.cells_invalid == 0);
}

TEST_CASE("a value that fits no widening is kept as missing and listed with its line and column") {
  IngestOptions opt;
  opt.sample_rows = 2;
  const ReadResult r = read_file_bytes("id,qty\n1,3\n2,4\n3,lots\n4,5\n", "q.csv", opt);
  REQUIRE(r.ok);
  CHECK(r.table.rows() == 4);
  CHECK(column_text(r.table.columns[1]) == std::vector<std::string>{"3", "4", "<missing>", "5"});
  CHECK(r.report.cells_invalid == 1);
  REQUIRE(r.report.cell_issues.size() == 1);
  CHECK(r.report.cell_issues[0].row == 4);
  CHECK(r.report.cell_issues[0].column == 2);
  CHECK(r.report.cell_issues[0].raw == "lots");
  CHECK(r.report.cell_issues[0].expected == "integer");
}

TEST_CASE("every record is kept or rejected") {
  const ReadResult r = read_file_bytes("a,b\n1,2\n3\n4,5,6\n\n7,8\n9,\"open\n", "r.csv");
  REQUIRE(r.ok);
  CHECK(r.report.records == 5);
  CHECK(r.report.rows_kept == 2);
  CHECK(r.report.rows_rejected == 3);
  CHECK(r.report.rows_kept + r.report.rows_rejected == r.report.records);
  CHECK(r.report.blank_lines == 1);
  REQUIRE(r.report.rejected.size() == 3);
  CHECK(r.report.rejected[0].row == 3);
  CHECK(r.report.rejected[1].row == 4);
  CHECK(r.report.rejected[2].row == 7);
}

TEST_CASE("GBK bytes are detected and read as Chinese text") {
  // "客户ID,城市\nC1,深圳\nC2,北京\n" in GBK
  const std::string gbk =
      "\xbf\xcd\xbb\xa7ID,\xb3\xc7\xca\xd0\n"
      "C1,\xc9\xee\xdb\xda\n"
      "C2,\xb1\xb1\xbe\xa9\n";
  const ReadResult r = read_file_bytes(gbk, "客户.csv");
  REQUIRE(r.ok);
  CHECK(r.report.encoding == "GB18030");
  CHECK(r.table.columns[0].name == "客户ID");
  CHECK(r.table.columns[1].name == "城市");
  CHECK(column_text(r.table.columns[1]) == std::vector<std::string>{"深圳", "北京"});
}

TEST_CASE("the user's encoding choice wins over detection") {
  IngestOptions opt;
  opt.encoding = "GBK";
  const ReadResult r = read_file_bytes("a\n\xc9\xee\n", "x.csv", opt);
  REQUIRE(r.ok);
  CHECK(r.report.encoding == "GB18030");
  CHECK(r.report.encoding_reason == "chosen by the user");
  CHECK(column_text(r.table.columns[0]) == std::vector<std::string>{"深"});
}

TEST_CASE("files that cannot be read say why, naming the file") {
  CHECK(read_file_bytes("", "e.csv").error == "e.csv: the file is empty");
  CHECK(read_file_bytes("a,b\n1,2\n", "data.xlsx").error ==
        "data.xlsx: the file is named .xlsx but is not an Excel workbook (an .xlsx is a zip archive); "
        "if it is a CSV, rename it to .csv");
  CHECK(read_file_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12), "old.xls").error.rfind(
            "old.xls: this is a legacy Excel 97-2003 (.xls)", 0) == 0);
  CHECK(read_file_bytes(std::string("a,b\n1,\0\x01\x02", 9), "bin.csv").error ==
        "bin.csv: the file holds NUL bytes: it looks like a binary file, not text (CSV, TSV or JSON)");
  CHECK(read_file_bytes("\"a,b\n1,2\n", "q.csv").error == "q.csv: line 1: the header has an unterminated quote");
  IngestOptions bad;
  bad.encoding = "klingon";
  CHECK(read_file_bytes("a\n1\n", "k.csv", bad).error == "k.csv: unknown encoding 'klingon'");
}

TEST_CASE("a header with no rows is a table with no rows and a warning") {
  const ReadResult r = read_file_bytes("a,b\n", "h.csv");
  REQUIRE(r.ok);
  CHECK(r.table.columns.size() == 2);
  CHECK(r.table.rows() == 0);
  CHECK(r.report.warnings == std::vector<std::string>{"the file has a header but no data rows"});
}

TEST_CASE("invalid UTF-8 bytes show as U+FFFD, are counted, and a warning says what to do") {
  const ReadResult r = read_file_bytes("name\nok\nbad\xff\xfe" "byte\n", "u.csv", IngestOptions{.encoding = "UTF-8"});
  REQUIRE(r.ok);
  CHECK(r.report.invalid_bytes == 2);
  CHECK(column_text(r.table.columns[0])[1] == "bad\xEF\xBF\xBD\xEF\xBF\xBD" "byte");
  CHECK(r.report.warnings.size() == 1);
}

TEST_CASE("wide and tall cells: 20,000 columns, a 20 MB cell") {
  std::string header, row;
  for (int i = 0; i < 20000; ++i) {
    header += (i ? ",c" : "c") + std::to_string(i);
    row += (i ? "," : "") + std::to_string(i);
  }
  ReadResult r = read_file_bytes(header + "\n" + row + "\n" + row + "\n", "wide.csv");
  REQUIRE(r.ok);
  CHECK(r.table.columns.size() == 20000);
  CHECK(r.table.columns[19999].ints == std::vector<int64_t>{19999, 19999});
  const std::string big(20 << 20, 'z');
  r = read_file_bytes("id,blob\n1,\"" + big + "\"\n2,small\n", "big.csv");
  REQUIRE(r.ok);
  CHECK(r.table.columns[1].type == ColumnType::Text);
  CHECK(r.table.columns[1].text[0].size() == big.size());
  CHECK(r.table.columns[1].text[1] == "small");
}

TEST_CASE("JSON is recognised by its content") {
  const ReadResult r = read_file_bytes("[{\"id\": 1, \"city\": \"上海\"}, {\"id\": 2, \"city\": \"北京\"}]", "export.txt");
  REQUIRE(r.ok);
  CHECK(r.report.format == "json");
  CHECK(r.table.columns[0].name == "id");
  CHECK(r.table.columns[0].ints == std::vector<int64_t>{1, 2});
}

TEST_CASE("read options decode from JSON and back") {
  IngestOptions o;
  std::string err;
  REQUIRE(parse_ingest_options(R"({"encoding":"GBK","delimiter":";","header":false,"sheet":"S2","date_order":"DMY"})", o, err));
  CHECK(o.encoding == "GBK");
  CHECK(o.delimiter == ';');
  CHECK(o.header == false);
  CHECK(o.sheet == "S2");
  CHECK(o.date_order == DateOrder::DMY);
  CHECK(ingest_options_json(o) == R"({"date_order":"DMY","delimiter":";","encoding":"GBK","header":false,"sheet":"S2"})");
  CHECK_FALSE(parse_ingest_options(R"({"colour":"red"})", o, err));
  CHECK(err == "read option 'colour': unknown option");
  CHECK_FALSE(parse_ingest_options(R"({"delimiter":"ab"})", o, err));
  CHECK(err == "read option 'delimiter': expected one character");
  CHECK(ingest_options_json(IngestOptions{}) == "{}");
}

TEST_CASE("category or text is decided over all rows, not the sample") {
  IngestOptions opt;
  opt.sample_rows = 100;
  // The first 100 ids are all new (text by the sample), then they repeat: 100 ids in 1,000 rows.
  std::string csv = "id,note\n";
  for (int i = 0; i < 1000; ++i) csv += "C" + std::to_string(i % 100) + ",n" + std::to_string(i) + "\n";
  ReadResult r = read_file_bytes(csv, "repeat.csv", opt);
  REQUIRE(r.ok);
  CHECK(r.table.columns[0].type == ColumnType::Category);
  CHECK(r.table.columns[0].dict.size() == 100);
  CHECK(r.table.columns[0].str(999) == "C99");
  CHECK(r.table.columns[1].type == ColumnType::Text);
  CHECK(r.table.columns[1].text[999] == "n999");
  // The other way: a few labels in the sample, then every value new.
  csv = "code\n";
  for (int i = 0; i < 1000; ++i) csv += (i < 100 ? "A" + std::to_string(i % 5) : "U" + std::to_string(i)) + "\n";
  r = read_file_bytes(csv, "grow.csv", opt);
  REQUIRE(r.ok);
  CHECK(r.table.columns[0].type == ColumnType::Text);
  CHECK(r.table.columns[0].text[0] == "A0");
  CHECK(r.table.columns[0].text[999] == "U999");
}

TEST_CASE("invalid bytes in a JSON file are counted like a CSV's") {
  IngestOptions opt;
  opt.encoding = "UTF-8";
  const ReadResult r = read_file_bytes("[{\"name\": \"M\xFCller\"}]", "bad.json", opt);
  REQUIRE(r.ok);
  CHECK(r.report.format == "json");
  CHECK(r.report.invalid_bytes == 1);
  CHECK(r.table.columns[0].str(0) == "M\xEF\xBF\xBDller");
  CHECK(r.report.warnings.size() == 1);
}
