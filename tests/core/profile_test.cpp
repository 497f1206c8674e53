// Tests of src/core/profile.cpp: column statistics and distributions on small hand-built columns,
// with the expected numbers, bins and labels worked out by hand in the comments.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "seglens/profile.hpp"

using namespace seglens;

namespace {

constexpr double kNA = -999999;  // marks a missing cell in the helpers below

Column ints(const char* name, ColumnType type, std::initializer_list<double> v) {
  Column c(name, type);
  for (double x : v)
    if (x == kNA) c.push_missing(); else c.push_int(static_cast<int64_t>(x));
  return c;
}

Column nums(const char* name, ColumnType type, std::vector<double> v) {
  Column c(name, type);
  for (double x : v)
    if (x == kNA) c.push_missing(); else c.push_num(x);
  return c;
}

Column labels(const char* name, ColumnType type, std::initializer_list<const char*> v) {
  Column c(name, type);
  for (const char* s : v) {
    if (!s) c.push_missing();
    else if (type == ColumnType::Category) c.push_code(c.intern(s));
    else c.push_text(s);
  }
  return c;
}

// prefix + number (appended: GCC 12 warns falsely about `"literal" + std::string`)
std::string numbered(const char* prefix, int i) {
  std::string s(prefix);
  s += std::to_string(i);
  return s;
}

using Labels = std::vector<std::string>;
using Values = std::vector<double>;

}  // namespace

TEST_CASE("column_stats: integer") {
  ColumnStats s = column_stats(ints("n", ColumnType::Integer, {3, 1, kNA, 4, 1, 5}));
  CHECK(s.name == "n");
  CHECK(s.type == ColumnType::Integer);
  CHECK(s.count == 5);
  CHECK(s.missing == 1);
  CHECK(s.distinct == 4);  // 1, 3, 4, 5
  CHECK(s.min == 1);
  CHECK(s.max == 5);
  CHECK(s.sum == 14);
  CHECK(s.mean == doctest::Approx(2.8));
  CHECK(s.min_text == "1");
  CHECK(s.max_text == "5");
  CHECK(s.top.empty());
}

TEST_CASE("column_stats: money, percent and decimal are formatted like their cells") {
  Column m = nums("amount", ColumnType::Money, {12.5, 7.25, 100});
  m.unit = "¥";
  ColumnStats s = column_stats(m);
  CHECK(s.min_text == "¥7.25");
  CHECK(s.max_text == "¥100.00");
  CHECK(s.sum == 119.75);
  CHECK(s.mean == doctest::Approx(119.75 / 3));
  CHECK(s.distinct == 3);

  ColumnStats p = column_stats(nums("share", ColumnType::Percent, {0.5, 0.125, 0.5}));
  CHECK(p.min_text == "12.5%");
  CHECK(p.max_text == "50%");
  CHECK(p.distinct == 2);
  CHECK(p.mean == doctest::Approx(0.375));

  ColumnStats d = column_stats(nums("x", ColumnType::Decimal, {-1.5, 2.25}));
  CHECK(d.min_text == "-1.5");
  CHECK(d.max_text == "2.25");
  CHECK(d.sum == 0.75);
}

TEST_CASE("column_stats: dates and datetimes") {
  ColumnStats d = column_stats(ints("day", ColumnType::Date, {19783, kNA, 19727}));
  CHECK(d.count == 2);
  CHECK(d.missing == 1);
  CHECK(d.min == 19727);
  CHECK(d.max == 19783);
  CHECK(d.mean == 19755);
  CHECK(d.min_text == "2024-01-05");
  CHECK(d.max_text == "2024-03-01");

  ColumnStats t = column_stats(ints("ts", ColumnType::DateTime, {1704450615, 0}));
  CHECK(t.min_text == "1970-01-01 00:00:00");
  CHECK(t.max_text == "2024-01-05 10:30:15");
}

TEST_CASE("column_stats: no values") {
  ColumnStats s = column_stats(nums("x", ColumnType::Decimal, {kNA, kNA}));
  CHECK(s.count == 0);
  CHECK(s.missing == 2);
  CHECK(s.distinct == 0);
  CHECK(s.mean == 0);
  CHECK(s.min_text == "");
  CHECK(s.max_text == "");

  ColumnStats e = column_stats(Column("empty", ColumnType::Category));
  CHECK(e.count == 0);
  CHECK(e.top.empty());
}

