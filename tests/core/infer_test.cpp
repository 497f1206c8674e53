// Tests of src/core/infer.cpp: the single-value parsers, column formats (infer_format), parsing
// cells with a format (parse_cell) and building typed columns. Each documented decision rule of
// infer.cpp has a test with exact values; the property tests at the end generate many columns of
// every format and check that inference picks the expected format and that every sample value
// then parses to the value it was generated from.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "seglens/infer.hpp"

using namespace seglens;

namespace doctest {
template <>
struct StringMaker<seglens::DateOrder> {
  static String convert(seglens::DateOrder o) {
    return o == seglens::DateOrder::YMD ? "YMD" : o == seglens::DateOrder::DMY ? "DMY" : "MDY";
  }
};
}  // namespace doctest

namespace {

// Keeps the strings alive while infer_format and build_column look at views of them.
struct Cells {
  std::vector<std::string> owned;
  std::vector<std::string_view> views;
  explicit Cells(std::vector<std::string> v) : owned(std::move(v)) {
    for (const auto& s : owned) views.push_back(s);
  }
};

ColumnType infer(std::vector<std::string> v) { return infer_type(Cells(std::move(v)).views); }

ColumnFormat fmt(std::vector<std::string> v, std::string_view name = {}, std::optional<DateOrder> order = {}) {
  Cells c(std::move(v));
  InferOptions o;
  o.column_name = name;
  o.date_order = order;
  return infer_format(c.views, o);
}

ColumnFormat make(ColumnType t, char dp = '.', char th = 0, std::string unit = {}) {
  ColumnFormat f;
  f.type = t;
  f.decimal_point = dp;
  f.thousands = th;
  f.unit = std::move(unit);
  return f;
}

ColumnFormat date_fmt(ColumnType t, DateOrder order, bool serial = false) {
  ColumnFormat f;
  f.type = t;
  f.date_order = order;
  f.excel_serial = serial;
  return f;
}

// parse_cell into an optional of the slot the type uses.
std::optional<int64_t> cell_i(const ColumnFormat& f, std::string_view s) {
  int64_t i = -12345;
  double d = 0;
  if (!parse_cell(f, s, i, d)) return std::nullopt;
  return i;
}
std::optional<double> cell_d(const ColumnFormat& f, std::string_view s) {
  int64_t i = 0;
  double d = -12345;
  if (!parse_cell(f, s, i, d)) return std::nullopt;
  return d;
}

// prefix + number (appended: GCC 12 warns falsely about `"literal" + std::string`)
std::string numbered(const char* prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

constexpr int64_t kDay = 86400;
const int64_t d20240105 = 19727;  // days_from_civil(2024, 1, 5)

}  // namespace

// [SECTION] Single-value parsers

TEST_CASE("parse_integer") {
  CHECK(parse_integer("0") == 0);
  CHECK(parse_integer("42") == 42);
  CHECK(parse_integer("-42") == -42);
  CHECK(parse_integer("+42") == 42);
  CHECK(parse_integer(" 7 ") == 7);
  CHECK(parse_integer("\t7\t") == 7);
  CHECK(parse_integer("\xC2\xA0" "7\xE3\x80\x80") == 7);  // no-break and ideographic spaces trimmed
  CHECK(parse_integer("7\r\n") == 7);
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
    CHECK(parse_integer("- 5") == std::nullopt);
    CHECK(parse_integer("1.0") == std::nullopt);
    CHECK(parse_integer("1e3") == std::nullopt);
    CHECK(parse_integer("12a") == std::nullopt);
    CHECK(parse_integer("1 000") == std::nullopt);  // plain only: separators need a column format
    CHECK(parse_integer("1,000") == std::nullopt);
    CHECK(parse_integer("0x1F") == std::nullopt);
    CHECK(parse_integer("９") == std::nullopt);  // full-width digits are not digits
    CHECK(parse_integer("9223372036854775808") == std::nullopt);  // overflow
    CHECK(parse_integer("-9223372036854775809") == std::nullopt);
    CHECK(parse_integer("18446744073709551616") == std::nullopt);  // 2^64: wraps a naive uint64
    CHECK(parse_integer("99999999999999999999") == std::nullopt);
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
  CHECK(parse_decimal("1e-3") == 0.001);
  CHECK(parse_decimal("2.5E-2") == 0.025);
  CHECK(parse_decimal("0.1") == 0.1);
  CHECK(parse_decimal("1234567.891") == 1234567.891);
  CHECK(parse_decimal(".5") == 0.5);
  CHECK(parse_decimal("-.5") == -0.5);
  CHECK(parse_decimal("1e-400") == 0.0);  // underflow is a (tiny) number
  CHECK(parse_decimal("9007199254740993") == 9007199254740992.0);  // 2^53 + 1 rounds to even
  CHECK(parse_decimal("0.30000000000000004") == 0.30000000000000004);

  SUBCASE("leading zeros make an identifier here too") {
    CHECK(parse_decimal("007") == std::nullopt);
    CHECK(parse_decimal("00.5") == std::nullopt);
    CHECK(parse_decimal("-007") == std::nullopt);
  }
  SUBCASE("integer-looking values must fit int64, or they are identifiers") {
    CHECK(parse_decimal("9223372036854775807") == 9223372036854775807.0);
    CHECK(parse_decimal("12345678901234567890") == std::nullopt);
    CHECK(parse_decimal("12345678901234567890.5") == 12345678901234567890.5);
  }
  SUBCASE("not decimals") {
    CHECK(parse_decimal("") == std::nullopt);
    CHECK(parse_decimal("+") == std::nullopt);
    CHECK(parse_decimal(".") == std::nullopt);
    CHECK(parse_decimal("5.") == std::nullopt);
    CHECK(parse_decimal("+-1.5") == std::nullopt);
    CHECK(parse_decimal("1,5") == std::nullopt);
    CHECK(parse_decimal("1.5.2") == std::nullopt);
    CHECK(parse_decimal("1e") == std::nullopt);
    CHECK(parse_decimal("1e+") == std::nullopt);
    CHECK(parse_decimal("e5") == std::nullopt);
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
  for (const char* t : {"true", "TRUE", "True", "yes", "YES", "是", "对", "真", " 是 "}) {
    CAPTURE(t);
    CHECK(parse_boolean(t) == true);
  }
  for (const char* f : {"false", "FALSE", "no", "No", "否", "错", "假", "\t否"}) {
    CAPTURE(f);
    CHECK(parse_boolean(f) == false);
  }
  // y/n only count inside a column that has the other words (see infer_format); 1/0 are numbers.
  for (const char* x : {"", "1", "0", "y", "n", "Y", "t", "f", "是的", "truth", "不是", "yess"}) {
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
    CHECK(parse_date("2024.01/05") == std::nullopt);
    CHECK(parse_date("24-01-05") == std::nullopt);
    CHECK(parse_date("0999-01-01") == std::nullopt);
    CHECK(parse_date("20240105") == std::nullopt);  // digits only: a column format with a date-like name
    CHECK(parse_date("45296") == std::nullopt);
    CHECK(parse_date("2024-001-05") == std::nullopt);
    CHECK(parse_date("2024-01-051") == std::nullopt);
    CHECK(parse_date("2024-01-05x") == std::nullopt);
    CHECK(parse_date("2024-01-") == std::nullopt);
    CHECK(parse_date("2024-01") == std::nullopt);  // month only in ISO form: text
    CHECK(parse_date("2024") == std::nullopt);
    CHECK(parse_date("5/1/24") == std::nullopt);  // two-digit years are not handled
    CHECK(parse_date("2024-01-05 10:00") == std::nullopt);
    CHECK(parse_date("") == std::nullopt);
  }
}

TEST_CASE("parse_date: dotted, Chinese and year-last dates") {
  CHECK(parse_date("2024.01.05") == 19727);
  CHECK(parse_date("2024.1.5") == 19727);
  CHECK(parse_date("2024年1月5日") == 19727);
  CHECK(parse_date("2024年01月05日") == 19727);
  CHECK(parse_date("2024年1月") == days_from_civil(2024, 1, 1));  // month only: the first
  CHECK(parse_date("2024年12月") == days_from_civil(2024, 12, 1));
  CHECK(parse_date("2024年2月30日") == std::nullopt);
  CHECK(parse_date("2024年13月") == std::nullopt);
  CHECK(parse_date("2024年1月5") == std::nullopt);  // 日 required with a day
  CHECK(parse_date("2024年") == std::nullopt);

  // Year last: the order decides; the default is month first.
  CHECK(parse_date("05/01/2024") == days_from_civil(2024, 5, 1));
  CHECK(parse_date("05/01/2024", DateOrder::MDY) == days_from_civil(2024, 5, 1));
  CHECK(parse_date("05/01/2024", DateOrder::DMY) == 19727);
  CHECK(parse_date("05.01.2024", DateOrder::DMY) == 19727);
  CHECK(parse_date("5-1-2024", DateOrder::DMY) == 19727);
  CHECK(parse_date("05/01/2024", DateOrder::YMD) == std::nullopt);  // YMD: year-last is not expected
  CHECK(parse_date("13/01/2024", DateOrder::MDY) == std::nullopt);
  CHECK(parse_date("13/01/2024", DateOrder::DMY) == days_from_civil(2024, 1, 13));
  CHECK(parse_date("02/29/2023") == std::nullopt);
  CHECK(parse_date("05/01.2024") == std::nullopt);
  CHECK(parse_date("05/01/20245") == std::nullopt);
  CHECK(parse_date("005/01/2024") == std::nullopt);
  // The order does not change year-first dates.
  CHECK(parse_date("2024-01-05", DateOrder::DMY) == 19727);
}

TEST_CASE("parse_datetime") {
  const int64_t day = d20240105 * kDay;
  CHECK(parse_datetime("2024-01-05 10:30:15") == day + 37815);
  CHECK(parse_datetime("2024-01-05T10:30:15") == day + 37815);
  CHECK(parse_datetime("2024-01-05T10:30:15Z") == day + 37815);
  CHECK(parse_datetime("2024-01-05 10:30:15.987") == day + 37815);  // fraction dropped
  CHECK(parse_datetime("2024-01-05T10:30:15.987654Z") == day + 37815);
  CHECK(parse_datetime("2024-01-05 10:30") == day + 37800);
  CHECK(parse_datetime("2024/1/5 7:05") == day + 7 * 3600 + 5 * 60);
  CHECK(parse_datetime("2024-01-05  7:05") == day + 7 * 3600 + 5 * 60);
  CHECK(parse_datetime("2024-01-05 00:00:00") == day);
  CHECK(parse_datetime("2024-01-05 23:59:59") == day + 86399);
  CHECK(parse_datetime("2024-01-05 23:59:60") == day + 86400);  // a leap second rolls over
  CHECK(parse_datetime("1969-12-31 23:59:59") == -1);
  CHECK(parse_datetime(" 2024-02-29 12:00 ") == 19782 * kDay + 43200);
  CHECK(parse_datetime("2024年1月5日 13:45") == day + 13 * 3600 + 45 * 60);
  CHECK(parse_datetime("2024年1月5日13:45:30") == day + 13 * 3600 + 45 * 60 + 30);
  CHECK(parse_datetime("05.01.2024 13:45", DateOrder::DMY) == day + 13 * 3600 + 45 * 60);
  CHECK(parse_datetime("1/5/2024 1:45 PM") == day + 13 * 3600 + 45 * 60);

  SUBCASE("AM/PM: hours 1..12, 12 AM is midnight, 12 PM noon") {
    CHECK(parse_datetime("2024-01-05 1:45 PM") == day + 13 * 3600 + 45 * 60);
    CHECK(parse_datetime("2024-01-05 1:45 pm") == day + 13 * 3600 + 45 * 60);
    CHECK(parse_datetime("2024-01-05 1:45PM") == day + 13 * 3600 + 45 * 60);
    CHECK(parse_datetime("2024-01-05 1:45:10 AM") == day + 3600 + 45 * 60 + 10);
    CHECK(parse_datetime("2024-01-05 10:30 PM") == day + 22 * 3600 + 30 * 60);
    CHECK(parse_datetime("2024-01-05 12:30 AM") == day + 30 * 60);
    CHECK(parse_datetime("2024-01-05 12:30 PM") == day + 12 * 3600 + 30 * 60);
    CHECK(parse_datetime("2024-01-05 13:45 PM") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 0:45 AM") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 1:45 PMX") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 下午 1:45") == std::nullopt);  // not handled (see the header)
  }
  SUBCASE("time zones convert to UTC") {
    CHECK(parse_datetime("2024-01-05 10:30+08:00") == day + 37800 - 8 * 3600);
    CHECK(parse_datetime("2024-01-05T10:30:00+08:00") == day + 2 * 3600 + 30 * 60);
    CHECK(parse_datetime("2024-01-05T10:30:00.5+0800") == day + 2 * 3600 + 30 * 60);
    CHECK(parse_datetime("2024-01-05 10:30:00 +08") == day + 2 * 3600 + 30 * 60);
    CHECK(parse_datetime("2024-01-05T01:00:00+08:00") == day - 7 * 3600);  // the previous day in UTC
    CHECK(parse_datetime("2024-01-05T10:30:00-05:30") == day + 16 * 3600);
    CHECK(parse_datetime("2024-01-05 10:30:00 UTC") == day + 37800);
    CHECK(parse_datetime("2024-01-05 10:30 PM +01:00") == day + 21 * 3600 + 30 * 60);
    CHECK(parse_datetime("2024-01-05T10:30:00+8:00") == std::nullopt);
    CHECK(parse_datetime("2024-01-05T10:30:00+19:00") == std::nullopt);
    CHECK(parse_datetime("2024-01-05T10:30:00+08:60") == std::nullopt);
    CHECK(parse_datetime("2024-01-05T10:30:00Z+08:00") == std::nullopt);
    CHECK(parse_datetime("2024-01-05T10:30:00 CST") == std::nullopt);
  }
  SUBCASE("not datetimes") {
    CHECK(parse_datetime("2024-01-05") == std::nullopt);  // a date alone is parse_date's
    CHECK(parse_datetime("2024-01-05 ") == std::nullopt);
    CHECK(parse_datetime("2024-01-05T") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 24:00") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 10:60") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 10:30:61") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 10") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 10:") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 10:5") == std::nullopt);  // minutes have two digits
    CHECK(parse_datetime("2024-01-05 10:30:") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 10:30:15.") == std::nullopt);
    CHECK(parse_datetime("2024-01-05 100:30") == std::nullopt);
    CHECK(parse_datetime("2023-02-29 10:00") == std::nullopt);
    CHECK(parse_datetime("2024-01-05_10:00") == std::nullopt);
    CHECK(parse_datetime("2024-01-0510:00") == std::nullopt);
    CHECK(parse_datetime("2024年1月 10:00") == std::nullopt);  // a month has no time
    CHECK(parse_datetime("10:30") == std::nullopt);
  }
}

