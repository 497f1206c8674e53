// Tests of src/core/infer.cpp: the cell parsers, type inference and building typed columns.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "seglens/infer.hpp"

using namespace seglens;

namespace {

// Keeps the strings alive while infer_type and build_column look at views of them.
struct Cells {
  std::vector<std::string> owned;
  std::vector<std::string_view> views;
  explicit Cells(std::vector<std::string> v) : owned(std::move(v)) {
    for (const auto& s : owned) views.push_back(s);
  }
};

ColumnType infer(std::vector<std::string> v) { return infer_type(Cells(std::move(v)).views); }

// prefix + number (appended: GCC 12 warns falsely about `"literal" + std::string`)
std::string numbered(const char* prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

}  // namespace

TEST_CASE("parse_integer") {
  CHECK(parse_integer("0") == 0);
  CHECK(parse_integer("42") == 42);
  CHECK(parse_integer("-42") == -42);
  CHECK(parse_integer("+42") == 42);
  CHECK(parse_integer(" 7 ") == 7);
  CHECK(parse_integer("\t7\t") == 7);
  CHECK(parse_integer("10") == 10);
  CHECK(parse_integer("-0") == 0);
  CHECK(parse_integer("9223372036854775807") == std::numeric_limits<int64_t>::max());
  CHECK(parse_integer("-9223372036854775808") == std::numeric_limits<int64_t>::min());

  SUBCASE("leading zeros make an identifier, not a number") {
    CHECK(parse_integer("007") == std::nullopt);
    CHECK(parse_integer("-007") == std::nullopt);
    CHECK(parse_integer("+007") == std::nullopt);
    CHECK(parse_integer("00") == std::nullopt);
    CHECK(parse_integer("0123456") == std::nullopt);
  }
  SUBCASE("not integers") {
    CHECK(parse_integer("") == std::nullopt);
    CHECK(parse_integer("   ") == std::nullopt);
    CHECK(parse_integer("+") == std::nullopt);
    CHECK(parse_integer("-") == std::nullopt);
    CHECK(parse_integer("+-5") == std::nullopt);
    CHECK(parse_integer("--5") == std::nullopt);
    CHECK(parse_integer("1.0") == std::nullopt);
    CHECK(parse_integer("1e3") == std::nullopt);
    CHECK(parse_integer("12a") == std::nullopt);
    CHECK(parse_integer("1 000") == std::nullopt);
    CHECK(parse_integer("1,000") == std::nullopt);
    CHECK(parse_integer("0x1F") == std::nullopt);
    CHECK(parse_integer("9223372036854775808") == std::nullopt);  // overflow
    CHECK(parse_integer("-9223372036854775809") == std::nullopt);
  }
}

TEST_CASE("parse_decimal") {
  CHECK(parse_decimal("1.5") == 1.5);
  CHECK(parse_decimal("-0.25") == -0.25);
  CHECK(parse_decimal("+3.5") == 3.5);
  CHECK(parse_decimal(" 2.5 ") == 2.5);
  CHECK(parse_decimal("42") == 42.0);
  CHECK(parse_decimal("0") == 0.0);
  CHECK(parse_decimal("0.07") == 0.07);
  CHECK(parse_decimal("1e3") == 1000.0);
  CHECK(parse_decimal("2.5E-2") == 0.025);
  CHECK(parse_decimal("0.1") == 0.1);
  CHECK(parse_decimal("1234567.891") == 1234567.891);

  SUBCASE("leading zeros make an identifier here too") {
    CHECK(parse_decimal("007") == std::nullopt);
    CHECK(parse_decimal("00.5") == std::nullopt);
    CHECK(parse_decimal("-007") == std::nullopt);
  }
  SUBCASE("not decimals") {
    CHECK(parse_decimal("") == std::nullopt);
    CHECK(parse_decimal("+") == std::nullopt);
    CHECK(parse_decimal("+-1.5") == std::nullopt);
    CHECK(parse_decimal("1,5") == std::nullopt);
    CHECK(parse_decimal("1.5.2") == std::nullopt);
    CHECK(parse_decimal("12%") == std::nullopt);
    CHECK(parse_decimal("¥12") == std::nullopt);
    CHECK(parse_decimal("abc") == std::nullopt);
    CHECK(parse_decimal("nan") == std::nullopt);
    CHECK(parse_decimal("NaN") == std::nullopt);
    CHECK(parse_decimal("inf") == std::nullopt);
    CHECK(parse_decimal("-inf") == std::nullopt);
    CHECK(parse_decimal("infinity") == std::nullopt);
    CHECK(parse_decimal("1e400") == std::nullopt);
  }
}

TEST_CASE("parse_boolean") {
  for (const char* t : {"true", "TRUE", "True", "yes", "YES", "是", "对", " 是 "}) {
    CAPTURE(t);
    CHECK(parse_boolean(t) == true);
  }
  for (const char* f : {"false", "FALSE", "no", "No", "否", "错", "\t否"}) {
    CAPTURE(f);
    CHECK(parse_boolean(f) == false);
  }
  for (const char* x : {"", "1", "0", "y", "n", "t", "f", "是的", "truth", "不是"}) {
    CAPTURE(x);
    CHECK(parse_boolean(x) == std::nullopt);
  }
}

TEST_CASE("parse_date: ISO and slash dates") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("2024-01-05") == 19727);
  CHECK(parse_date("2024/1/5") == 19727);
  CHECK(parse_date("2024/01/05") == 19727);
  CHECK(parse_date("2024-1-5") == 19727);
  CHECK(parse_date(" 2024-01-05 ") == 19727);
  CHECK(parse_date("2000-03-01") == 11017);
  CHECK(parse_date("1969-12-31") == -1);
  CHECK(parse_date("9999-12-31") == 2932896);

  SUBCASE("February 29 only in leap years") {
    CHECK(parse_date("2024-02-29") == 19782);
    CHECK(parse_date("2000-02-29") == 11016);  // divisible by 400: leap
    CHECK(parse_date("2023-02-29") == std::nullopt);
    CHECK(parse_date("2025/2/29") == std::nullopt);
    CHECK(parse_date("1900-02-29") == std::nullopt);  // divisible by 100 only: not leap
    CHECK(parse_date("2100-02-29") == std::nullopt);
    CHECK(parse_date("2023-02-28") == days_from_civil(2023, 2, 28));
  }
  SUBCASE("impossible or malformed dates") {
    CHECK(parse_date("2024-04-31") == std::nullopt);
    CHECK(parse_date("2024-13-01") == std::nullopt);
    CHECK(parse_date("2024-00-10") == std::nullopt);
    CHECK(parse_date("2024-01-00") == std::nullopt);
    CHECK(parse_date("2024-01-32") == std::nullopt);
    CHECK(parse_date("2024-01/05") == std::nullopt);  // mixed separators
    CHECK(parse_date("24-01-05") == std::nullopt);
    CHECK(parse_date("0999-01-01") == std::nullopt);
    CHECK(parse_date("20240105") == std::nullopt);
    CHECK(parse_date("2024-001-05") == std::nullopt);
    CHECK(parse_date("2024-01-051") == std::nullopt);
    CHECK(parse_date("2024-01-05x") == std::nullopt);
    CHECK(parse_date("2024-01-") == std::nullopt);
    CHECK(parse_date("2024.01.05") == std::nullopt);
    CHECK(parse_date("05/01/2024") == std::nullopt);
    CHECK(parse_date("2024-01-05 10:00") == std::nullopt);
    CHECK(parse_date("") == std::nullopt);
  }
}

