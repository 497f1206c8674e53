// Tests of src/core/table.cpp: column storage, the missing bitmap, cell formatting and the calendar.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "fixtures.hpp"
#include "seglens/table.hpp"

using namespace seglens;

TEST_CASE("column types: names and families") {
  CHECK(to_string(ColumnType::Integer) == "integer");
  CHECK(to_string(ColumnType::Decimal) == "decimal");
  CHECK(to_string(ColumnType::Money) == "money");
  CHECK(to_string(ColumnType::Percent) == "percent");
  CHECK(to_string(ColumnType::Date) == "date");
  CHECK(to_string(ColumnType::DateTime) == "datetime");
  CHECK(to_string(ColumnType::Boolean) == "boolean");
  CHECK(to_string(ColumnType::Category) == "category");
  CHECK(to_string(ColumnType::Text) == "text");

  for (ColumnType t : {ColumnType::Integer, ColumnType::Decimal, ColumnType::Money, ColumnType::Percent}) {
    CHECK(is_numeric(t));
    CHECK_FALSE(is_temporal(t));
  }
  for (ColumnType t : {ColumnType::Date, ColumnType::DateTime}) {
    CHECK(is_temporal(t));
    CHECK_FALSE(is_numeric(t));
  }
  for (ColumnType t : {ColumnType::Boolean, ColumnType::Category, ColumnType::Text}) {
    CHECK_FALSE(is_numeric(t));
    CHECK_FALSE(is_temporal(t));
  }
}

TEST_CASE("StringArena stores strings back to back") {
  StringArena a;
  CHECK(a.size() == 0);
  a.push("abc");
  a.push("");
  a.push("客户");
  a.push("x,y");
  REQUIRE(a.size() == 4);
  CHECK(a[0] == "abc");
  CHECK(a[1] == "");
  CHECK(a[2] == "客户");
  CHECK(a[3] == "x,y");
  CHECK(a.byte_size() == 3 + 0 + 6 + 3);
}

TEST_CASE("Column: one push per row, missing cells in the bitmap") {
  // Missing rows spread over several 64-bit words of the bitmap, including the word boundaries.
  Column c("n", ColumnType::Integer);
  auto missing_at = [](size_t i) { return i % 7 == 3 || i == 63 || i == 64 || i == 127; };
  size_t expected_missing = 0;
  for (size_t i = 0; i < 200; ++i) {
    if (missing_at(i)) {
      c.push_missing();
      ++expected_missing;
    } else {
      c.push_int(static_cast<int64_t>(i) * 10);
    }
  }
  REQUIRE(c.size() == 200);
  REQUIRE(c.ints.size() == 200);
  CHECK(c.missing_count() == expected_missing);
  for (size_t i = 0; i < 200; ++i) {
    CAPTURE(i);
    CHECK(c.is_missing(i) == missing_at(i));
    CHECK(c.ints[i] == (missing_at(i) ? 0 : static_cast<int64_t>(i) * 10));
  }
}

TEST_CASE("Column: rows after the last missing one are not missing") {
  // Regression: the bitmap only grows up to the word of the last missing row, so reading a later
  // row must not index past its end.
  Column c("n", ColumnType::Decimal);
  c.push_missing();
  for (int i = 1; i < 300; ++i) c.push_num(i * 0.5);
  CHECK(c.missing_count() == 1);
  CHECK(c.is_missing(0));
  CHECK_FALSE(c.is_missing(63));
  CHECK_FALSE(c.is_missing(64));
  CHECK_FALSE(c.is_missing(200));
  CHECK_FALSE(c.is_missing(299));
  CHECK(c.number(299) == 149.5);
  CHECK(c.format(200) == "100");
}

TEST_CASE("Column: a column without missing cells") {
  Column c("n", ColumnType::Integer);
  for (int i = 0; i < 100; ++i) c.push_int(i);
  CHECK(c.missing_count() == 0);
  for (size_t i = 0; i < 100; ++i) CHECK_FALSE(c.is_missing(i));
}

TEST_CASE("Column::push_missing fills the slot of the type's vector") {
  Column i("i", ColumnType::Date), d("d", ColumnType::Percent), k("k", ColumnType::Category),
      t("t", ColumnType::Text), b("b", ColumnType::Boolean);
  for (Column* c : {&i, &d, &k, &t, &b}) c->push_missing();
  CHECK(i.ints.size() == 1);
  CHECK(i.nums.empty());
  CHECK(d.nums.size() == 1);
  CHECK(d.ints.empty());
  CHECK(k.codes.size() == 1);
  CHECK(t.text.size() == 1);
  CHECK(b.ints.size() == 1);
  for (Column* c : {&i, &d, &k, &t, &b}) {
    CHECK(c->size() == 1);
    CHECK(c->is_missing(0));
    CHECK(c->format(0) == "");
    CHECK(c->str(0) == "");
    CHECK(std::isnan(c->number(0)));
  }
}