TEST_CASE("is_missing_token") {
  for (const char* m : {"", " ", "\t", "NA", "na", "N/A", "n/a", "null", "NULL", "Null", "None", "NaN", "nan",
                        "-", "--", "#N/A", "#n/a", "无", "空", "缺失", " NA ", "\xE3\x80\x80" "无"}) {
    CAPTURE(m);
    CHECK(is_missing_token(m));
  }
  for (const char* v : {"0", "N", "NAN0", "---", "nil", "无效", "空白", "缺", "n.a.", "x", "—", "NA NA"}) {
    CAPTURE(v);
    CHECK_FALSE(is_missing_token(v));
  }
}

// [SECTION] infer_type (the old API, kept)

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
  CHECK(infer({"12%", "3.5%"}) == ColumnType::Percent);
  CHECK(infer({"¥12", "¥3.50"}) == ColumnType::Money);
  CHECK(infer({"a", "b", "a"}) == ColumnType::Category);
  CHECK(infer({"1", "true"}) == ColumnType::Category);
  CHECK(infer({"1", "2", "x"}) == ColumnType::Category);
  CHECK(infer({"2024-01-05", "2024-02-30"}) == ColumnType::Category);  // an impossible date is text
  CHECK(infer({"2024-01-05", "2024-13-01"}) == ColumnType::Category);
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
  // Order numbers longer than int64 are identifiers, not decimals that lose digits.
  CHECK(infer({"12345678901234567890", "12345678901234567891"}) == ColumnType::Category);
}

