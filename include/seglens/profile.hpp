// Seglens core: per-column statistics and distributions (what the data view and its charts show).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "seglens/table.hpp"

namespace seglens {

struct TopValue {
  std::string value;
  size_t count = 0;
};

struct ColumnStats {
  std::string name;
  ColumnType type = ColumnType::Text;
  size_t count = 0;     // non-missing
  size_t missing = 0;
  size_t distinct = 0;  // exact up to 65,536 distinct values, then a HyperLogLog estimate (~0.8%)
  bool distinct_exact = true;
  double min = 0, max = 0, mean = 0, sum = 0;  // numeric and temporal columns (dates in days)
  std::string min_text, max_text;              // formatted like the cells
  std::vector<TopValue> top;                   // most frequent values (up to 10)
};

ColumnStats column_stats(const Column& c);

// A distribution ready to draw as bars: labels and counts (and a value sum where it applies).
struct Distribution {
  std::string title;
  std::vector<std::string> labels;
  std::vector<double> values;
};

// Numeric: `bins` equal-width bins (clipped to the 1st..99th percentile range so one outlier
// does not squash the rest; the outer bins collect what lies beyond). Temporal: counts per month.
// Category/Text/Boolean: the most frequent values, the rest summed as "(other)".
Distribution column_distribution(const Column& c, int bins = 20);

// Sum of `value` per calendar month of `date` (e.g. revenue by month).
Distribution monthly_sum(const Column& date, const Column& value);

}  // namespace seglens