TEST_CASE("Column::intern gives one code per distinct label") {
  Column c("city", ColumnType::Category);
  CHECK(c.intern("Shanghai") == 0);
  CHECK(c.intern("Beijing") == 1);
  CHECK(c.intern("Shanghai") == 0);
  CHECK(c.intern("") == 2);
  REQUIRE(c.dict.size() == 3);
  CHECK(c.dict[1] == "Beijing");

  // A dictionary filled directly (as the demo does to share codes) is honoured by intern.
  Column d("city", ColumnType::Category);
  d.dict = {"a", "b", "c"};
  CHECK(d.intern("c") == 2);
  CHECK(d.intern("a") == 0);
  CHECK(d.intern("z") == 3);
  CHECK(d.dict.size() == 4);
}

TEST_CASE("Column::number reads any cell as a number") {
  Column i("i", ColumnType::Integer);
  i.push_int(-7);
  CHECK(i.number(0) == -7.0);
  Column dt("d", ColumnType::Date);
  dt.push_int(19723);
  CHECK(dt.number(0) == 19723.0);
  Column b("b", ColumnType::Boolean);
  b.push_int(1);
  b.push_int(0);
  CHECK(b.number(0) == 1.0);
  CHECK(b.number(1) == 0.0);
  Column m("m", ColumnType::Money);
  m.push_num(12.5);
  CHECK(m.number(0) == 12.5);
  Column k("k", ColumnType::Category);
  k.push_code(k.intern("x"));
  CHECK(std::isnan(k.number(0)));
  Column t("t", ColumnType::Text);
  t.push_text("12");
  CHECK(std::isnan(t.number(0)));
}

TEST_CASE("Column::format: display text of each type") {
  Column i("i", ColumnType::Integer);
  i.push_int(-42);
  i.push_int(9007199254740993);  // beyond double precision: printed from the integer
  CHECK(i.format(0) == "-42");
  CHECK(i.format(1) == "9007199254740993");

  Column d("d", ColumnType::Decimal);
  for (double v : {1.5, 2.0, 0.1 + 0.2, -0.25, 1234567.0, 1e-7}) d.push_num(v);
  CHECK(d.format(0) == "1.5");
  CHECK(d.format(1) == "2");
  CHECK(d.format(2) == "0.3");
  CHECK(d.format(3) == "-0.25");
  CHECK(d.format(4) == "1234567");
  CHECK(d.format(5) == "1e-07");

  Column m("m", ColumnType::Money);
  m.unit = "¥";
  m.push_num(1234.5);
  m.push_num(3);
  CHECK(m.format(0) == "¥1234.50");
  CHECK(m.format(1) == "¥3.00");
  Column usd("m", ColumnType::Money);
  usd.unit.push_back('$');
  usd.push_num(19.999);
  CHECK(usd.format(0) == "$20.00");

  Column p("p", ColumnType::Percent);
  p.push_num(0.12);   // 0.12 * 100 is 12.000000000000002 in binary: still shown as 12%
  p.push_num(0.125);
  p.push_num(1.0);
  p.push_num(0.0);
  CHECK(p.format(0) == "12%");
  CHECK(p.format(1) == "12.5%");
  CHECK(p.format(2) == "100%");
  CHECK(p.format(3) == "0%");

  Column date("day", ColumnType::Date);
  date.push_int(0);
  date.push_int(19782);
  date.push_int(-1);
  CHECK(date.format(0) == "1970-01-01");
  CHECK(date.format(1) == "2024-02-29");
  CHECK(date.format(2) == "1969-12-31");

  Column ts("ts", ColumnType::DateTime);
  ts.push_int(0);
  ts.push_int(86399);
  ts.push_int(-1);
  ts.push_int(1704450615);
  CHECK(ts.format(0) == "1970-01-01 00:00:00");
  CHECK(ts.format(1) == "1970-01-01 23:59:59");
  CHECK(ts.format(2) == "1969-12-31 23:59:59");
  CHECK(ts.format(3) == "2024-01-05 10:30:15");

  Column b("b", ColumnType::Boolean);
  b.push_int(1);
  b.push_int(0);
  CHECK(b.format(0) == "true");
  CHECK(b.format(1) == "false");

  Column k("k", ColumnType::Category);
  k.push_code(k.intern("上海"));
  k.push_code(k.intern("Beijing"));
  k.push_code(k.intern("上海"));
  CHECK(k.format(2) == "上海");
  CHECK(k.str(1) == "Beijing");
  CHECK(k.codes == std::vector<uint32_t>{0, 1, 0});

  Column t("t", ColumnType::Text);
  t.push_text("He said \"hi\"");
  CHECK(t.format(0) == "He said \"hi\"");
  CHECK(t.str(0) == "He said \"hi\"");
  CHECK(i.str(0) == "");  // str() is only for labels and text
}