TEST_CASE("infer_type: no values, or only missing ones, is text") {
  CHECK(infer({}) == ColumnType::Text);
  CHECK(infer({"", "NA", "-"}) == ColumnType::Text);
  CHECK(fmt({"", "缺失"}).type == ColumnType::Text);
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

// [SECTION] infer_format: numbers and their separators

TEST_CASE("infer_format: plain numbers have no separators") {
  ColumnFormat f = fmt({"1", "-2", "+3"});
  CHECK(f.type == ColumnType::Integer);
  CHECK(f.decimal_point == '.');
  CHECK(f.thousands == 0);
  CHECK(f.unit.empty());
  f = fmt({"1.5", "2"});
  CHECK(f.type == ColumnType::Decimal);
  CHECK(f.decimal_point == '.');
  CHECK(f.thousands == 0);
}

TEST_CASE("infer_format: thousands separators") {
  SUBCASE("comma grouping") {
    ColumnFormat f = fmt({"1,234,567", "12", "1234"});
    CHECK(f.type == ColumnType::Integer);
    CHECK(f.thousands == ',');
    CHECK(f.decimal_point == '.');
    CHECK(cell_i(f, "1,234,567") == 1234567);
    CHECK(cell_i(f, "1234") == 1234);  // grouping is optional
    CHECK(cell_i(f, "-1,000") == -1000);
    CHECK(cell_i(f, "9,223,372,036,854,775,807") == std::numeric_limits<int64_t>::max());
    CHECK(cell_i(f, "9,223,372,036,854,775,808") == std::nullopt);
    CHECK(cell_i(f, "1,23") == std::nullopt);  // groups have exactly three digits
    CHECK(cell_i(f, "1,2345") == std::nullopt);
    CHECK(cell_i(f, "1234,567") == std::nullopt);  // the first group has 1-3 digits
    CHECK(cell_i(f, "0,123") == std::nullopt);
    CHECK(cell_i(f, ",123") == std::nullopt);
    CHECK(cell_i(f, "1,234,") == std::nullopt);
    CHECK(cell_i(f, "1,,234") == std::nullopt);
    CHECK(cell_i(f, "1.234") == std::nullopt);
    CHECK(cell_i(f, "1 234") == std::nullopt);
  }
  SUBCASE("comma grouping with decimals") {
    ColumnFormat f = fmt({"1,234.50", "0.5", "12"});
    CHECK(f.type == ColumnType::Decimal);
    CHECK(f.thousands == ',');
    CHECK(f.decimal_point == '.');
    CHECK(cell_d(f, "1,234.50") == 1234.5);
    CHECK(cell_d(f, "1,234,567.891") == 1234567.891);
    CHECK(cell_d(f, "12") == 12.0);
    CHECK(cell_d(f, "1,234e3") == std::nullopt);  // no exponent with grouping
    CHECK(cell_d(f, "1e3") == 1000.0);
  }
  SUBCASE("space grouping, also with no-break spaces") {
    ColumnFormat f = fmt({"1 234 567", "12"});
    CHECK(f.type == ColumnType::Integer);
    CHECK(f.thousands == ' ');
    CHECK(cell_i(f, "1 234 567") == 1234567);
    CHECK(cell_i(f, "1\xC2\xA0" "234") == 1234);
    CHECK(cell_i(f, "1\xE2\x80\xAF" "234") == 1234);
    CHECK(cell_i(f, "1  234") == std::nullopt);
    CHECK(fmt({"1\xC2\xA0" "234", "5"}).thousands == ' ');
  }
  SUBCASE("apostrophe grouping") {
    ColumnFormat f = fmt({"1'234'567.5", "3"});
    CHECK(f.type == ColumnType::Decimal);
    CHECK(f.thousands == '\'');
    CHECK(cell_d(f, "1'234'567.5") == 1234567.5);
  }
  SUBCASE("dot grouping needs evidence: two dots, or dots before a decimal comma") {
    ColumnFormat f = fmt({"1.234.567", "1.234"});
    CHECK(f.type == ColumnType::Integer);
    CHECK(f.thousands == '.');
    CHECK(f.decimal_point == ',');
    CHECK(cell_i(f, "1.234") == 1234);
    CHECK(cell_i(f, "1.234.567") == 1234567);
    CHECK(cell_i(f, "1,5") == std::nullopt);

    f = fmt({"1.234,50", "1.234", "7"});
    CHECK(f.type == ColumnType::Decimal);
    CHECK(f.thousands == '.');
    CHECK(f.decimal_point == ',');
    CHECK(cell_d(f, "1.234,50") == 1234.5);
    CHECK(cell_d(f, "1.234") == 1234.0);
    CHECK(cell_d(f, "1.234.567,891") == 1234567.891);
    CHECK(cell_d(f, "0,5") == 0.5);

    f = fmt({"1.234", "12,5"});  // '.' only fits as grouping once ',' is the decimal point
    CHECK(f.type == ColumnType::Decimal);
    CHECK(f.thousands == '.');
    CHECK(cell_d(f, "1.234") == 1234.0);
    CHECK(cell_d(f, "12,5") == 12.5);
  }
  SUBCASE("space grouping with a decimal comma") {
    ColumnFormat f = fmt({"1 234,5", "3"});
    CHECK(f.type == ColumnType::Decimal);
    CHECK(f.thousands == ' ');
    CHECK(f.decimal_point == ',');
    CHECK(cell_d(f, "1 234 567,25") == 1234567.25);
  }
}

TEST_CASE("infer_format: the ambiguous 1,234 and 1.234 are decided by the column") {
  // ',' alone: grouping, unless a value shows a decimal comma.
  ColumnFormat f = fmt({"1,234"});
  CHECK(f.type == ColumnType::Integer);
  CHECK(f.thousands == ',');
  CHECK(cell_i(f, "1,234") == 1234);

  f = fmt({"1,234", "12,5"});
  CHECK(f.type == ColumnType::Decimal);
  CHECK(f.decimal_point == ',');
  CHECK(f.thousands == 0);
  CHECK(cell_d(f, "1,234") == 1.234);
  CHECK(cell_d(f, "12,5") == 12.5);

  f = fmt({"1,234", "0,123"});  // a grouped number cannot start with 0: ',' is the point
  CHECK(f.type == ColumnType::Decimal);
  CHECK(f.decimal_point == ',');
  CHECK(cell_d(f, "1,234") == 1.234);

  f = fmt({"1,2345"});
  CHECK(f.type == ColumnType::Decimal);
  CHECK(f.decimal_point == ',');
  CHECK(cell_d(f, "1,2345") == 1.2345);

  // '.' alone: the decimal point, unless a value shows '.' grouping.
  f = fmt({"1.234"});
  CHECK(f.type == ColumnType::Decimal);
  CHECK(f.decimal_point == '.');
  CHECK(f.thousands == 0);
  CHECK(cell_d(f, "1.234") == 1.234);
  f = fmt({"1.234", "2.345"});
  CHECK(f.type == ColumnType::Decimal);
  CHECK(cell_d(f, "2.345") == 2.345);

  // A column that writes numbers two ways fits no style.
  CHECK(fmt({"12,5", "1,234,567"}).type == ColumnType::Category);
  CHECK(fmt({"1.5", "1.234.567"}).type == ColumnType::Category);
  CHECK(fmt({"1,234.5", "1.234,5"}).type == ColumnType::Category);
}

TEST_CASE("infer_format: decimal comma") {
  ColumnFormat f = fmt({"12,5", "3", "-0,25"});
  CHECK(f.type == ColumnType::Decimal);
  CHECK(f.decimal_point == ',');
  CHECK(f.thousands == 0);
  CHECK(cell_d(f, "12,5") == 12.5);
  CHECK(cell_d(f, "-0,25") == -0.25);
  CHECK(cell_d(f, "3") == 3.0);
  CHECK(cell_d(f, "1,5e3") == 1500.0);
  CHECK(cell_d(f, "12.5") == std::nullopt);
  CHECK(cell_d(f, "1.234,5") == std::nullopt);
  CHECK(cell_d(f, "007") == std::nullopt);
  CHECK(cell_d(f, "00,5") == std::nullopt);
}

// [SECTION] infer_format: percents and money

TEST_CASE("infer_format: percents are stored as fractions") {
  ColumnFormat f = fmt({"12%", "12.5 %", "-3%", "100%"});
  CHECK(f.type == ColumnType::Percent);
  CHECK(f.unit.empty());
  CHECK(cell_d(f, "12%") == 0.12);
  CHECK(cell_d(f, "12.5 %") == 0.125);
  CHECK(cell_d(f, "-3%") == -0.03);
  CHECK(cell_d(f, "100%") == 1.0);
  CHECK(cell_d(f, "12.3%") == 0.123);  // correctly rounded, not 12.3 / 100
  CHECK(cell_d(f, "0.1%") == 0.001);
  CHECK(cell_d(f, "33.33%") == 0.3333);
  CHECK(cell_d(f, "+7%") == 0.07);
  CHECK(cell_d(f, "12％") == 0.12);  // full-width percent sign
  CHECK(cell_d(f, "12") == std::nullopt);
  CHECK(cell_d(f, "%12") == std::nullopt);
  CHECK(cell_d(f, "1e2%") == std::nullopt);
  CHECK(cell_d(f, "(12%)") == std::nullopt);
  CHECK(cell_d(f, "12%%") == std::nullopt);
  CHECK(cell_d(f, "¥12%") == std::nullopt);

  f = fmt({"12,5 %", "3%"});
  CHECK(f.type == ColumnType::Percent);
  CHECK(f.decimal_point == ',');
  CHECK(cell_d(f, "12,5 %") == 0.125);
  CHECK(cell_d(f, "3%") == 0.03);

  // All or nothing: a column mixing percents and plain numbers is text.
  CHECK(fmt({"12%", "0.5"}).type == ColumnType::Category);
  CHECK(fmt({"12%", "1e2%"}).type == ColumnType::Category);
}

TEST_CASE("infer_format: money with signs, words and suffixes") {
  SUBCASE("yuan: ￥, ¥, RMB, CNY and 元 are one currency, normalised to ¥") {
    ColumnFormat f = fmt({"￥1,234.50", "¥12", "1234.50元", "RMB 100", "(¥12.00)", "cny5"});
    CHECK(f.type == ColumnType::Money);
    CHECK(f.unit == "¥");
    CHECK(f.thousands == ',');
    CHECK(f.decimal_point == '.');
    CHECK(cell_d(f, "￥1,234.50") == 1234.5);
    CHECK(cell_d(f, "¥12") == 12.0);
    CHECK(cell_d(f, "1234.50元") == 1234.5);
    CHECK(cell_d(f, "1234.50 元") == 1234.5);
    CHECK(cell_d(f, "RMB 100") == 100.0);
    CHECK(cell_d(f, "RMB100") == 100.0);
    CHECK(cell_d(f, "rmb 100") == 100.0);
    CHECK(cell_d(f, "100 RMB") == 100.0);
    CHECK(cell_d(f, "(¥12.00)") == -12.0);
    CHECK(cell_d(f, "( ¥12.00 )") == -12.0);
    CHECK(cell_d(f, "-¥12") == -12.0);
    CHECK(cell_d(f, "¥-12") == -12.0);
    CHECK(cell_d(f, "¥ -12") == -12.0);
    CHECK(cell_d(f, "-12元") == -12.0);
    CHECK(cell_d(f, "12") == 12.0);  // a Money column accepts bare numbers
    CHECK(cell_d(f, "(12)") == -12.0);
    CHECK(cell_d(f, "$12") == std::nullopt);  // another currency
    CHECK(cell_d(f, "元12") == std::nullopt);  // 元 only after the number
    CHECK(cell_d(f, "¥12元") == std::nullopt);  // two units
    CHECK(cell_d(f, "-(¥12)") == std::nullopt);
    CHECK(cell_d(f, "(-¥12)") == std::nullopt);
    CHECK(cell_d(f, "-¥-12") == std::nullopt);
    CHECK(cell_d(f, "(¥12") == std::nullopt);
    CHECK(cell_d(f, "¥") == std::nullopt);
    CHECK(cell_d(f, "¥1e3") == std::nullopt);
    CHECK(cell_d(f, "RMBX 5") == std::nullopt);
    CHECK(cell_d(f, "xRMB") == std::nullopt);
    CHECK(cell_d(f, "12%") == std::nullopt);
  }
  SUBCASE("a column written only with 元 keeps 元 as its unit") {
    ColumnFormat f = fmt({"1234.50元", "12 元"});
    CHECK(f.type == ColumnType::Money);
    CHECK(f.unit == "元");
    CHECK(cell_d(f, "¥3") == 3.0);  // the same currency
  }
  SUBCASE("dollars") {
    ColumnFormat f = fmt({"$1,234.50", "-$5.00", "USD 3", "US$7"});
    CHECK(f.type == ColumnType::Money);
    CHECK(f.unit == "$");
    CHECK(cell_d(f, "$1,234.50") == 1234.5);
    CHECK(cell_d(f, "-$5.00") == -5.0);
    CHECK(cell_d(f, "$-5.00") == -5.0);
    CHECK(cell_d(f, "USD 3") == 3.0);
    CHECK(cell_d(f, "3 usd") == 3.0);
    CHECK(cell_d(f, "US$7") == 7.0);
    CHECK(cell_d(f, "7US$") == 7.0);
    CHECK(cell_d(f, "€7") == std::nullopt);
  }
  SUBCASE("euros with decimal comma") {
    ColumnFormat f = fmt({"1.234,50 €", "12,00 €", "EUR 3"});
    CHECK(f.type == ColumnType::Money);
    CHECK(f.unit == "€");
    CHECK(f.decimal_point == ',');
    CHECK(f.thousands == '.');
    CHECK(cell_d(f, "1.234,50 €") == 1234.5);
    CHECK(cell_d(f, "12,00 €") == 12.0);
    CHECK(cell_d(f, "€12,5") == 12.5);
    CHECK(cell_d(f, "-1.234,50 €") == -1234.5);
  }
  SUBCASE("pounds") {
    ColumnFormat f = fmt({"£5", "GBP 7.5"});
    CHECK(f.type == ColumnType::Money);
    CHECK(f.unit == "£");
    CHECK(cell_d(f, "GBP 7.5") == 7.5);
  }
  SUBCASE("bare numbers may sit in a money column that shows its unit") {
    ColumnFormat f = fmt({"¥12", "15", "0.5"});
    CHECK(f.type == ColumnType::Money);
    CHECK(f.unit == "¥");
  }
  SUBCASE("not money") {
    CHECK(fmt({"$5", "¥6"}).type == ColumnType::Category);     // two currencies
    CHECK(fmt({"(5)", "6"}).type == ColumnType::Category);     // parentheses need a unit in the column
    CHECK(fmt({"$5", "1e3"}).type == ColumnType::Category);    // no exponents in money
    CHECK(fmt({"$5", "5%"}).type == ColumnType::Category);
    CHECK(fmt({"¥", "¥5"}).type == ColumnType::Category);
    CHECK(fmt({"$007"}).type == ColumnType::Category);
  }
  SUBCASE("a money format with no unit accepts only bare numbers") {
    ColumnFormat f = make(ColumnType::Money);
    CHECK(cell_d(f, "12.5") == 12.5);
    CHECK(cell_d(f, "(12.5)") == -12.5);
    CHECK(cell_d(f, "¥12.5") == std::nullopt);
  }
  SUBCASE("a hand-made format with an unnormalised unit") {
    CHECK(cell_d(make(ColumnType::Money, '.', 0, "RMB"), "￥5") == 5.0);
    CHECK(cell_d(make(ColumnType::Money, '.', 0, "RMB"), "$5") == std::nullopt);
    CHECK(cell_d(make(ColumnType::Money, '.', 0, "XYZ"), "$5") == std::nullopt);
    CHECK(cell_d(make(ColumnType::Money, '.', 0, "XYZ"), "5") == 5.0);
  }
}

// [SECTION] infer_format: booleans

TEST_CASE("infer_format: booleans, and y/n only with the other words") {
  ColumnFormat f = fmt({"true", "FALSE", "yes", "No", "是", "否", "对", "错", "真", "假"});
  CHECK(f.type == ColumnType::Boolean);
  CHECK(cell_i(f, "是") == 1);
  CHECK(cell_i(f, "假") == 0);
  CHECK(cell_i(f, "TRUE") == 1);
  CHECK(cell_i(f, "y") == 1);  // a Boolean format accepts y/n
  CHECK(cell_i(f, "N") == 0);
  CHECK(cell_i(f, "1") == std::nullopt);
  CHECK(cell_i(f, "maybe") == std::nullopt);

  CHECK(fmt({"yes", "y", "n"}).type == ColumnType::Boolean);
  CHECK(fmt({"Y", "N", "Y"}).type == ColumnType::Category);  // only y/n: a category
  CHECK(fmt({"y"}).type == ColumnType::Category);
  CHECK(fmt({"1", "0"}).type == ColumnType::Integer);
  CHECK(fmt({"是", "否", "也许"}).type == ColumnType::Category);
}

// [SECTION] infer_format: dates and datetimes

TEST_CASE("infer_format: date forms") {
  ColumnFormat f = fmt({"2024-01-05", "2024/1/6", "2024.1.7", "2024年1月8日", "2024年2月"});
  CHECK(f.type == ColumnType::Date);
  CHECK(f.date_order == DateOrder::YMD);
  CHECK_FALSE(f.excel_serial);
  CHECK(cell_i(f, "2024-01-05") == 19727);
  CHECK(cell_i(f, "2024/1/6") == 19728);
  CHECK(cell_i(f, "2024.1.7") == 19729);
  CHECK(cell_i(f, "2024年1月8日") == 19730);
  CHECK(cell_i(f, "2024年2月") == days_from_civil(2024, 2, 1));
  CHECK(cell_i(f, "2024-01-05 10:00") == std::nullopt);  // a Date format takes no time
  CHECK(cell_i(f, "20240105") == 19727);  // a Date format always reads YYYYMMDD
  CHECK(cell_i(f, "45296") == std::nullopt);  // serials only with excel_serial
  CHECK(cell_i(f, "05/01/2024") == std::nullopt);  // YMD: no year-last dates
  CHECK(cell_i(f, "2023-02-29") == std::nullopt);
  CHECK(cell_i(f, "2024-13-01") == std::nullopt);

  CHECK(fmt({"2024年1月", "2024年2月"}).type == ColumnType::Date);
  CHECK(fmt({"2024-01", "2024-02"}).type == ColumnType::Category);  // ISO months are not dates
}

TEST_CASE("infer_format: day/month order of year-last dates") {
  SUBCASE("a first part > 12 means day first") {
    ColumnFormat f = fmt({"05/01/2024", "13/01/2024"});
    CHECK(f.type == ColumnType::Date);
    CHECK(f.date_order == DateOrder::DMY);
    CHECK(cell_i(f, "05/01/2024") == 19727);
    CHECK(cell_i(f, "13/01/2024") == days_from_civil(2024, 1, 13));
    // The data wins over the option.
    CHECK(fmt({"05/01/2024", "13/01/2024"}, {}, DateOrder::MDY).date_order == DateOrder::DMY);
  }
  SUBCASE("a second part > 12 means month first") {
    ColumnFormat f = fmt({"05.01.2024", "01.13.2024"});
    CHECK(f.type == ColumnType::Date);
    CHECK(f.date_order == DateOrder::MDY);
    CHECK(cell_i(f, "05.01.2024") == days_from_civil(2024, 5, 1));
    CHECK(fmt({"05.01.2024", "01.13.2024"}, {}, DateOrder::DMY).date_order == DateOrder::MDY);
  }
  SUBCASE("impossible days rule an order out too") {
    CHECK(fmt({"31/04/2024"}).type == ColumnType::Category);  // no 31 April, no month 31
    CHECK(fmt({"29/02/2023"}).type == ColumnType::Category);  // 2023 is no leap year
    CHECK(fmt({"29/02/2024"}).date_order == DateOrder::DMY);
  }
  SUBCASE("conflicting evidence: not dates") {
    CHECK(fmt({"13/01/2024", "01/13/2024"}).type == ColumnType::Category);
  }
  SUBCASE("ambiguous: the option, else month first for '/', day first for '.' and '-'") {
    CHECK(fmt({"05/01/2024", "06/02/2024"}).date_order == DateOrder::MDY);
    CHECK(fmt({"05.01.2024", "06.02.2024"}).date_order == DateOrder::DMY);
    CHECK(fmt({"05-01-2024", "06-02-2024"}).date_order == DateOrder::DMY);
    CHECK(fmt({"05/01/2024"}, {}, DateOrder::DMY).date_order == DateOrder::DMY);
    CHECK(fmt({"05.01.2024"}, {}, DateOrder::MDY).date_order == DateOrder::MDY);
    CHECK(fmt({"05/01/2024"}, {}, DateOrder::YMD).date_order == DateOrder::MDY);  // YMD says nothing here
    // The separator of the first year-last value decides a mixed column.
    CHECK(fmt({"2024-01-01", "05.01.2024", "06/02/2024"}).date_order == DateOrder::DMY);
    ColumnFormat f = fmt({"05/01/2024"});
    CHECK(cell_i(f, "05/01/2024") == days_from_civil(2024, 5, 1));
  }
  SUBCASE("without year-last values: the option, else YMD") {
    CHECK(fmt({"2024-01-05"}).date_order == DateOrder::YMD);
    ColumnFormat f = fmt({"2024-01-05"}, {}, DateOrder::DMY);
    CHECK(f.date_order == DateOrder::DMY);
    CHECK(cell_i(f, "05/01/2024") == 19727);
  }
  SUBCASE("year-first values mix with year-last ones") {
    ColumnFormat f = fmt({"2024-01-05", "13.01.2024"});
    CHECK(f.type == ColumnType::Date);
    CHECK(f.date_order == DateOrder::DMY);
  }
}

TEST_CASE("infer_format: datetimes") {
  ColumnFormat f = fmt({"2024-01-05 13:45", "2024-01-05T13:45:30Z", "2024-01-05 13:45:30.123",
                        "2024/1/5 1:45 PM", "2024-01-05T13:45:30+08:00", "2024-01-06"});
  CHECK(f.type == ColumnType::DateTime);
  const int64_t day = d20240105 * kDay;
  CHECK(cell_i(f, "2024-01-05 13:45") == day + 49500);
  CHECK(cell_i(f, "2024-01-05T13:45:30Z") == day + 49530);
  CHECK(cell_i(f, "2024-01-05 13:45:30.123") == day + 49530);
  CHECK(cell_i(f, "2024/1/5 1:45 PM") == day + 49500);
  CHECK(cell_i(f, "2024-01-05T13:45:30+08:00") == day + 49530 - 28800);
  CHECK(cell_i(f, "2024-01-06") == day + kDay);  // dates are midnight
  CHECK(cell_i(f, "13:45") == std::nullopt);

  f = fmt({"05/01/2024 13:45", "13/01/2024 08:00"});
  CHECK(f.type == ColumnType::DateTime);
  CHECK(f.date_order == DateOrder::DMY);
  CHECK(cell_i(f, "05/01/2024 13:45") == day + 49500);

  CHECK(fmt({"2024年1月5日 13:45", "2024年1月6日"}).type == ColumnType::DateTime);
  CHECK(fmt({"2024-01-05 13:45", "2024-01-05 25:00"}).type == ColumnType::Category);
  CHECK(fmt({"13:45", "14:00"}).type == ColumnType::Category);  // times alone are text
}

TEST_CASE("infer_format: digits-only dates only with a date-like column name") {
  SUBCASE("YYYYMMDD") {
    CHECK(fmt({"20240105", "20240106"}).type == ColumnType::Integer);
    ColumnFormat f = fmt({"20240105", "20240106"}, "order_date");
    CHECK(f.type == ColumnType::Date);
    CHECK_FALSE(f.excel_serial);
    CHECK(cell_i(f, "20240105") == 19727);
    CHECK(cell_i(f, "45296") == std::nullopt);
    // An impossible compact date makes the column numbers again.
    CHECK(fmt({"20240105", "20241305"}, "order_date").type == ColumnType::Integer);
    CHECK(fmt({"20240105 13:45"}, "date").type == ColumnType::DateTime);
  }
  SUBCASE("Excel serials 20000..80000") {
    CHECK(fmt({"45296", "45297"}).type == ColumnType::Integer);
    ColumnFormat f = fmt({"45296", "45297"}, "下单日期");
    CHECK(f.type == ColumnType::Date);
    CHECK(f.excel_serial);
    CHECK(cell_i(f, "45296") == 19727);
    CHECK(cell_i(f, "20000") == days_from_civil(1954, 10, 3));
    CHECK(cell_i(f, "80000") == days_from_civil(2119, 1, 11));
    CHECK(cell_i(f, "19999") == std::nullopt);
    CHECK(cell_i(f, "80001") == std::nullopt);
    CHECK(cell_i(f, "45296.5") == std::nullopt);  // a fraction is a time: DateTime only
    CHECK(cell_i(f, "2024-01-05") == 19727);
    CHECK(fmt({"45296", "123"}, "date").type == ColumnType::Integer);  // 123 is no serial

    f = fmt({"45296.5", "45296"}, "Order Time");
    CHECK(f.type == ColumnType::DateTime);
    CHECK(f.excel_serial);
    CHECK(cell_i(f, "45296.5") == d20240105 * kDay + 43200);
    CHECK(cell_i(f, "45296.25") == d20240105 * kDay + 21600);
    CHECK(cell_i(f, "45296") == d20240105 * kDay);
    CHECK(cell_i(f, "45296.99999999") == (d20240105 + 1) * kDay);  // rounds to the next midnight
    CHECK(cell_i(f, "45296.") == std::nullopt);
    CHECK(cell_i(f, "80000.5") == std::nullopt);
    CHECK(fmt({"45296.5"}).type == ColumnType::Decimal);

    CHECK(fmt({"2024-01-05", "45297"}, "date").excel_serial);
  }
  SUBCASE("which names are date-like") {
    auto dated = [](std::string_view name) { return fmt({"45296"}, name).type == ColumnType::Date; };
    for (const char* n : {"date", "Date", "DATE", "day", "time", "datetime", "timestamp", "dt", "dob", "birthday",
                          "birthdate", "created", "updated", "order_date", "OrderDate", "orderDate", "OrderDT",
                          "DTCreated", "created_at", "Order Time", "signup-day", "date2", "日期", "下单日期",
                          "下单时间", "时刻", "生日", "注册日", "下单", "注册", " 注册 "}) {
      CAPTURE(n);
      CHECK(dated(n));
    }
    for (const char* n : {"", "amount", "lifetime_value", "days", "times", "updates", "update", "candidate",
                          "orderdate", "下单金额", "注册渠道", "注册用户数", "日均消费", "金额", "id"}) {
      CAPTURE(n);
      CHECK_FALSE(dated(n));
    }
  }
}

// [SECTION] parse_cell details

TEST_CASE("parse_cell: Integer and Decimal formats") {
  const ColumnFormat i = make(ColumnType::Integer);
  CHECK(cell_i(i, " 42 ") == 42);
  CHECK(cell_i(i, "-9223372036854775808") == std::numeric_limits<int64_t>::min());
  CHECK(cell_i(i, "1.5") == std::nullopt);
  CHECK(cell_i(i, "1,234") == std::nullopt);
  CHECK(cell_i(i, "007") == std::nullopt);
  CHECK(cell_i(i, "") == std::nullopt);

  const ColumnFormat d = make(ColumnType::Decimal);
  CHECK(cell_d(d, "1234.56") == 1234.56);
  CHECK(cell_d(d, "-1e-3") == -0.001);
  CHECK(cell_d(d, "12") == 12.0);
  CHECK(cell_d(d, "1,5") == std::nullopt);
  CHECK(cell_d(d, "1.") == std::nullopt);

  // Category and Text are never parsed.
  CHECK(cell_i(make(ColumnType::Category), "a") == std::nullopt);
  CHECK(cell_i(make(ColumnType::Text), "1") == std::nullopt);
}

TEST_CASE("parse_cell: very long numbers") {
  const std::string digits(300, '1');
  const ColumnFormat d = make(ColumnType::Decimal);
  // The plain style reads any length; other styles copy at most 64 characters.
  CHECK(cell_d(d, "0." + digits) == std::strtod(("0." + digits).c_str(), nullptr));
  CHECK(cell_d(make(ColumnType::Decimal, ',', 0), "0," + digits) == std::nullopt);
  CHECK(cell_d(make(ColumnType::Decimal, ',', 0), "0,123456789012345678901234567890") ==
        0.123456789012345678901234567890);
}

TEST_CASE("parse_cell: the fixed-width ISO fast path agrees with the general scanner") {
  const ColumnFormat date = make(ColumnType::Date), dt = make(ColumnType::DateTime);
  const int64_t day = d20240105 * kDay;
  CHECK(cell_i(date, "2024-01-05") == d20240105);
  CHECK(cell_i(date, "2024/01/05") == d20240105);
  CHECK(cell_i(date, "2024-01/05") == std::nullopt);
  CHECK(cell_i(date, "2024-01-05 10:30:15") == std::nullopt);  // 19 characters, but a Date takes no time
  CHECK(cell_i(dt, "2024-01-05 10:30:15") == day + 37815);
  CHECK(cell_i(dt, "2024-01-05T10:30:15") == day + 37815);
  CHECK(cell_i(dt, "2024/01/05 10:30:15") == day + 37815);
  CHECK(cell_i(dt, "2024-01-05 23:59:60") == day + kDay);
  CHECK(cell_i(dt, "2024-01-05 24:00:00") == std::nullopt);
  CHECK(cell_i(dt, "2024-01-05 10:60:00") == std::nullopt);
  CHECK(cell_i(dt, "2024-01-05 10:30:61") == std::nullopt);
  CHECK(cell_i(dt, "2024-01-05x10:30:15") == std::nullopt);
  CHECK(cell_i(dt, "2024-01-05 10:30 PM") == day + 22 * 3600 + 1800);  // 19 characters, the general path
  CHECK(cell_i(dt, "2023-02-29 10:30:15") == std::nullopt);
  CHECK(cell_i(dt, "0999-12-31 10:30:15") == std::nullopt);
}

TEST_CASE("parse_date: every day of years 1000..9999, and no day after a month's last") {
  // The parser computes days itself (no divisions on the hot path); compare with table.cpp's
  // days_from_civil on every day, through the fixed-width path and the general one.
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int64_t expected = days_from_civil(1000, 1, 1);
  int64_t mismatches = 0, wrong_ends = 0, count = 0;
  char iso[16], dotted[16];
  for (int y = 1000; y <= 9999; ++y) {
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    for (int m = 1; m <= 12; ++m) {
      const int last = mdays[m - 1] + (m == 2 && leap);
      for (int d = 1; d <= last + 1; ++d) {
        iso[0] = static_cast<char>('0' + y / 1000);
        iso[1] = static_cast<char>('0' + y / 100 % 10);
        iso[2] = static_cast<char>('0' + y / 10 % 10);
        iso[3] = static_cast<char>('0' + y % 10);
        iso[4] = '-';
        iso[5] = static_cast<char>('0' + m / 10);
        iso[6] = static_cast<char>('0' + m % 10);
        iso[7] = '-';
        iso[8] = static_cast<char>('0' + d / 10);
        iso[9] = static_cast<char>('0' + d % 10);
        std::memcpy(dotted, iso, 10);
        dotted[4] = dotted[7] = '.';
        const auto a = parse_date(std::string_view(iso, 10));
        const auto b = parse_date(std::string_view(dotted, 10));
        if (d > last) {
          wrong_ends += a.has_value() + b.has_value();
          continue;
        }
        mismatches += (a != expected) + (b != expected);
        ++expected;
        ++count;
      }
    }
  }
  CHECK(count == 3287182);  // 9000 years of days
  CHECK(mismatches == 0);
  CHECK(wrong_ends == 0);
  CHECK(expected == days_from_civil(10000, 1, 1));
}

// [SECTION] build_column

TEST_CASE("build_column: typed cells, missing tokens and bad cells") {
  SUBCASE("integer") {
    Cells in({"1", "NA", "x", " 4 ", "007"});
    std::vector<size_t> bad;
    Column c = build_column("n", make(ColumnType::Integer), in.views, &bad);
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
  SUBCASE("integer with grouping") {
    Cells in({"1,234", "5", "1.234"});
    std::vector<size_t> bad;
    Column c = build_column("n", make(ColumnType::Integer, '.', ','), in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{1234, 5, 0});
    CHECK(bad == std::vector<size_t>{2});
  }
  SUBCASE("decimal and money") {
    Cells in({"1.25", "", "-3", "abc"});
    std::vector<size_t> bad;
    Column d = build_column("x", make(ColumnType::Decimal), in.views, &bad);
    CHECK(d.nums == std::vector<double>{1.25, 0, -3, 0});
    CHECK(bad == std::vector<size_t>{3});
    Column m = build_column("x", make(ColumnType::Money), in.views, nullptr);  // bad may be null
    CHECK(m.nums == std::vector<double>{1.25, 0, -3, 0});
    CHECK(m.missing_count() == 2);
  }
  SUBCASE("money keeps the format's unit") {
    Cells in({"¥1,234.50", "(¥12.00)", "5元", "$3"});
    std::vector<size_t> bad;
    Column m = build_column("amount", make(ColumnType::Money, '.', ',', "¥"), in.views, &bad);
    CHECK(m.unit == "¥");
    CHECK(m.nums == std::vector<double>{1234.5, -12, 5, 0});
    CHECK(m.format(0) == "¥1234.50");
    CHECK(bad == std::vector<size_t>{3});
  }
  SUBCASE("percent") {
    Cells in({"12%", "", "12,5 %"});
    std::vector<size_t> bad;
    Column p = build_column("rate", make(ColumnType::Percent, ',', 0), in.views, &bad);
    CHECK(p.nums == std::vector<double>{0.12, 0, 0.125});
    CHECK(p.format(0) == "12%");
    CHECK(bad.empty());
  }
  SUBCASE("boolean") {
    Cells in({"是", "否", "", "TRUE", "maybe", "n"});
    std::vector<size_t> bad;
    Column c = build_column("member", make(ColumnType::Boolean), in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{1, 0, 0, 1, 0, 0});
    CHECK(c.format(0) == "true");
    CHECK(c.format(1) == "false");
    CHECK(c.is_missing(2));
    CHECK(c.is_missing(4));
    CHECK_FALSE(c.is_missing(5));
    CHECK(bad == std::vector<size_t>{4});
  }
  SUBCASE("date") {
    Cells in({"2024-01-05", "2024/2/29", "2023-02-29", "null"});
    std::vector<size_t> bad;
    Column c = build_column("d", make(ColumnType::Date), in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{19727, 19782, 0, 0});
    CHECK(c.format(1) == "2024-02-29");
    CHECK(bad == std::vector<size_t>{2});
    CHECK(c.missing_count() == 2);
  }
  SUBCASE("date with an order and serials") {
    Cells in({"05/01/2024", "45296", "13/01/2024"});
    std::vector<size_t> bad;
    Column c = build_column("d", date_fmt(ColumnType::Date, DateOrder::DMY, true), in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{19727, 19727, 19735});
    CHECK(bad.empty());
  }
  SUBCASE("datetime accepts plain dates as midnight") {
    Cells in({"2024-01-05 10:30:15", "2024-01-05", "10:30"});
    std::vector<size_t> bad;
    Column c = build_column("t", make(ColumnType::DateTime), in.views, &bad);
    CHECK(c.ints == std::vector<int64_t>{1704450615, 1704412800, 0});
    CHECK(c.format(1) == "2024-01-05 00:00:00");
    CHECK(bad == std::vector<size_t>{2});
  }
  SUBCASE("category trims labels and shares codes") {
    Cells in({" b", "a", "b ", "NA", "a", "\xE3\x80\x80" "a"});
    Column c = build_column("k", make(ColumnType::Category), in.views, nullptr);
    CHECK(c.dict == std::vector<std::string>{"b", "a"});
    CHECK(c.codes == std::vector<uint32_t>{0, 1, 0, 0, 1, 1});
    CHECK(c.is_missing(3));
    CHECK(c.str(2) == "b");
    CHECK(c.missing_count() == 1);
  }
  SUBCASE("text keeps cells as written, missing tokens aside") {
    Cells in({" Ann ", "N/A", "Bob, Jr.", "", "line\nbreak"});
    std::vector<size_t> bad;
    Column c = build_column("name", make(ColumnType::Text), in.views, &bad);
    REQUIRE(c.size() == 5);
    CHECK(c.str(0) == " Ann ");
    CHECK(c.is_missing(1));
    CHECK(c.str(2) == "Bob, Jr.");
    CHECK(c.is_missing(3));
    CHECK(c.str(4) == "line\nbreak");
    CHECK(bad.empty());
  }
  SUBCASE("bad indices are appended to what the caller had") {
    Cells in({"x", "1"});
    std::vector<size_t> bad{99};
    build_column("n", make(ColumnType::Integer), in.views, &bad);
    CHECK(bad == std::vector<size_t>{99, 0});
  }
}

TEST_CASE("infer_type equals infer_format(...).type") {
  for (const auto& v : std::vector<std::vector<std::string>>{
           {"1"}, {"1.5"}, {"12%"}, {"$5"}, {"2024-01-05"}, {"2024-01-05 10:00"}, {"yes"}, {"a", "a"}, {}}) {
    Cells c(v);
    CHECK(infer_type(c.views) == infer_format(c.views).type);
  }
}

// [SECTION] Properties over generated columns

namespace {

// A small deterministic generator: identical sequences natively and in wasm (std distributions
// are not specified exactly and differ between standard libraries).
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int64_t range(int64_t lo, int64_t hi) { return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1)); }
  bool coin() { return next() & 1; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

// Digits of n grouped by th (th == 0: none).
std::string grouped(uint64_t n, const std::string& th) {
  std::string d = std::to_string(n);
  if (th.empty()) return d;
  std::string out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i && (d.size() - i) % 3 == 0) out += th;
    out += d[i];
  }
  return out;
}

