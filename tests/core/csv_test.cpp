// Tests of src/core/csv.cpp: delimiter sniffing, RFC 4180 records, the read report, write_csv.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "seglens/csv.hpp"

using namespace seglens;
using seglens::test::read_fixture;

namespace {

std::vector<std::string> names_of(const Table& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) out.push_back(c.name);
  return out;
}

std::vector<ColumnType> types_of(const Table& t) {
  std::vector<ColumnType> out;
  for (const auto& c : t.columns) out.push_back(c.type);
  return out;
}

// Every row lands in the table or in the rejected list.
void check_accounting(const ReadResult& r) {
  CHECK(r.report.rows_kept + r.report.rows_rejected == r.report.records);
  CHECK(r.report.rows_kept == r.table.rows());
  for (const auto& c : r.table.columns) CHECK(c.size() == r.table.rows());
}

}  // namespace

TEST_CASE("sniff_delimiter") {
  CHECK(sniff_delimiter("a,b,c\n1,2,3\n") == ',');
  CHECK(sniff_delimiter("a;b\n1;2\n") == ';');
  CHECK(sniff_delimiter("a\tb\n1\t2\n") == '\t');
  CHECK(sniff_delimiter("a|b|c\n1|2|3") == '|');
  CHECK(sniff_delimiter("just one column\n1\n2\n") == ',');
  CHECK(sniff_delimiter("") == ',');
  // A delimiter on every line beats one that shows up more often on fewer lines.
  CHECK(sniff_delimiter("name;amount\nA;1,5\nB;2,5\nC;3\n") == ';');
  CHECK(sniff_delimiter("a;b\nx, y, z, w;1\nq;2\n") == ';');
  // Delimiters inside quotes do not count, also across quoted line breaks.
  CHECK(sniff_delimiter("\"a,b,c\";d\n\"x,y\nz,w\";1\n\"p,q\";2\n") == ';');
  CHECK(sniff_delimiter("a\tb\r\n1\t2\r3\t4\r\n") == '\t');
  // Equal evidence: the first of , \t ; | wins.
  CHECK(sniff_delimiter("a\tb,c\n1\t2,3\n") == ',');
}

TEST_CASE("read_csv: a plain file") {
  ReadResult r = read_csv("id,name,amount\n1,Ann,12.5\n2,Bob,7\n", "plain.csv");
  REQUIRE(r.ok);
  CHECK(r.error.empty());
  CHECK(r.table.name == "plain.csv");
  CHECK(r.report.file == "plain.csv");
  CHECK(r.report.delimiter == ',');
  CHECK(names_of(r.table) == std::vector<std::string>{"id", "name", "amount"});
  CHECK(types_of(r.table) == std::vector<ColumnType>{ColumnType::Integer, ColumnType::Category, ColumnType::Decimal});
  CHECK(r.table.rows() == 2);
  CHECK(r.report.records == 2);
  CHECK(r.report.rows_rejected == 0);
  CHECK(r.report.blank_lines == 0);
  CHECK(r.report.warnings.empty());
  CHECK(r.table.columns[1].format(1) == "Bob");
  CHECK(r.table.columns[2].nums == std::vector<double>{12.5, 7});
  check_accounting(r);
}