TEST_CASE("Table: columns by name") {
  Table t;
  CHECK(t.rows() == 0);
  t.columns.emplace_back("a", ColumnType::Integer);
  t.columns.emplace_back("金额", ColumnType::Decimal);
  t.columns[0].push_int(1);
  t.columns[0].push_int(2);
  t.columns[1].push_num(1);
  t.columns[1].push_num(2);
  CHECK(t.rows() == 2);
  CHECK(t.index_of("a") == 0);
  CHECK(t.index_of("金额") == 1);
  CHECK(t.index_of("A") == -1);
  CHECK(t.find("missing") == nullptr);
  REQUIRE(t.find("金额") != nullptr);
  CHECK(t.find("金额")->type == ColumnType::Decimal);
  const Table& ct = t;
  CHECK(ct.find("a") == &t.columns[0]);
}

TEST_CASE("days_from_civil: known days") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(1969, 12, 31) == -1);
  CHECK(days_from_civil(2000, 1, 1) == 10957);
  CHECK(days_from_civil(2000, 2, 29) == 11016);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  CHECK(days_from_civil(2024, 1, 1) == 19723);
  CHECK(days_from_civil(2024, 2, 29) == 19782);
  CHECK(days_from_civil(2026, 1, 1) == 20454);
  CHECK(days_from_civil(2100, 3, 1) == 47541);
  CHECK(days_from_civil(1900, 3, 1) == -25508);
  CHECK(days_from_civil(1600, 3, 1) == -135080);
  CHECK(days_from_civil(1582, 10, 15) == -141427);
  CHECK(days_from_civil(1, 1, 1) == -719162);
  CHECK(days_from_civil(0, 3, 1) == -719468);
  CHECK(days_from_civil(9999, 12, 31) == 2932896);
}

TEST_CASE("civil_from_days inverts days_from_civil, day by day") {
  // From 0000-03-01 to past 9999-12-31; every day must be the one after its predecessor.
  int py;
  unsigned pm, pd;
  civil_from_days(-719469, py, pm, pd);
  CHECK(py == 0);
  CHECK(pm == 2);
  CHECK(pd == 29);  // year 0 is a leap year in the proleptic Gregorian calendar
  static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  size_t failures = 0;
  for (int64_t z = -719468; z <= 2932897 + 400; ++z) {
    int y;
    unsigned m, d;
    civil_from_days(z, y, m, d);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    unsigned last_of_prev = mdays[pm - 1] + (pm == 2 && leap);
    bool follows = (y == py && m == pm && d == pd + 1) ||
                   (y == py && m == pm + 1 && d == 1 && pd == last_of_prev) ||
                   (y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31);
    if (!follows || days_from_civil(y, m, d) != z) {
      if (++failures <= 5) FAIL_CHECK("day " << z << " -> " << y << "-" << m << "-" << d);
    }
    py = y;
    pm = m;
    pd = d;
  }
  CHECK(failures == 0);
}

TEST_CASE("civil_from_days: negative years") {
  int y;
  unsigned m, d;
  civil_from_days(days_from_civil(-1, 12, 31), y, m, d);
  CHECK(y == -1);
  CHECK(m == 12);
  CHECK(d == 31);
  civil_from_days(days_from_civil(-4713, 11, 24), y, m, d);
  CHECK(y == -4713);
  CHECK(m == 11);
  CHECK(d == 24);
  CHECK(days_from_civil(0, 1, 1) - days_from_civil(-1, 1, 1) == 365);
  CHECK(days_from_civil(1, 1, 1) - days_from_civil(0, 1, 1) == 366);
}

TEST_CASE("format_date and format_datetime") {
  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_date(11017) == "2000-03-01");
  CHECK(format_date(2932896) == "9999-12-31");
  CHECK(format_date(-719162) == "0001-01-01");
  CHECK(format_datetime(0) == "1970-01-01 00:00:00");
  CHECK(format_datetime(-86400) == "1969-12-31 00:00:00");
  CHECK(format_datetime(-86401) == "1969-12-30 23:59:59");
  CHECK(format_datetime(11017LL * 86400 + 3661) == "2000-03-01 01:01:01");
}