TEST_CASE("column_stats: category top values, most frequent first, ties by label") {
  Column c = labels("city", ColumnType::Category, {"b", "a", "b", "d", nullptr, "c", "a", "b"});
  c.intern("unused");  // in the dictionary but in no row
  ColumnStats s = column_stats(c);
  CHECK(s.count == 7);
  CHECK(s.missing == 1);
  CHECK(s.distinct == 4);
  REQUIRE(s.top.size() == 4);
  CHECK(s.top[0].value == "b");
  CHECK(s.top[0].count == 3);
  CHECK(s.top[1].value == "a");
  CHECK(s.top[1].count == 2);
  CHECK(s.top[2].value == "c");
  CHECK(s.top[2].count == 1);
  CHECK(s.top[3].value == "d");
  CHECK(s.top[3].count == 1);
  CHECK(s.min_text == "");
}

TEST_CASE("column_stats: at most 10 top values") {
  Column c("k", ColumnType::Category);
  for (int i = 1; i <= 12; ++i)
    for (int r = 0; r < i; ++r) c.push_code(c.intern(numbered("v", i)));
  ColumnStats s = column_stats(c);
  CHECK(s.distinct == 12);
  REQUIRE(s.top.size() == 10);
  CHECK(s.top.front().value == "v12");
  CHECK(s.top.front().count == 12);
  CHECK(s.top.back().value == "v3");
  CHECK(s.top.back().count == 3);
}

TEST_CASE("column_stats: boolean and text") {
  ColumnStats b = column_stats(ints("member", ColumnType::Boolean, {1, 0, 1, kNA, 1}));
  CHECK(b.count == 4);
  CHECK(b.distinct == 2);
  REQUIRE(b.top.size() == 2);
  CHECK(b.top[0].value == "true");
  CHECK(b.top[0].count == 3);
  CHECK(b.top[1].value == "false");
  CHECK(b.top[1].count == 1);

  ColumnStats t = column_stats(labels("note", ColumnType::Text, {"x", "y", "x", nullptr}));
  CHECK(t.count == 3);
  CHECK(t.missing == 1);
  CHECK(t.distinct == 2);
  REQUIRE(t.top.size() == 2);
  CHECK(t.top[0].value == "x");
  CHECK(t.top[0].count == 2);
}

TEST_CASE("column_distribution: a small integer range gets one bar per value") {
  // Sorted: 1 2 2 3 3 3 5. The 1st/99th percentile range is the whole range (1..5) for so few
  // values, so 5 gets its own bar and nothing is marked as beyond.
  Distribution d = column_distribution(ints("n", ColumnType::Integer, {3, 1, 2, 5, 3, 2, 3, kNA}));
  CHECK(d.title == "n");
  CHECK(d.labels == Labels{"1", "2", "3", "4", "5"});
  CHECK(d.values == Values{1, 2, 3, 0, 1});
}

TEST_CASE("column_distribution: equal-width bins") {
  // 9 values from 0 to 10, 5 bins of width 2: [0,2) [2,4) [4,6) [6,8) [8,10], the max in the last.
  Distribution d = column_distribution(nums("x", ColumnType::Decimal, {0, 1, 2.5, 4, 5, 6, 7.5, 9.99, 10}), 5);
  CHECK(d.labels == Labels{"0-2", "2-4", "4-6", "6-8", "8-10"});
  CHECK(d.values == Values{2, 1, 2, 2, 2});

  // Integers 1..10 in 3 bins of width 3: {1,2,3} {4,5,6} {7,8,9,10}.
  Distribution i = column_distribution(ints("n", ColumnType::Integer, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), 3);
  CHECK(i.labels == Labels{"1-4", "4-7", "7-10"});
  CHECK(i.values == Values{3, 3, 4});
}

TEST_CASE("column_distribution: outliers go to the outer bins") {
  // 103 values: -1000, 0..100, 5000. The 1st percentile is value #1 (0), the 99th is value #101
  // (100), so 4 bins of width 25 span 0..100 and the outer bins also count -1000 and 5000.
  std::vector<double> v{-1000};
  for (int i = 0; i <= 100; ++i) v.push_back(i);
  v.push_back(5000);
  Distribution d = column_distribution(nums("x", ColumnType::Decimal, v), 4);
  CHECK(d.labels == Labels{"<0-25", "25-50", "50-75", "75-100+"});
  CHECK(d.values == Values{26, 25, 25, 27});
}

