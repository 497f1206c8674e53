// Tests of src/core/demo.cpp (and its PRNG, src/core/random.hpp): the built-in data set is
// deterministic and has the shape the analyses rely on.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "random.hpp"
#include "seglens/csv.hpp"
#include "seglens/demo.hpp"

using namespace seglens;

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

const Column& col(const Table& t, std::string_view name) {
  const Column* c = t.find(name);
  REQUIRE_MESSAGE(c != nullptr, "no column " << std::string(name) << " in " << t.name);
  return *c;
}

int64_t cents(double amount) { return std::llround(amount * 100); }

// The default demo is built once: several tests look at it.
const DemoData& default_demo() {
  static const DemoData d = make_demo();
  return d;
}

}  // namespace

TEST_CASE("Rng: xoshiro256** seeded by splitmix64") {
  // Reference values computed independently (Python, from the published algorithms).
  Rng r(20240101);
  CHECK(r.next() == 0xd05ef55272cdfb14ULL);
  CHECK(r.next() == 0x2e2f422341add64eULL);
  CHECK(r.next() == 0x1c120f3d1ce63170ULL);
  Rng u(20240101);
  CHECK(u.uniform() == 0.8139489485063719);
}

TEST_CASE("Rng: ranges and weighted picks") {
  Rng r(7);
  std::vector<int> seen(5, 0);
  for (int i = 0; i < 10000; ++i) {
    double x = r.uniform();
    REQUIRE(x >= 0.0);
    REQUIRE(x < 1.0);
    double y = r.uniform(-2.0, 3.0);
    REQUIRE(y >= -2.0);
    REQUIRE(y < 3.0);
    int k = r.below(5);
    REQUIRE(k >= 0);
    REQUIRE(k < 5);
    ++seen[k];
    REQUIRE(r.pick(std::vector<double>{0, 2.5, 0}) == 1);  // zero weights are never picked
    REQUIRE(r.exponential(2.0) >= 0.0);
    REQUIRE(r.gamma(0.5, 1.0) > 0.0);
    double b = r.beta(1.1, 4.0);
    REQUIRE(b > 0.0);
    REQUIRE(b < 1.0);
  }
  for (int k = 0; k < 5; ++k) {
    CAPTURE(k);
    CHECK(seen[k] > 1800);  // 2000 expected each; 1800 is more than 4 standard deviations below
  }
  // Gamma(shape k, scale s) has mean k*s; the sample mean of 20000 draws is within 3%.
  double sum = 0;
  for (int i = 0; i < 20000; ++i) sum += r.gamma(2.6, 5.2);
  CHECK(sum / 20000 == doctest::Approx(2.6 * 5.2).epsilon(0.03));
}

TEST_CASE("make_demo: the tables' columns") {
  const DemoData& d = default_demo();
  CHECK(d.customers.name == "customers");
  CHECK(d.orders.name == "orders");
  CHECK(names_of(d.customers) == std::vector<std::string>{"customer_id", "signup_date", "age", "gender", "city",
                                                          "city_tier", "income_band", "channel"});
  CHECK(types_of(d.customers) ==
        std::vector<ColumnType>{ColumnType::Category, ColumnType::Date, ColumnType::Integer, ColumnType::Category,
                                ColumnType::Category, ColumnType::Category, ColumnType::Category, ColumnType::Category});
  CHECK(names_of(d.orders) ==
        std::vector<std::string>{"order_id", "customer_id", "order_date", "amount", "quantity", "category", "channel"});
  CHECK(types_of(d.orders) == std::vector<ColumnType>{ColumnType::Text, ColumnType::Category, ColumnType::Date,
                                                      ColumnType::Money, ColumnType::Integer, ColumnType::Category,
                                                      ColumnType::Category});
  CHECK(col(d.orders, "amount").unit == "¥");
  for (const Table* t : {&d.customers, &d.orders})
    for (const auto& c : t->columns) {
      CAPTURE(c.name);
      CHECK(c.size() == t->rows());
      CHECK(c.missing_count() == 0);
    }
}

TEST_CASE("make_demo: exact size of the default data set") {
  // Computed once from the default seed; a change here means every demo link shows new numbers.
  const DemoData& d = default_demo();
  CHECK(d.customers.rows() == 8000);
  CHECK(d.orders.rows() == size_t{49116});
  int64_t revenue = 0;
  const Column& amount = col(d.orders, "amount");
  for (size_t i = 0; i < amount.size(); ++i) revenue += cents(amount.nums[i]);
  CHECK(revenue == int64_t{1504263060});  // ¥15,042,630.60
}