struct Style {
  char dp, th;
  std::string th_text;   // what is written for the separator
  std::string witness;   // a value that only this style explains (decimal columns)
  std::string int_witness;  // the same for integer columns ("" when the style cannot be integer)
};

const std::vector<Style>& styles() {
  static const std::vector<Style> s = {
      {'.', 0, "", "0.5", "5"},
      {'.', ',', ",", "1,234,567.5", "1,234,567"},
      {'.', ' ', " ", "1 234 567.5", "1 234 567"},
      {'.', ' ', "\xC2\xA0", "1\xC2\xA0" "234\xC2\xA0" "567.5", "1\xC2\xA0" "234\xC2\xA0" "567"},
      {'.', '\'', "'", "1'234'567.5", "1'234'567"},
      {',', 0, "", "0,5", ""},
      {',', '.', ".", "1.234.567,5", "1.234.567"},
      {',', ' ', " ", "1 234 567,5", ""},
  };
  return s;
}

struct Generated {
  std::vector<std::string> values;
  std::vector<int64_t> ints;    // expected, per non-missing value, for int-stored types
  std::vector<double> nums;     // expected, for num-stored types
  ColumnFormat expect;          // the fields that must match
  std::string name;
  std::optional<DateOrder> option;
};

// A decimal number under a style: returns the text and sets the exact expected double (parsed
// from the canonical form with strtod, independently of the code under test).
std::string gen_decimal(Rng& r, const Style& st, double& expected, bool allow_int, int exp10 = 0) {
  const uint64_t ip = static_cast<uint64_t>(r.range(0, 3) == 0 ? r.range(0, 9) : r.range(0, 99999999));
  std::string frac;
  const int nf = allow_int ? static_cast<int>(r.range(0, 4)) : static_cast<int>(r.range(1, 4));
  for (int i = 0; i < nf; ++i) frac += static_cast<char>('0' + r.range(0, 9));
  const bool group = !st.th_text.empty() && r.range(0, 3) != 0;
  std::string text = grouped(ip, group ? st.th_text : "");
  if (!frac.empty()) text += st.dp + frac;
  std::string canon = std::to_string(ip) + (frac.empty() ? "" : "." + frac) + "e" + std::to_string(exp10);
  expected = std::strtod(canon.c_str(), nullptr);
  return text;
}