TEST_CASE("parse_datetime") {
  const int64_t day = 19727 * int64_t{86400};  // 2024-01-05
  CHECK(parse_datetime("2024-01-05 10:30:15") == day + 37815);
  CHECK(parse_datetime("2024-01-05T10:30:15") == day + 37815);
  CHECK(parse_datetime("2024-01-05T10:30:15Z") == day + 37815);
  CHECK(parse_datetime("2024-01-05 10:30:15.987") == day + 37815);  // fraction dropped
  CHECK(parse_datetime("2024-01-05 10:30") == day + 37800);
  CHECK(parse_datetime("2024/1/5 7:05") == day + 7 * 3600 + 5 * 60);
  CHECK(parse_datetime("2024-01-05 00:00:00") == day);
  CHECK(parse_datetime("2024-01-05 23:59:59") == day + 86399);
  CHECK(parse_datetime("1969-12-31 23:59:59") == -1);
  CHECK(parse_datetime(" 2024-02-29 12:00 ") == 19782 * int64_t{86400} + 43200);

  CHECK(parse_datetime("2024-01-05") == std::nullopt);  // a date alone is parse_date's
  CHECK(parse_datetime("2024-01-05 ") == std::nullopt);
  CHECK(parse_datetime("2024-01-05T") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 24:00") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 10:60") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 10:30:61") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 10") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 10:") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 10:30:") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 10:30+08:00") == std::nullopt);
  CHECK(parse_datetime("2024-01-05 10:30 PM") == std::nullopt);
  CHECK(parse_datetime("2023-02-29 10:00") == std::nullopt);
  CHECK(parse_datetime("2024-01-05_10:00") == std::nullopt);
}