TEST_CASE("make_demo: same seed, same data; another seed, other data") {
  const DemoData& a = default_demo();
  DemoData b = make_demo();
  CHECK(write_csv(a.customers) == write_csv(b.customers));
  CHECK(write_csv(a.orders) == write_csv(b.orders));

  DemoOptions other;
  other.seed = 20240102;
  DemoData c = make_demo(other);
  CHECK(c.customers.rows() == 8000);
  CHECK(write_csv(a.customers) != write_csv(c.customers));
  CHECK(write_csv(a.orders) != write_csv(c.orders));
}

TEST_CASE("make_demo: ids") {
  const DemoData& d = default_demo();
  const Column& cid = col(d.customers, "customer_id");
  REQUIRE(cid.dict.size() == 8000);
  for (size_t i = 0; i < cid.size(); ++i) REQUIRE(cid.codes[i] == i);
  CHECK(cid.dict[0] == "C00001");
  CHECK(cid.dict[7999] == "C08000");
  const Column& oid = col(d.orders, "order_id");
  CHECK(oid.str(0) == "O000001");
  CHECK(oid.str(9) == "O000010");
  char buf[16];
  std::snprintf(buf, sizeof buf, "O%06zu", oid.size());
  CHECK(oid.str(oid.size() - 1) == buf);
  std::set<std::string_view> unique;
  for (size_t i = 0; i < oid.size(); ++i) unique.insert(oid.str(i));
  CHECK(unique.size() == oid.size());
}

TEST_CASE("make_demo: every order belongs to a customer and falls in the two years") {
  const DemoData& d = default_demo();
  std::set<std::string_view> customers;
  const Column& cid = col(d.customers, "customer_id");
  for (size_t i = 0; i < cid.size(); ++i) customers.insert(cid.str(i));

  const Column& ocid = col(d.orders, "customer_id");
  const Column& date = col(d.orders, "order_date");
  const int64_t start = days_from_civil(2024, 1, 1), end = days_from_civil(2026, 1, 1);
  size_t unknown = 0, out_of_range = 0, unsorted = 0;
  for (size_t i = 0; i < ocid.size(); ++i) {
    if (!customers.count(ocid.str(i))) ++unknown;  // by label, not by code
    if (date.ints[i] < start || date.ints[i] >= end) ++out_of_range;
    if (i && date.ints[i] < date.ints[i - 1]) ++unsorted;
  }
  CHECK(unknown == 0);
  CHECK(out_of_range == 0);
  CHECK(unsorted == 0);  // orders are numbered in date order
  CHECK(format_date(date.ints.front()) == "2024-01-01");

  const Column& signup = col(d.customers, "signup_date");
  CHECK(*std::min_element(signup.ints.begin(), signup.ints.end()) >= start);
  CHECK(*std::max_element(signup.ints.begin(), signup.ints.end()) < end);
}

TEST_CASE("make_demo: each customer's first order is on the signup date") {
  const DemoData& d = default_demo();
  const Column& signup = col(d.customers, "signup_date");
  const Column& ocid = col(d.orders, "customer_id");
  const Column& date = col(d.orders, "order_date");
  std::vector<int64_t> first(signup.size(), INT64_MAX);
  for (size_t i = 0; i < ocid.size(); ++i) {
    uint32_t c = ocid.codes[i];
    first[c] = std::min(first[c], date.ints[i]);
  }
  size_t without_orders = 0, mismatched = 0;
  for (size_t c = 0; c < signup.size(); ++c) {
    if (first[c] == INT64_MAX) ++without_orders;
    else if (first[c] != signup.ints[c]) ++mismatched;
  }
  CHECK(without_orders == 0);
  CHECK(mismatched == 0);
}