Generated gen_column(Rng& r, int kind) {
  Generated g;
  const int n = static_cast<int>(r.range(1, 40));
  auto add_missing = [&] {
    if (r.range(0, 9) == 0) g.values.push_back(r.pick(std::vector<std::string>{"", "NA", "-", "无", "null", " "}));
  };
  switch (kind) {
    case 0: {  // Integer
      std::vector<size_t> ok;
      for (size_t i = 0; i < styles().size(); ++i)
        if (!styles()[i].int_witness.empty()) ok.push_back(i);
      const Style& st = styles()[r.pick(ok)];
      g.expect = make(ColumnType::Integer, st.dp == ',' && st.th == '.' ? ',' : '.', st.th);
      g.values.push_back(st.int_witness);
      int64_t w = 0;
      for (char c : st.int_witness)
        if (c >= '0' && c <= '9') w = w * 10 + (c - '0');
      g.ints.push_back(w);
      for (int i = 0; i < n; ++i) {
        add_missing();
        const int64_t v = r.range(0, 3) == 0 ? r.range(-999, 999) : r.range(-999999999999, 999999999999);
        const uint64_t mag = static_cast<uint64_t>(v < 0 ? -v : v);
        std::string t = (v < 0 ? "-" : (r.range(0, 5) == 0 ? "+" : "")) +
                        grouped(mag, (!st.th_text.empty() && r.coin()) ? st.th_text : "");
        if (r.range(0, 5) == 0) t = " " + t + " ";
        g.values.push_back(t);
        g.ints.push_back(v);
      }
      break;
    }
    case 1:    // Decimal
    case 2: {  // Percent
      const Style& st = r.pick(styles());
      const bool pct = kind == 2;
      g.expect = make(pct ? ColumnType::Percent : ColumnType::Decimal, st.dp, st.th);
      double w0;
      std::string w = st.witness;
      {
        // the witness's value, by the same canonical route
        std::string canon;
        for (char c : w) {
          if (c >= '0' && c <= '9') canon += c;
          else if (c == st.dp) canon += '.';
        }
        w0 = std::strtod((canon + (pct ? "e-2" : "")).c_str(), nullptr);
      }
      g.values.push_back(pct ? w + "%" : w);
      g.nums.push_back(w0);
      for (int i = 0; i < n; ++i) {
        add_missing();
        double e;
        std::string t = gen_decimal(r, st, e, true, pct ? -2 : 0);
        if (r.coin()) {
          t = "-" + t;
          e = -e;
        }
        if (pct) t += r.pick(std::vector<std::string>{"%", " %", "％"});
        g.values.push_back(t);
        g.nums.push_back(e);
      }
      break;
    }
    case 3: {  // Money
      const Style& st = r.pick(styles());
      struct Cur { std::vector<std::string> pre, suf; std::string unit; };
      static const std::vector<Cur> curs = {
          {{"¥", "￥", "RMB ", "CNY"}, {"元", " 元", " RMB"}, "¥"},
          {{"$", "US$", "USD "}, {" USD"}, "$"},
          {{"€", "EUR "}, {" €", "€"}, "€"},
          {{"£", "GBP "}, {" GBP"}, "£"},
      };
      const Cur& c = r.pick(curs);
      g.expect = make(ColumnType::Money, st.dp, st.th, c.unit);
      double w0;
      {
        std::string canon;
        for (char ch : st.witness) {
          if (ch >= '0' && ch <= '9') canon += ch;
          else if (ch == st.dp) canon += '.';
        }
        w0 = std::strtod(canon.c_str(), nullptr);
      }
      g.values.push_back(c.pre[0] + st.witness);  // a sign unit: the unit is never 元 alone
      g.nums.push_back(w0);
      for (int i = 0; i < n; ++i) {
        add_missing();
        double e;
        std::string t = gen_decimal(r, st, e, true);
        const bool neg = r.range(0, 3) == 0;
        const int form = static_cast<int>(r.range(0, 4));
        if (form == 0) t = r.pick(c.pre) + t;
        else if (form == 1) t = t + r.pick(c.suf);
        else if (form == 2) t = (neg ? "-" : "") + r.pick(c.pre) + t;
        else if (form == 3) t = (neg ? "(" : "") + r.pick(c.pre) + t + (neg ? ")" : "");
        else t = (neg ? "-" : "") + t;  // bare
        if ((form >= 2) && neg) e = -e;
        g.values.push_back(t);
        g.nums.push_back(e);
      }
      break;
    }
    case 4:    // Date
    case 5: {  // DateTime
      const bool dt = kind == 5;
      const int order_kind = static_cast<int>(r.range(0, 2));  // 0 year first, 1 DMY, 2 MDY
      const char sep = r.pick(std::vector<char>{'-', '/', '.'});
      g.expect.type = dt ? ColumnType::DateTime : ColumnType::Date;
      g.expect.date_order = order_kind == 0 ? DateOrder::YMD : order_kind == 1 ? DateOrder::DMY : DateOrder::MDY;
      if (order_kind != 0 && r.coin()) g.option = g.expect.date_order;  // sometimes the option says it
      bool witnessed = false;
      for (int i = 0; i < n || (order_kind != 0 && !witnessed && !g.option); ++i) {
        add_missing();
        const int y = static_cast<int>(r.range(1950, 2100));
        const int m = static_cast<int>(r.range(1, 12));
        static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        const int d = static_cast<int>(r.range(1, mdays[m - 1] + (m == 2 && leap)));
        auto two = [&](int v) { return (r.coin() && v < 10) ? "0" + std::to_string(v) : std::to_string(v); };
        std::string t;
        if (order_kind == 0) {
          const int form = static_cast<int>(r.range(0, 1));
          if (form == 0) t = std::to_string(y) + sep + two(m) + sep + two(d);
          else t = std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
        } else {
          // The option decides ambiguous columns; without it a witness (day > 12) must appear,
          // or the separator default must agree.
          const DateOrder sep_default = sep == '/' ? DateOrder::MDY : DateOrder::DMY;
          if (d > 12 && m <= 12) witnessed = true;
          if (!g.option && g.expect.date_order == sep_default) witnessed = true;
          t = order_kind == 1 ? two(d) + sep + two(m) + sep + std::to_string(y)
                              : two(m) + sep + two(d) + sep + std::to_string(y);
        }
        int64_t v = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
        if (dt && r.range(0, 4) != 0) {
          const int hh = static_cast<int>(r.range(0, 23)), mi = static_cast<int>(r.range(0, 59));
          const int ss = static_cast<int>(r.range(0, 59));
          const int form = static_cast<int>(r.range(0, 4));
          auto p2 = [](int x) { return (x < 10 ? "0" : "") + std::to_string(x); };
          int64_t tod = hh * 3600 + mi * 60;
          if (form == 0) t += " " + std::to_string(hh) + ":" + p2(mi);
          else if (form == 1) {
            t += " " + p2(hh) + ":" + p2(mi) + ":" + p2(ss);
            tod += ss;
          } else if (form == 2) {
            t += (order_kind == 0 && t.find("日") == std::string::npos ? "T" : " ") + p2(hh) + ":" + p2(mi) + ":" +
                 p2(ss) + ".123Z";
            tod += ss;
          } else if (form == 3) {
            const int h12 = hh % 12 == 0 ? 12 : hh % 12;
            t += " " + std::to_string(h12) + ":" + p2(mi) + (hh < 12 ? " AM" : " PM");
          } else {
            const int oh = static_cast<int>(r.range(-11, 14));
            t += " " + p2(hh) + ":" + p2(mi) + ":" + p2(ss) + (oh < 0 ? "-" : "+") + p2(oh < 0 ? -oh : oh) + ":30";
            tod += ss - (oh * 3600 + (oh < 0 ? -1800 : 1800));
          }
          g.ints.push_back(v * kDay + tod);
        } else {
          g.ints.push_back(dt ? v * kDay : v);
        }
        g.values.push_back(t);
      }
      if (dt) {  // make sure one value has a time
        g.values.push_back("2024-01-05 10:00");
        g.ints.push_back(d20240105 * kDay + 36000);
      }
      break;
    }
    case 6: {  // Excel serials and YYYYMMDD under a date-like name
      g.name = r.pick(std::vector<std::string>{"date", "下单日期", "created_at", "注册"});
      g.expect.type = ColumnType::Date;
      g.expect.excel_serial = true;
      g.values.push_back("45296");
      g.ints.push_back(d20240105);
      for (int i = 0; i < n; ++i) {
        add_missing();
        if (r.coin()) {
          const int64_t s = r.range(20000, 80000);
          g.values.push_back(std::to_string(s));
          g.ints.push_back(s - 25569);
        } else {
          const int y = static_cast<int>(r.range(1990, 2030)), m = static_cast<int>(r.range(1, 12));
          const int d = static_cast<int>(r.range(1, 28));
          g.values.push_back(std::to_string(y * 10000 + m * 100 + d));
          g.ints.push_back(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)));
        }
      }
      break;
    }
    default: {  // Boolean
      g.expect.type = ColumnType::Boolean;
      static const std::vector<std::pair<std::string, int>> words = {
          {"true", 1}, {"FALSE", 0}, {"Yes", 1}, {"no", 0}, {"是", 1}, {"否", 0}, {"对", 1}, {"错", 0},
          {"真", 1}, {"假", 0}, {"y", 1}, {"N", 0}};
      g.values.push_back("yes");
      g.ints.push_back(1);
      for (int i = 0; i < n; ++i) {
        add_missing();
        const auto& w = r.pick(words);
        g.values.push_back(w.first);
        g.ints.push_back(w.second);
      }
      break;
    }
  }
  // Shuffle (values and expectations together; missing values carry no expectation).
  std::vector<std::pair<std::string, size_t>> order;
  size_t k = 0;
  for (const auto& v : g.values) order.emplace_back(v, is_missing_token(v) ? SIZE_MAX : k++);
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[r.next() % i]);
  Generated out = g;
  out.values.clear();
  out.ints.clear();
  out.nums.clear();
  for (const auto& [v, idx] : order) {
    out.values.push_back(v);
    if (idx == SIZE_MAX) continue;
    if (!g.ints.empty()) out.ints.push_back(g.ints[idx]);
    if (!g.nums.empty()) out.nums.push_back(g.nums[idx]);
  }
  return out;
}

}  // namespace