TEST_CASE("read_csv: quoted fields (fixture quoted.csv)") {
  ReadResult r = read_csv(read_fixture("quoted.csv"), "quoted.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(names_of(r.table) == std::vector<std::string>{"id", "name", "comment", "amount"});
  CHECK(types_of(r.table) == std::vector<ColumnType>{ColumnType::Integer, ColumnType::Category,
                                                     ColumnType::Category, ColumnType::Decimal});
  REQUIRE(r.table.rows() == 5);
  const Column& name = r.table.columns[1];
  const Column& comment = r.table.columns[2];
  CHECK(r.table.columns[0].ints == std::vector<int64_t>{1, 2, 3, 4, 5});
  CHECK(name.str(0) == "Smith, Ann");
  CHECK(name.str(2) == "Chen \"CJ\" Jie");
  CHECK(comment.str(0) == "She said \"hi\"");
  CHECK(comment.str(1) == "line one\nline two");
  CHECK(comment.is_missing(2));  // "" is an empty, thus missing, cell
  CHECK(comment.str(3) == "a \"quoted\" word, and a comma\nand a second line");
  CHECK(comment.str(4) == "plain");
  CHECK(r.table.columns[3].nums == std::vector<double>{12.5, 7, 3.25, 100, 0.5});

  // The short row starts on line 9: records 2 and 4 each span two lines.
  CHECK(r.report.records == 6);
  REQUIRE(r.report.rejected.size() == 1);
  const RejectedRow& x = r.report.rejected[0];
  CHECK(x.row == 9);
  CHECK(x.column == 3);
  CHECK(x.raw == "6,Frank");
  CHECK(x.reason == "expected 4 fields, found 2");
}

TEST_CASE("read_csv: mixed CR, LF and CRLF (fixture line_endings.csv)") {
  ReadResult r = read_csv(read_fixture("line_endings.csv"), "line_endings.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(names_of(r.table) == std::vector<std::string>{"id", "city"});
  CHECK(r.report.records == 6);
  CHECK(r.report.rows_kept == 5);
  CHECK(r.report.blank_lines == 1);
  REQUIRE(r.table.rows() == 5);
  CHECK(r.table.columns[0].ints == std::vector<int64_t>{1, 2, 3, 4, 6});
  const Column& city = r.table.columns[1];
  CHECK(city.str(0) == "Shanghai");
  CHECK(city.str(1) == "Beijing");
  CHECK(city.str(2) == "Shen\r\nzhen");
  CHECK(city.str(3) == "Wuhan");
  CHECK(city.str(4) == "Xi'an");  // last line without a line end
  REQUIRE(r.report.rejected.size() == 1);
  CHECK(r.report.rejected[0].row == 8);
  CHECK(r.report.rejected[0].column == 3);
  CHECK(r.report.rejected[0].raw == "5,Xiamen,extra");
  CHECK(r.report.rejected[0].reason == "expected 2 fields, found 3");
}

TEST_CASE("read_csv: line numbers count line breaks inside quotes, bare CR included") {
  // Records: header (line 1), a record over lines 2-3 (bare CR inside quotes), a record over
  // lines 4-5 (CRLF inside quotes), then a bad row on line 6.
  ReadResult r = read_csv("id,note\r1,\"a\rb\"\r2,\"c\r\nd\"\r3,x,y\r4,z\r", "cr.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  REQUIRE(r.table.rows() == 3);
  CHECK(r.table.columns[1].str(0) == "a\rb");
  CHECK(r.table.columns[1].str(1) == "c\r\nd");
  REQUIRE(r.report.rejected.size() == 1);
  CHECK(r.report.rejected[0].row == 6);

  ReadResult lf = read_csv("id,note\n1,\"a\nb\n\nc\"\n2\n", "lf.csv");
  REQUIRE(lf.ok);
  REQUIRE(lf.report.rejected.size() == 1);
  CHECK(lf.report.rejected[0].row == 6);
  CHECK(lf.table.columns[1].str(0) == "a\nb\n\nc");
}

TEST_CASE("read_csv: semicolons and tabs are sniffed") {
  ReadResult s = read_csv(read_fixture("semicolon.csv"), "semicolon.csv");
  REQUIRE(s.ok);
  check_accounting(s);
  CHECK(s.report.delimiter == ';');
  CHECK(names_of(s.table) == std::vector<std::string>{"kunde", "betrag", "stadt"});
  CHECK(types_of(s.table) == std::vector<ColumnType>{ColumnType::Category, ColumnType::Decimal, ColumnType::Category});
  REQUIRE(s.table.rows() == 3);
  CHECK(s.table.columns[1].nums == std::vector<double>{12.5, 7, 3.25});
  CHECK(s.table.columns[2].str(0) == "Berlin, Mitte");
  CHECK(s.table.columns[2].str(1) == "München");
  CHECK(s.table.columns[2].str(2) == "Köln; Altstadt");

  ReadResult t = read_csv(read_fixture("tabs.tsv"), "tabs.tsv");
  REQUIRE(t.ok);
  check_accounting(t);
  CHECK(t.report.delimiter == '\t');
  CHECK(names_of(t.table) == std::vector<std::string>{"order_id", "amount", "note"});
  REQUIRE(t.table.rows() == 3);
  CHECK(t.table.columns[1].nums == std::vector<double>{12.5, 8, 3.75});
  const Column& note = t.table.columns[2];
  CHECK(note.str(0) == "gift, wrapped");
  CHECK(note.is_missing(1));  // "none"
  CHECK(note.str(2) == "tab\tinside");

  ReadResult p = read_csv("a|b\n1|x,y\n2|z\n", "pipe.txt");
  REQUIRE(p.ok);
  CHECK(p.report.delimiter == '|');
  CHECK(p.table.columns[1].str(0) == "x,y");
}

TEST_CASE("read_csv: an explicit delimiter overrides sniffing") {
  CsvOptions opt;
  opt.delimiter = ';';
  ReadResult r = read_csv("a,b;c\n1,2;3\n", "x.csv", opt);
  REQUIRE(r.ok);
  CHECK(r.report.delimiter == ';');
  CHECK(names_of(r.table) == std::vector<std::string>{"a,b", "c"});
  // "1,2" in a ';' file is a decimal comma (infer.hpp): one value, 1.2.
  CHECK(r.table.columns[0].type == ColumnType::Decimal);
  CHECK(r.table.columns[0].nums == std::vector<double>{1.2});
}

TEST_CASE("read_csv: ragged rows are rejected with their line and column (fixture ragged.csv)") {
  ReadResult r = read_csv(read_fixture("ragged.csv"), "ragged.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(r.report.records == 6);
  CHECK(r.report.rows_kept == 3);
  CHECK(r.report.rows_rejected == 3);
  CHECK(r.report.blank_lines == 1);
  CHECK(r.table.columns[0].ints == std::vector<int64_t>{1, 10, 14});
  CHECK(r.table.columns[2].ints == std::vector<int64_t>{3, 12, 16});
  REQUIRE(r.report.rejected.size() == 3);
  CHECK(r.report.rejected[0].row == 3);
  CHECK(r.report.rejected[0].column == 3);
  CHECK(r.report.rejected[0].raw == "4,5");
  CHECK(r.report.rejected[0].reason == "expected 3 fields, found 2");
  CHECK(r.report.rejected[1].row == 4);
  CHECK(r.report.rejected[1].column == 4);
  CHECK(r.report.rejected[1].raw == "6,7,8,9");
  CHECK(r.report.rejected[1].reason == "expected 3 fields, found 4");
  CHECK(r.report.rejected[2].row == 7);
  CHECK(r.report.rejected[2].column == 2);
  CHECK(r.report.rejected[2].reason == "expected 3 fields, found 1");
}

TEST_CASE("read_csv: an unterminated quote rejects the rest of the file (fixture unterminated.csv)") {
  ReadResult r = read_csv(read_fixture("unterminated.csv"), "unterminated.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(r.report.records == 3);
  CHECK(r.report.rows_kept == 2);
  CHECK(r.report.rows_rejected == 1);
  CHECK(r.table.columns[0].ints == std::vector<int64_t>{1, 2});
  CHECK(r.table.columns[1].str(1) == "fine");
  REQUIRE(r.report.rejected.size() == 1);
  const RejectedRow& x = r.report.rejected[0];
  CHECK(x.row == 4);
  CHECK(x.column == 2);
  CHECK(x.raw == "3,\"never closed\n4,lost\n5,also lost");  // line end at the end of the file trimmed
  CHECK(x.reason == "a quoted field is never closed: it runs from here to the end of the file");
}

TEST_CASE("read_csv: a header without rows (fixture header_only.csv)") {
  ReadResult r = read_csv(read_fixture("header_only.csv"), "header_only.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(r.table.rows() == 0);
  CHECK(r.report.records == 0);
  CHECK(names_of(r.table) == std::vector<std::string>{"id", "name", "amount"});
  CHECK(types_of(r.table) == std::vector<ColumnType>(3, ColumnType::Text));
  CHECK(r.report.warnings == std::vector<std::string>{"the file has a header but no data rows"});
}

TEST_CASE("read_csv: files that cannot be read name the file") {
  ReadResult e = read_csv(read_fixture("empty.csv"), "empty.csv");
  CHECK_FALSE(e.ok);
  CHECK(e.error == "empty.csv: the file is empty");

  ReadResult bom = read_csv("\xEF\xBB\xBF", "bom.csv");
  CHECK_FALSE(bom.ok);
  CHECK(bom.error == "bom.csv: the file is empty");

  ReadResult blank = read_csv("\n\r\n\n", "blank.csv");
  CHECK_FALSE(blank.ok);
  CHECK(blank.error == "blank.csv: the file has no header line");

  ReadResult nul = read_csv(std::string("id,x\n1,\0\n", 9), "data.bin");
  CHECK_FALSE(nul.ok);
  CHECK(nul.error == "data.bin: the file holds NUL bytes: it looks like a binary file, not text (CSV, TSV or JSON)");

  ReadResult hq = read_csv("\n\n\"id,name\n1,2\n", "hq.csv");
  CHECK_FALSE(hq.ok);
  CHECK(hq.error == "hq.csv: line 3: the header has an unterminated quote");
}

TEST_CASE("read_csv: UTF-8 BOM and a Chinese header (fixture bom_chinese.csv)") {
  ReadResult r = read_csv(read_fixture("bom_chinese.csv"), "bom_chinese.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(names_of(r.table) == std::vector<std::string>{"客户ID", "下单日期", "订单金额", "是否会员"});
  CHECK(types_of(r.table) == std::vector<ColumnType>{ColumnType::Category, ColumnType::Date, ColumnType::Decimal,
                                                     ColumnType::Boolean});
  REQUIRE(r.table.rows() == 4);
  CHECK(r.table.columns[0].dict == std::vector<std::string>{"C001", "C002", "C003"});
  CHECK(r.table.columns[0].codes == std::vector<uint32_t>{0, 1, 0, 2});
  CHECK(r.table.columns[1].format(2) == "2024-02-29");
  CHECK(r.table.columns[1].ints == std::vector<int64_t>{19727, 19728, 19782, 19783});
  CHECK(r.table.columns[2].nums == std::vector<double>{128.5, 59, 300, 12.5});
  CHECK(r.table.columns[3].ints == std::vector<int64_t>{1, 0, 1, 0});
}

TEST_CASE("read_csv: one column of each type (fixture types.csv)") {
  ReadResult r = read_csv(read_fixture("types.csv"), "types.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  REQUIRE(r.table.rows() == 24);
  CHECK(names_of(r.table) ==
        std::vector<std::string>{"id", "code", "price", "signup", "last_seen", "active", "city", "note"});
  CHECK(types_of(r.table) == std::vector<ColumnType>{ColumnType::Integer, ColumnType::Text, ColumnType::Decimal,
                                                     ColumnType::Date, ColumnType::DateTime, ColumnType::Boolean,
                                                     ColumnType::Category, ColumnType::Text});
  CHECK(r.table.columns[1].str(0) == "0001");
  CHECK(r.table.columns[2].missing_count() == 1);
  CHECK(r.table.columns[2].is_missing(4));
  CHECK(r.table.columns[3].is_missing(6));
  CHECK(r.table.columns[4].format(0) == "2025-01-01 08:01:00");
  CHECK(r.table.columns[4].format(23) == "2025-02-12 00:00:00");
  CHECK(r.table.columns[5].format(0) == "false");  // row 1: i % 4 == 1 -> 否
  CHECK(r.table.columns[6].dict.size() == 4);
  CHECK(r.report.warnings.empty());
}

TEST_CASE("read_csv: duplicate and empty header names are made unique (fixture duplicate_headers.csv)") {
  ReadResult r = read_csv(read_fixture("duplicate_headers.csv"), "duplicate_headers.csv");
  REQUIRE(r.ok);
  const auto names = names_of(r.table);
  CHECK(names == std::vector<std::string>{"a", "a_2", "column_3", "b", "a_2_2", "a_3"});
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  CHECK(r.table.columns[4].ints == std::vector<int64_t>{5, 11});

  ReadResult e = read_csv(",,column_1\n1,2,3\n", "e.csv");
  REQUIRE(e.ok);
  CHECK(names_of(e.table) == std::vector<std::string>{"column_1", "column_2", "column_1_2"});
}

TEST_CASE("read_csv: without a header the columns are numbered") {
  CsvOptions opt;
  opt.header = false;
  ReadResult r = read_csv("1,x\n2,y\n3,z,extra\n", "nohead.csv", opt);
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(names_of(r.table) == std::vector<std::string>{"column_1", "column_2"});
  CHECK(r.table.columns[0].ints == std::vector<int64_t>{1, 2});
  CHECK(r.report.records == 3);
  REQUIRE(r.report.rejected.size() == 1);
  CHECK(r.report.rejected[0].row == 3);

  // Blank lines before the first record do not decide the number of columns.
  ReadResult b = read_csv("\n\r\n1,x\n2,y\n", "nohead_blank.csv", opt);
  REQUIRE(b.ok);
  check_accounting(b);
  CHECK(names_of(b.table) == std::vector<std::string>{"column_1", "column_2"});
  CHECK(b.report.blank_lines == 2);
  CHECK(b.report.rows_rejected == 0);
  CHECK(b.table.columns[0].ints == std::vector<int64_t>{1, 2});
}

TEST_CASE("read_csv: blank lines are counted, not read as records") {
  ReadResult r = read_csv("\n\na,b\n\n1,2\r\n\r\n3,4\n\n", "blanks.csv");
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(r.report.blank_lines == 5);
  CHECK(r.report.records == 2);
  CHECK(r.table.columns[0].ints == std::vector<int64_t>{1, 3});
}

TEST_CASE("read_csv: text after a closing quote is kept") {
  ReadResult r = read_csv("a,b\n\"ab\"cd,1\n\"x\"\"y\"z,2\n", "tail.csv");
  REQUIRE(r.ok);
  CHECK(r.table.columns[0].str(0) == "abcd");
  CHECK(r.table.columns[0].str(1) == "x\"yz");
}

TEST_CASE("read_csv: many escaped quoted fields with trailing text keep their values") {
  // Regression: unescaped fields with text after the closing quote were copied twice into the
  // reader's scratch buffer, which then outgrew its reserved size and moved, leaving earlier
  // cells pointing at freed memory.
  std::string csv = "a,b\n";
  std::vector<std::string> expected;
  for (int i = 0; i < 300; ++i) {
    std::string body(60, static_cast<char>('a' + i % 26));
    csv += "\"" + body + std::to_string(i) + "\"\"q\"tail" + std::to_string(i) + "," + std::to_string(i) + "\n";
    expected.push_back(body + std::to_string(i) + "\"qtail" + std::to_string(i));
  }
  ReadResult r = read_csv(csv, "escaped.csv");
  REQUIRE(r.ok);
  REQUIRE(r.table.rows() == 300);
  const Column& a = r.table.columns[0];
  CHECK(a.type == ColumnType::Text);
  size_t wrong = 0;
  for (size_t i = 0; i < 300; ++i)
    if (a.str(i) != expected[i]) ++wrong;
  CHECK(wrong == 0);
  CHECK(a.str(0) == expected[0]);
  CHECK(a.str(299) == expected[299]);
}

TEST_CASE("read_csv: rejected rows beyond max_rejected_kept are counted, not kept") {
  std::string csv = "a,b\n";
  for (int i = 0; i < 5; ++i) csv += "1,2,3\n";
  csv += "4,5\n";
  CsvOptions opt;
  opt.max_rejected_kept = 2;
  ReadResult r = read_csv(csv, "many.csv", opt);
  REQUIRE(r.ok);
  check_accounting(r);
  CHECK(r.report.rows_rejected == 5);
  REQUIRE(r.report.rejected.size() == 2);
  CHECK(r.report.rejected[0].row == 2);
  CHECK(r.report.rejected[1].row == 3);
  CHECK(r.table.rows() == 1);
}

TEST_CASE("read_csv: the raw text of a rejected row is cut to 512 bytes on a UTF-8 boundary") {
  std::string row = "a";
  for (int i = 0; i < 600; ++i) row += "é";  // two bytes each: byte 512 is inside one
  ReadResult r = read_csv("x,y,z\n" + row + ",1\n", "long.csv");
  REQUIRE(r.ok);
  REQUIRE(r.report.rejected.size() == 1);
  const std::string& raw = r.report.rejected[0].raw;
  CHECK(raw.size() == 511 + std::string("…").size());
  CHECK(raw.substr(0, 511) == row.substr(0, 511));
  CHECK(raw.substr(511) == "…");
}

TEST_CASE("read_csv: records always equal kept plus rejected, on every fixture") {
  for (const char* f : {"quoted.csv", "line_endings.csv", "semicolon.csv", "tabs.tsv", "ragged.csv",
                        "unterminated.csv", "header_only.csv", "bom_chinese.csv", "duplicate_headers.csv",
                        "types.csv"}) {
    CAPTURE(f);
    ReadResult r = read_csv(read_fixture(f), f);
    REQUIRE(r.ok);
    check_accounting(r);
    CHECK(r.report.rejected.size() == r.report.rows_rejected);
  }
}

TEST_CASE("append_csv_field quotes only when needed") {
  auto q = [](std::string_view s) {
    std::string out;
    append_csv_field(out, s);
    return out;
  };
  CHECK(q("plain") == "plain");
  CHECK(q("") == "");
  CHECK(q("上海") == "上海");
  CHECK(q("a,b") == "\"a,b\"");
  CHECK(q("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(q("two\nlines") == "\"two\nlines\"");
  CHECK(q("cr\rhere") == "\"cr\rhere\"");
}

TEST_CASE("write_csv then read_csv gives the same table") {
  Table t;
  t.name = "roundtrip";
  Column id("id", ColumnType::Integer), score("score", ColumnType::Decimal), amount("amount", ColumnType::Money),
      day("day", ColumnType::Date), ts("ts", ColumnType::DateTime), flag("flag", ColumnType::Boolean),
      city("city", ColumnType::Category), note("note", ColumnType::Text);
  amount.unit = "¥";
  const std::vector<double> scores = {0.1 + 0.2, 1234.5678, -3.25, 1e-7, 123456789.123456789, 2.0 / 3, 1e21 / 7};
  const std::vector<std::string> cities = {"Shanghai", "Xi'an", "Wuhan, Hubei", "the \"big\" one", "上海\n浦东"};
  const int n = 30;
  for (int i = 0; i < n; ++i) {
    if (i == 3) id.push_missing(); else id.push_int(i * 1000 - 7);
    if (i == 4) score.push_missing(); else score.push_num(scores[i % scores.size()] * (i + 1));
    amount.push_num((i * 1234 + 1) / 100.0);  // whole cents, as money is written
    if (i == 5) day.push_missing(); else day.push_int(19723 + i * 17);
    ts.push_int(1704450615 + i * 3601);
    flag.push_int(i % 3 == 0);
    city.push_code(city.intern(cities[i % cities.size()]));
    note.push_text("note " + std::to_string(i) + (i % 2 ? ", with \"quotes\"" : "\nsecond line"));
  }
  t.columns = {id, score, amount, day, ts, flag, city, note};
  const std::string csv = write_csv(t);
  CHECK(csv.substr(0, csv.find('\n')) == "id,score,amount,day,ts,flag,city,note");

  ReadResult r = read_csv(csv, "roundtrip.csv");
  REQUIRE(r.ok);
  CHECK(r.report.rows_rejected == 0);
  REQUIRE(r.table.rows() == static_cast<size_t>(n));
  CHECK(names_of(r.table) == names_of(t));
  // Money is written as a plain number (the unit is not in the file), so it reads back as decimal.
  CHECK(types_of(r.table) == std::vector<ColumnType>{ColumnType::Integer, ColumnType::Decimal, ColumnType::Decimal,
                                                     ColumnType::Date, ColumnType::DateTime, ColumnType::Boolean,
                                                     ColumnType::Category, ColumnType::Text});
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const Column& a = t.columns[c];
    const Column& b = r.table.columns[c];
    for (size_t i = 0; i < static_cast<size_t>(n); ++i) {
      CAPTURE(a.name);
      CAPTURE(i);
      REQUIRE(a.is_missing(i) == b.is_missing(i));
      if (a.is_missing(i)) continue;
      if (a.type == ColumnType::Money) CHECK(b.format(i) == a.format(i).substr(std::string("¥").size()));
      else CHECK(b.format(i) == a.format(i));
      if (is_numeric(a.type) || is_temporal(a.type) || a.type == ColumnType::Boolean)
        CHECK(b.number(i) == a.number(i));  // exact: no digits lost on the way
    }
  }
}

TEST_CASE("write_csv: shortest text that reads back as the same double") {
  Table t;
  Column d("x", ColumnType::Decimal);
  for (double v : {0.1, 0.1 + 0.2, 1.0 / 3, 2.5, -1e-9, 1e300}) d.push_num(v);
  t.columns.push_back(d);
  CHECK(write_csv(t) == "x\n0.1\n0.30000000000000004\n0.3333333333333333\n2.5\n-1e-09\n1e+300\n");
}
