// Seglens core: the built-in synthetic data set (customers and their orders).
//
// Deterministic for a seed on every platform (own PRNG and distributions, no std::*_distribution),
// so a demo link shows the same numbers in every browser and in the CLI.
// Customers have heterogeneous purchase rates (gamma) and drop out (geometric), as in BG/NBD;
// order values are lognormal with a per-customer spend level, so revenue is Pareto-skewed.
#pragma once
#include <cstdint>

#include "seglens/table.hpp"

namespace seglens {

struct DemoOptions {
  uint64_t seed = 20240101;
  int customers = 8000;
  int target_orders = 50000;   // about this many orders
  int start_year = 2024;       // two calendar years from Jan 1
};

struct DemoData {
  Table customers;  // customer_id, signup_date, age, gender, city, city_tier, income_band, channel
  Table orders;     // order_id, customer_id, order_date, amount, quantity, category, channel
};

DemoData make_demo(const DemoOptions& opt = {});

}  // namespace seglens