TEST_CASE("property: generated columns of every format infer as generated and parse exactly") {
  Rng r(20240105);
  int checked_values = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    const int kind = iter % 8;
    Generated g = gen_column(r, kind);
    Cells cells(g.values);
    InferOptions o;
    o.column_name = g.name;
    o.date_order = g.option;
    const ColumnFormat f = infer_format(cells.views, o);
    std::string all;
    for (const auto& v : g.values) all += "[" + v + "] ";
    CAPTURE(iter);
    CAPTURE(all);
    REQUIRE(f.type == g.expect.type);
    if (is_numeric(f.type)) {
      CHECK(f.decimal_point == g.expect.decimal_point);
      CHECK(f.thousands == g.expect.thousands);
      CHECK(f.unit == g.expect.unit);
    }
    if (is_temporal(f.type)) {
      CHECK(f.excel_serial == g.expect.excel_serial);
      if (f.type == ColumnType::Date && g.name.empty()) CHECK(f.date_order == g.expect.date_order);
      if (f.type == ColumnType::DateTime) CHECK(f.date_order == g.expect.date_order);
    }
    size_t k = 0;
    for (const auto& v : g.values) {
      if (is_missing_token(v)) continue;
      CAPTURE(v);
      int64_t i = 0;
      double d = 0;
      REQUIRE(parse_cell(f, v, i, d));
      if (f.type == ColumnType::Decimal || f.type == ColumnType::Money || f.type == ColumnType::Percent)
        CHECK(d == g.nums[k]);
      else
        CHECK(i == g.ints[k]);
      ++k;
      ++checked_values;
    }
  }
  CHECK(checked_values > 50000);
}

