#include "seglens/demo.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "random.hpp"

namespace seglens {

namespace {

struct City {
  const char* name;
  int tier;       // 1 = first tier, 2 = new first tier, 3 = second tier, 4 = third tier and below
  double weight;  // share of customers
};

constexpr std::array<City, 16> kCities = {{
    {"Shanghai", 1, 11}, {"Beijing", 1, 10}, {"Shenzhen", 1, 8}, {"Guangzhou", 1, 7},
    {"Chengdu", 2, 6},   {"Hangzhou", 2, 6}, {"Wuhan", 2, 5},    {"Chongqing", 2, 5},
    {"Nanjing", 2, 4},   {"Xi'an", 2, 4},    {"Hefei", 3, 4},    {"Kunming", 3, 3},
    {"Xiamen", 3, 3},    {"Luoyang", 4, 3},  {"Mianyang", 4, 2}, {"Ganzhou", 4, 2},
}};
constexpr std::array<const char*, 4> kTierNames = {"Tier 1", "New tier 1", "Tier 2", "Tier 3+"};
constexpr std::array<const char*, 5> kIncome = {"<5k", "5-10k", "10-20k", "20-40k", ">40k"};
constexpr std::array<const char*, 5> kChannels = {"App", "WeChat", "Tmall", "Store", "Douyin"};
constexpr std::array<const char*, 7> kCategories = {"Apparel", "Beauty", "Electronics", "Home",
                                                    "Food", "Sports", "Books"};
constexpr std::array<double, 7> kCategoryPrice = {1.0, 0.8, 2.6, 1.4, 0.45, 1.1, 0.35};

std::string id(char prefix, int n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%c%0*d", prefix, width, n);
  return buf;
}

// Relative demand on a day of the year: the 618 and Double 11 festivals, December gifting,
// and the Spring Festival lull.
double season(int64_t day) {
  int y; unsigned m, d;
  civil_from_days(day, y, m, d);
  double w = 1.0;
  if (m == 11 && d >= 1 && d <= 11) w = d >= 9 ? 3.2 : 1.6;
  else if (m == 6 && d >= 1 && d <= 18) w = d >= 16 ? 2.4 : 1.4;
  else if (m == 12) w = 1.3;
  else if (m == 2 && d <= 14) w = 0.6;
  else if (m == 7 || m == 8) w = 0.9;
  return w;
}
constexpr double kSeasonMax = 3.2;

struct Order {
  int64_t day;
  int customer;
  double amount;
  int quantity;
  int category;
  int channel;
};

}  // namespace

DemoData make_demo(const DemoOptions& opt) {
  Rng rng(opt.seed);
  const int n = std::max(1, opt.customers);
  const int64_t start = days_from_civil(opt.start_year, 1, 1);
  const int64_t end = days_from_civil(opt.start_year + 2, 1, 1);  // exclusive
  const double span = static_cast<double>(end - start);
  // Purchase rates are scaled so the expected total lands near target_orders.
  const double rate_scale = opt.target_orders / (n * 4.6);

  DemoData out;
  Table& cust = out.customers;
  cust.name = "customers";
  Column c_id("customer_id", ColumnType::Category), c_signup("signup_date", ColumnType::Date),
      c_age("age", ColumnType::Integer), c_gender("gender", ColumnType::Category),
      c_city("city", ColumnType::Category), c_tier("city_tier", ColumnType::Category),
      c_income("income_band", ColumnType::Category), c_channel("channel", ColumnType::Category);
  for (const auto& city : kCities) c_city.intern(city.name);
  for (auto t : kTierNames) c_tier.intern(t);
  for (auto b : kIncome) c_income.intern(b);
  for (auto ch : kChannels) c_channel.intern(ch);
  c_gender.intern("Female");
  c_gender.intern("Male");

  std::vector<double> city_w;
  for (const auto& city : kCities) city_w.push_back(city.weight);

  std::vector<Order> orders;
  orders.reserve(static_cast<size_t>(opt.target_orders) * 5 / 4);

  for (int i = 0; i < n; ++i) {
    c_id.push_code(c_id.intern(id('C', i + 1, 5)));
    // Signups grow over the two years (density rising linearly from 1 to 2).
    double u = rng.uniform();
    int64_t signup = start + static_cast<int64_t>(span * (std::sqrt(1 + 3 * u) - 1));
    c_signup.push_int(signup);
    int age = static_cast<int>(std::lround(18 + rng.gamma(2.6, 5.2)));
    age = std::clamp(age, 18, 75);
    c_age.push_int(age);
    bool female = rng.uniform() < (age < 40 ? 0.60 : 0.50);
    c_gender.push_code(female ? 0 : 1);
    int city = rng.pick(city_w);
    c_city.push_code(static_cast<uint32_t>(city));
    const int tier = kCities[city].tier;
    c_tier.push_code(static_cast<uint32_t>(tier - 1));
    // Income rises with city tier and with age up to the forties.
    double inc = rng.normal() * 0.9 + (4 - tier) * 0.45 + std::min(age, 45) / 15.0 - 1.2;
    int band = std::clamp(static_cast<int>(std::floor(inc + 1.5)), 0, 4);
    c_income.push_code(static_cast<uint32_t>(band));
    std::array<double, 5> chw = {age < 35 ? 3.0 : 1.5, 2.5, 2.0, age >= 45 ? 2.5 : 1.0, age < 30 ? 2.2 : 0.6};
    int channel = rng.pick(chw);
    c_channel.push_code(static_cast<uint32_t>(channel));

    // BG/NBD-style buying: weekly rate lambda ~ Gamma, drop-out after each purchase with p ~ Beta.
    double lambda = rng.gamma(0.9, 0.45 * rate_scale) / 7.0;  // per day
    double p_drop = rng.beta(1.1, 4.0);
    // Gamma-Gamma-style spend: each customer has a typical order value.
    double spend = 45.0 * rng.gamma(3.0, 1.0) * (1 + 0.25 * band) * (tier == 1 ? 1.2 : 1.0);
    int fav_cat = rng.below(static_cast<int>(kCategories.size()));
    double t = static_cast<double>(signup);
    bool first = true;
    for (;;) {
      if (!first) {
        // next candidate purchase, thinned by season
        t += rng.exponential(std::max(lambda * kSeasonMax, 1e-9));
        if (t >= static_cast<double>(end)) break;
        if (rng.uniform() * kSeasonMax > season(static_cast<int64_t>(t))) continue;
      }
      first = false;
      Order o;
      o.day = static_cast<int64_t>(t);
      o.customer = i;
      o.category = rng.uniform() < 0.6 ? fav_cat : rng.below(static_cast<int>(kCategories.size()));
      o.quantity = 1 + static_cast<int>(std::floor(rng.exponential(1.3)));
      o.quantity = std::min(o.quantity, 9);
      double unit = spend * kCategoryPrice[o.category] * std::exp(0.45 * rng.normal() - 0.1);
      o.amount = std::round(unit * (0.7 + 0.3 * o.quantity) * 100.0) / 100.0;
      if (o.amount < 1) o.amount = 1;
      o.channel = rng.uniform() < 0.75 ? channel : rng.below(static_cast<int>(kChannels.size()));
      orders.push_back(o);
      if (rng.uniform() < p_drop) break;  // the customer lapses after this purchase
    }
  }
  cust.columns = {std::move(c_id), std::move(c_signup), std::move(c_age),    std::move(c_gender),
                  std::move(c_city), std::move(c_tier),  std::move(c_income), std::move(c_channel)};

  std::stable_sort(orders.begin(), orders.end(), [](const Order& a, const Order& b) { return a.day < b.day; });

  Table& ord = out.orders;
  ord.name = "orders";
  Column o_id("order_id", ColumnType::Text), o_cust("customer_id", ColumnType::Category),
      o_date("order_date", ColumnType::Date), o_amount("amount", ColumnType::Money),
      o_qty("quantity", ColumnType::Integer), o_cat("category", ColumnType::Category),
      o_ch("channel", ColumnType::Category);
  o_amount.unit = "¥";
  o_cust.dict = cust.columns[0].dict;  // same codes as the customers table
  for (auto c : kCategories) o_cat.intern(c);
  for (auto ch : kChannels) o_ch.intern(ch);
  const size_t m = orders.size();
  o_id.text.reserve(m, m * 8);
  for (size_t k = 0; k < m; ++k) {
    const Order& o = orders[k];
    o_id.push_text(id('O', static_cast<int>(k + 1), 6));
    o_cust.push_code(static_cast<uint32_t>(o.customer));
    o_date.push_int(o.day);
    o_amount.push_num(o.amount);
    o_qty.push_int(o.quantity);
    o_cat.push_code(static_cast<uint32_t>(o.category));
    o_ch.push_code(static_cast<uint32_t>(o.channel));
  }
  ord.columns = {std::move(o_id), std::move(o_cust), std::move(o_date), std::move(o_amount),
                 std::move(o_qty), std::move(o_cat), std::move(o_ch)};
  return out;
}

}  // namespace seglens