TEST_CASE("is_missing_token") {
  for (const char* m : {"", " ", "\t", "NA", "na", "N/A", "n/a", "null", "NULL", "Null", "None", "NaN", "nan",
                        "-", "--", "#N/A", "无", "空", " NA "}) {
    CAPTURE(m);
    CHECK(is_missing_token(m));
  }
  for (const char* v : {"0", "N", "NAN0", "---", "nil", "无效", "空白", "n.a.", "x", "—"}) {
    CAPTURE(v);
    CHECK_FALSE(is_missing_token(v));
  }
}

TEST_CASE("infer_type: the narrowest type every value fits") {
  CHECK(infer({"1", "2", "-3", "+4"}) == ColumnType::Integer);
  CHECK(infer({"1", "", "NA", "3", "无"}) == ColumnType::Integer);
  CHECK(infer({"1", "0", "1"}) == ColumnType::Integer);  // 0/1 are numbers, not booleans
  CHECK(infer({"1", "2.5"}) == ColumnType::Decimal);
  CHECK(infer({"1.5", "2", "1e3"}) == ColumnType::Decimal);
  CHECK(infer({"true", "false", "是", "否"}) == ColumnType::Boolean);
  CHECK(infer({"是", "否", "否", ""}) == ColumnType::Boolean);
  CHECK(infer({"2024-01-05", "2024/1/6", "NA"}) == ColumnType::Date);
  CHECK(infer({"2024-01-05 10:00", "2024-01-06T11:00:00Z"}) == ColumnType::DateTime);
  CHECK(infer({"a", "b", "a"}) == ColumnType::Category);
  CHECK(infer({"1", "true"}) == ColumnType::Category);
  CHECK(infer({"1", "2", "x"}) == ColumnType::Category);
  CHECK(infer({"2024-01-05", "2024-02-30"}) == ColumnType::Category);  // an impossible date is text
}

TEST_CASE("infer_type: a column mixing dates and datetimes is a datetime column, in any order") {
  CHECK(infer({"2024-01-05", "2024-01-06 10:00"}) == ColumnType::DateTime);
  CHECK(infer({"2024-01-06 10:00", "2024-01-05"}) == ColumnType::DateTime);
  CHECK(infer({"2024-01-06 10:00", "2024-01-05", "2024-01-07T08:00:00"}) == ColumnType::DateTime);
  CHECK(infer({"2024-01-06 10:00", "2024-01-05", "soon"}) == ColumnType::Category);
}

TEST_CASE("infer_type: identifiers with leading zeros stay text") {
  CHECK(infer({"007", "008", "010"}) == ColumnType::Category);
  CHECK(infer({"1", "2", "007"}) == ColumnType::Category);
  CHECK(infer({"0.5", "007"}) == ColumnType::Category);
  CHECK(infer({"0", "0.5", "10"}) == ColumnType::Decimal);
}

TEST_CASE("infer_type: no values, or only missing ones, is text") {
  CHECK(infer({}) == ColumnType::Text);
  CHECK(infer({"", "NA", "-"}) == ColumnType::Text);
}

TEST_CASE("infer_type: category versus text") {
  // Text when there are more than 20 distinct values and more than half the values are distinct.
  auto labels = [](int distinct, int repeat) {
    std::vector<std::string> v;
    for (int r = 0; r < repeat; ++r)
      for (int i = 0; i < distinct; ++i) v.push_back(numbered("name ", i));
    return v;
  };
  CHECK(infer(labels(20, 1)) == ColumnType::Category);  // few distinct values
  CHECK(infer(labels(21, 1)) == ColumnType::Text);
  CHECK(infer(labels(25, 2)) == ColumnType::Category);  // 25 distinct of 50: exactly half
  CHECK(infer(labels(500, 2)) == ColumnType::Category);
  CHECK(infer(labels(300, 40)) == ColumnType::Category);

  std::vector<std::string> v = labels(25, 2);
  v.push_back("one more");  // 26 distinct of 51
  CHECK(infer(v) == ColumnType::Text);

  // Missing cells do not count as values.
  std::vector<std::string> w = labels(25, 2);
  for (int i = 0; i < 100; ++i) w.push_back("");
  CHECK(infer(w) == ColumnType::Category);

  // Surrounding spaces do not make a new value.
  std::vector<std::string> s;
  for (int i = 0; i < 30; ++i) {
    s.push_back(numbered("v", i));
    s.push_back(numbered(" v", i) + " ");
  }
  CHECK(infer(s) == ColumnType::Category);
}