TEST_CASE("property: whatever format is inferred, every sample value parses with it") {
  // Tricky tokens mixed at random; the format chosen must read every non-missing value.
  static const std::vector<std::string> pool = {
      "1", "-2", "+3", "1,234", "1.234", "12,5", "0,5", "1.234.567", "1.234,5", "1,234.5", "1 234", "1'234",
      "007", "1e3", "1.5", ".5", "5.", "(5)", "($5)", "$5", "-$5", "¥5", "5元", "RMB 5", "€5", "5 €", "12%",
      "12,5 %", "-3%", "yes", "no", "y", "n", "是", "否", "true", "2024-01-05", "2024/1/6", "2024.1.7",
      "2024年1月8日", "2024年1月", "05/01/2024", "13/01/2024", "01/13/2024", "05.01.2024", "2024-01-05 10:00",
      "2024-01-05T10:00:00Z", "2024-01-05 10:00+08:00", "1/5/2024 1:45 PM", "45296", "45296.5", "20240105",
      "20241305", "10:30", "abc", "", "NA", "-", "--", "无", "2023-02-29", "9223372036854775808",
      "12345678901234567890", "1,23", "¥", "%", "0", "00", "-0", "1 234,5", "1e400", "nan"};
  static const std::vector<std::string> names = {"", "date", "下单金额", "Order Time", "amount"};
  Rng r(7);
  int typed = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::vector<std::string> v;
    const int n = static_cast<int>(r.range(1, 6));
    for (int i = 0; i < n; ++i) v.push_back(r.pick(pool));
    Cells cells(v);
    InferOptions o;
    o.column_name = r.pick(names);
    if (r.coin()) o.date_order = r.pick(std::vector<DateOrder>{DateOrder::YMD, DateOrder::DMY, DateOrder::MDY});
    const ColumnFormat f = infer_format(cells.views, o);
    if (f.type == ColumnType::Category || f.type == ColumnType::Text) continue;
    ++typed;
    for (const auto& s : v) {
      if (is_missing_token(s)) continue;
      int64_t i;
      double d;
      CAPTURE(s);
      CAPTURE(to_string(f.type));
      CHECK(parse_cell(f, s, i, d));
    }
  }
  CHECK(typed > 2000);
}