TEST_CASE("make_demo: amounts, quantities and attributes in their ranges") {
  const DemoData& d = default_demo();
  const Column& amount = col(d.orders, "amount");
  const Column& qty = col(d.orders, "quantity");
  size_t below_one = 0, not_cents = 0, bad_qty = 0;
  for (size_t i = 0; i < amount.size(); ++i) {
    if (amount.nums[i] < 1) ++below_one;
    if (std::fabs(amount.nums[i] * 100 - static_cast<double>(cents(amount.nums[i]))) > 1e-6) ++not_cents;
    if (qty.ints[i] < 1 || qty.ints[i] > 9) ++bad_qty;
  }
  CHECK(below_one == 0);
  CHECK(not_cents == 0);
  CHECK(bad_qty == 0);

  const Column& age = col(d.customers, "age");
  CHECK(*std::min_element(age.ints.begin(), age.ints.end()) >= 18);
  CHECK(*std::max_element(age.ints.begin(), age.ints.end()) <= 75);

  CHECK(col(d.customers, "gender").dict == std::vector<std::string>{"Female", "Male"});
  CHECK(col(d.customers, "channel").dict == std::vector<std::string>{"App", "WeChat", "Tmall", "Store", "Douyin"});
  CHECK(col(d.orders, "channel").dict == col(d.customers, "channel").dict);
  CHECK(col(d.orders, "category").dict ==
        std::vector<std::string>{"Apparel", "Beauty", "Electronics", "Home", "Food", "Sports", "Books"});
  CHECK(col(d.customers, "income_band").dict == std::vector<std::string>{"<5k", "5-10k", "10-20k", "20-40k", ">40k"});

  // The tier follows from the city.
  const std::map<std::string, std::string> tier_of = {
      {"Shanghai", "Tier 1"},    {"Beijing", "Tier 1"},     {"Shenzhen", "Tier 1"},   {"Guangzhou", "Tier 1"},
      {"Chengdu", "New tier 1"}, {"Hangzhou", "New tier 1"}, {"Wuhan", "New tier 1"}, {"Chongqing", "New tier 1"},
      {"Nanjing", "New tier 1"}, {"Xi'an", "New tier 1"},   {"Hefei", "Tier 2"},      {"Kunming", "Tier 2"},
      {"Xiamen", "Tier 2"},      {"Luoyang", "Tier 3+"},    {"Mianyang", "Tier 3+"},  {"Ganzhou", "Tier 3+"}};
  const Column& city = col(d.customers, "city");
  const Column& tier = col(d.customers, "city_tier");
  CHECK(city.dict.size() == 16);
  size_t wrong_tier = 0;
  for (size_t i = 0; i < city.size(); ++i) {
    auto it = tier_of.find(std::string(city.str(i)));
    if (it == tier_of.end() || it->second != tier.str(i)) ++wrong_tier;
  }
  CHECK(wrong_tier == 0);
}

TEST_CASE("make_demo: revenue is concentrated in the top customers") {
  const DemoData& d = default_demo();
  const Column& ocid = col(d.orders, "customer_id");
  const Column& amount = col(d.orders, "amount");
  std::vector<double> per_customer(d.customers.rows(), 0.0);
  double total = 0;
  for (size_t i = 0; i < ocid.size(); ++i) {
    per_customer[ocid.codes[i]] += amount.nums[i];
    total += amount.nums[i];
  }
  std::sort(per_customer.rbegin(), per_customer.rend());
  double top = 0;
  for (size_t i = 0; i < per_customer.size() / 5; ++i) top += per_customer[i];
  const double share = top / total;
  MESSAGE("top 20% of customers hold " << share * 100 << "% of revenue");
  CHECK(share > 0.6);
  CHECK(share < 0.95);
  // About target_orders orders in all.
  CHECK(ocid.size() > 40000);
  CHECK(ocid.size() < 60000);
}

TEST_CASE("make_demo: options") {
  DemoOptions opt;
  opt.customers = 50;
  opt.target_orders = 300;
  opt.start_year = 2020;
  DemoData d = make_demo(opt);
  CHECK(d.customers.rows() == 50);
  CHECK(d.orders.rows() >= 50);  // at least the first order of each customer
  const Column& date = col(d.orders, "order_date");
  CHECK(*std::min_element(date.ints.begin(), date.ints.end()) >= days_from_civil(2020, 1, 1));
  CHECK(*std::max_element(date.ints.begin(), date.ints.end()) < days_from_civil(2022, 1, 1));
  CHECK(col(d.orders, "customer_id").dict.size() == 50);

  DemoOptions none;
  none.customers = 0;  // at least one customer
  CHECK(make_demo(none).customers.rows() == 1);
}