TEST_CASE("column_distribution: labels of large numbers and percents") {
  Distribution k = column_distribution(nums("x", ColumnType::Money, {0, 10000, 20000, 40000}), 4);
  CHECK(k.labels == Labels{"0-10k", "10k-20k", "20k-30k", "30k-40k"});
  CHECK(k.values == Values{1, 1, 1, 1});

  Distribution m = column_distribution(nums("x", ColumnType::Decimal, {0, 1e6, 2e6}), 2);
  CHECK(m.labels == Labels{"0-1.0M", "1.0M-2.0M"});
  CHECK(m.values == Values{1, 2});

  Distribution p = column_distribution(nums("share", ColumnType::Percent, {0, 0.25, 0.5, 1.0}), 4);
  CHECK(p.labels == Labels{"0-25", "25-50", "50-75", "75-100"});
  CHECK(p.values == Values{1, 1, 1, 1});

  Distribution f = column_distribution(nums("x", ColumnType::Decimal, {0, 0.5, 1}), 2);
  CHECK(f.labels == Labels{"0-0.50", "0.50-1"});
  CHECK(f.values == Values{1, 2});
}

TEST_CASE("column_distribution: one value, or none") {
  Distribution one = column_distribution(ints("n", ColumnType::Integer, {5, 5, 5}));
  CHECK(one.labels == Labels{"5"});
  CHECK(one.values == Values{3});

  Distribution none = column_distribution(nums("x", ColumnType::Decimal, {kNA}));
  CHECK(none.title == "x");
  CHECK(none.labels.empty());
  CHECK(none.values.empty());
}

TEST_CASE("column_distribution: dates count rows per month, empty months included") {
  Column d = ints("d", ColumnType::Date, {19737, 19742, 19783, kNA});  // 2024-01-15, 2024-01-20, 2024-03-01
  Distribution dist = column_distribution(d);
  CHECK(dist.title == "d (rows per month)");
  CHECK(dist.labels == Labels{"2024-01", "2024-02", "2024-03"});
  CHECK(dist.values == Values{2, 0, 1});

  // Seconds before the epoch fall in December 1969.
  Distribution t = column_distribution(ints("t", ColumnType::DateTime, {-1, 0, 86400 * 40}));
  CHECK(t.labels == Labels{"1969-12", "1970-01", "1970-02"});
  CHECK(t.values == Values{1, 1, 1});

  // Across a year end.
  Distribution y = column_distribution(ints("d", ColumnType::Date, {20088, 20089}));  // 2024-12-31, 2025-01-01
  CHECK(y.labels == Labels{"2024-12", "2025-01"});
}

TEST_CASE("column_distribution: labels by count, the tail as (other)") {
  Column c("k", ColumnType::Category);
  for (int r = 0; r < 5; ++r) c.push_code(c.intern("k01"));
  for (int r = 0; r < 4; ++r) c.push_code(c.intern("k02"));
  for (int i = 14; i >= 3; --i) c.push_code(c.intern(numbered(i < 10 ? "k0" : "k", i)));
  c.push_missing();
  Distribution d = column_distribution(c);
  CHECK(d.title == "k");
  CHECK(d.labels == Labels{"k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10", "k11", "k12",
                           "(other)"});
  CHECK(d.values == Values{5, 4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2});

  Distribution b = column_distribution(ints("b", ColumnType::Boolean, {1, 0, 0}));
  CHECK(b.labels == Labels{"false", "true"});
  CHECK(b.values == Values{2, 1});

  Distribution t = column_distribution(labels("t", ColumnType::Text, {"x", "y", "x"}));
  CHECK(t.labels == Labels{"x", "y"});
  CHECK(t.values == Values{2, 1});
}

TEST_CASE("monthly_sum") {
  // 2024-01-05, 2024-01-20, 2024-03-02, 2024-03-03, (missing), 2024-02-10
  Column date = ints("order_date", ColumnType::Date, {19727, 19742, 19784, 19785, kNA, 19763});
  Column amount = nums("amount", ColumnType::Money, {10, 5.5, 1, 2, 100, kNA});
  Distribution d = monthly_sum(date, amount);
  CHECK(d.title == "amount by month");
  CHECK(d.labels == Labels{"2024-01", "2024-02", "2024-03"});
  CHECK(d.values == Values{15.5, 0, 3});

  Column short_amount = nums("amount", ColumnType::Money, {1});
  CHECK(monthly_sum(date, short_amount).labels.empty());
  Column not_a_date = ints("n", ColumnType::Integer, {1, 2, 3, 4, 5, 6});
  CHECK(monthly_sum(not_a_date, amount).labels.empty());
  Column text = labels("t", ColumnType::Text, {"a", "b", "c", "d", "e", "f"});
  CHECK(monthly_sum(date, text).labels.empty());  // no numbers to sum
}