TEST_CASE("property: parse_cell never reads outside its text") {
  // Every prefix of tricky values, in every format: no crash (checked under sanitizers), and a
  // prefix parses the same as a copy of it (nothing past the view's end is looked at).
  static const std::vector<std::string> values = {
      "2024-01-05T10:30:15.123+08:00", "1/5/2024 1:45 PM", "2024年1月5日 13:45", "￥1,234.50", "(¥12.00)",
      "1.234,50 €", "12,5 %", "45296.5", "20240105", "US$7", "1\xC2\xA0" "234", "true", "缺失", "1e-3"};
  std::vector<ColumnFormat> formats;
  for (ColumnType t : {ColumnType::Integer, ColumnType::Decimal, ColumnType::Money, ColumnType::Percent,
                       ColumnType::Date, ColumnType::DateTime, ColumnType::Boolean})
    for (const Style& st : styles()) {
      ColumnFormat f = make(t, st.dp, st.th, t == ColumnType::Money ? "¥" : "");
      f.excel_serial = true;
      f.date_order = DateOrder::DMY;
      formats.push_back(f);
    }
  for (const std::string& v : values)
    for (size_t len = 0; len <= v.size(); ++len) {
      // An exact-size heap copy: a read past its end is caught by AddressSanitizer.
      std::unique_ptr<char[]> exact(new char[len]);
      std::memcpy(exact.get(), v.data(), len);
      const std::string_view prefix(exact.get(), len);
      const std::string_view longer = std::string_view(v).substr(0, len);  // the rest follows in memory
      for (const ColumnFormat& f : formats) {
        int64_t i1 = 0, i2 = 0;
        double d1 = 0, d2 = 0;
        const bool a = parse_cell(f, prefix, i1, d1);
        const bool b = parse_cell(f, longer, i2, d2);
        CHECK(a == b);
        if (a && b) {
          CHECK(i1 == i2);
          CHECK((d1 == d2 || (std::isnan(d1) && std::isnan(d2))));
        }
      }
    }
}