TEST_CASE("infer_type: repeated labels are a category however early the text shows") {
  // Regression: inference stopped counting values at the first one that parsed as nothing, so the
  // category rule compared the distinct labels with too few values and picked Text.
  std::vector<std::string> v;
  for (int r = 0; r < 40; ++r)
    for (int i = 0; i < 30; ++i) v.push_back(numbered("city ", i));
  CHECK(infer(v) == ColumnType::Category);
}

TEST_CASE("build_column: typed cells, missing tokens and bad cells") {
  SUBCASE("integer") {
    Cells in({"1", "NA", "x", " 4 ", "007"});
    std::vector<size_t> bad;
    Column c = build_column("n", ColumnType::Integer, in.views, &bad);
    CHECK(c.name == "n");
    CHECK(c.type == ColumnType::Integer);
    REQUIRE(c.size() == 5);
    CHECK(c.ints == std::vector<int64_t>{1, 0, 0, 4, 0});
    CHECK(c.missing_count() == 3);
    CHECK(c.is_missing(1));
    CHECK(c.is_missing(2));
    CHECK(c.is_missing(4));
    CHECK(bad == std::vector<size_t>{2, 4});  // "NA" is missing, not bad
  }
  SUBCASE("decimal and money") {
    Cells in({"1.25", "", "-3", "abc"});
    std::vector<size_t> bad;
    Column d = build_column("x", ColumnType::Decimal, in.views, &bad);
    CHECK(d.nums == std::vector<double>{1.25, 0, -3, 0});
    CHECK(bad == std::vector<size_t>{3});
    Column m = build_column("x", ColumnType::Money, in.views, nullptr);  // bad may be null
    CHECK(m.nums == std::vector<double>{1.25, 0, -3, 0});
    CHECK(m.missing_count() == 2);
  }
  SUBCASE("boolean") {
    Cells in({"是", "否", "", "TRUE", "maybe"});
    std::vector<size_t> bad;
    Column c = build_column("member", ColumnType::Boolean, in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{1, 0, 0, 1, 0});
    CHECK(c.format(0) == "true");
    CHECK(c.format(1) == "false");
    CHECK(c.is_missing(2));
    CHECK(c.is_missing(4));
    CHECK(bad == std::vector<size_t>{4});
  }
  SUBCASE("date") {
    Cells in({"2024-01-05", "2024/2/29", "2023-02-29", "null"});
    std::vector<size_t> bad;
    Column c = build_column("d", ColumnType::Date, in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{19727, 19782, 0, 0});
    CHECK(c.format(1) == "2024-02-29");
    CHECK(bad == std::vector<size_t>{2});
    CHECK(c.missing_count() == 2);
  }
  SUBCASE("datetime accepts plain dates as midnight") {
    Cells in({"2024-01-05 10:30:15", "2024-01-05", "10:30"});
    std::vector<size_t> bad;
    Column c = build_column("t", ColumnType::DateTime, in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{1704450615, 1704412800, 0});
    CHECK(c.format(1) == "2024-01-05 00:00:00");
    CHECK(bad == std::vector<size_t>{2});
  }
  SUBCASE("category trims labels and shares codes") {
    Cells in({" b", "a", "b ", "NA", "a"});
    Column c = build_column("k", ColumnType::Category, in.views, nullptr);
    CHECK(c.dict == std::vector<std::string>{"b", "a"});
    CHECK(c.codes == std::vector<uint32_t>{0, 1, 0, 0, 1});
    CHECK(c.is_missing(3));
    CHECK(c.str(2) == "b");
    CHECK(c.missing_count() == 1);
  }
  SUBCASE("text keeps cells as written, missing tokens aside") {
    Cells in({" Ann ", "N/A", "Bob, Jr.", "", "line\nbreak"});
    std::vector<size_t> bad;
    Column c = build_column("name", ColumnType::Text, in.views, &bad);
    REQUIRE(c.size() == 5);
    CHECK(c.str(0) == " Ann ");
    CHECK(c.is_missing(1));
    CHECK(c.str(2) == "Bob, Jr.");
    CHECK(c.is_missing(3));
    CHECK(c.str(4) == "line\nbreak");
    CHECK(bad.empty());
  }
}
