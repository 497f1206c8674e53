#include "seglens/profile.hpp"

#include "hash.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <unordered_map>

namespace seglens {

namespace {

constexpr size_t kDistinctExactLimit = size_t{1} << 16;  // exact distinct counts up to this many
constexpr size_t kTopTextKeys = 100000;                    // text values whose counts are tracked

// Distinct values: exact while there are few, then a HyperLogLog estimate (2^14 registers,
// about 0.8% standard error), so a column of ten million values costs a few kilobytes.
class DistinctCounter {
 public:
  void add(uint64_t h) {
    const size_t idx = h >> (64 - kBits);
    const uint64_t rest = (h << kBits) | (uint64_t{1} << (kBits - 1));  // never zero
    const uint8_t rank = static_cast<uint8_t>(__builtin_clzll(rest) + 1);
    if (rank > reg_[idx]) reg_[idx] = rank;
    if (!overflow_) {
      exact_.insert(h);
      if (exact_.size() > kDistinctExactLimit) {
        overflow_ = true;
        exact_.release();
      }
    }
  }
  bool exact() const { return !overflow_; }
  size_t count() const {
    if (!overflow_) return exact_.size();
    const double m = double(kRegisters);
    double sum = 0;
    for (uint8_t r : reg_) sum += std::ldexp(1.0, -r);
    const double alpha = 0.7213 / (1 + 1.079 / m);
    return static_cast<size_t>(alpha * m * m / sum + 0.5);
  }

 private:
  static constexpr int kBits = 14;
  static constexpr size_t kRegisters = size_t{1} << kBits;
  std::vector<uint8_t> reg_ = std::vector<uint8_t>(kRegisters, 0);
  HashSet exact_;
  bool overflow_ = false;
};

std::string num_label(double v) {
  char buf[48];
  double a = std::fabs(v);
  if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.1fM", v / 1e6);
  else if (a >= 1e4) std::snprintf(buf, sizeof buf, "%.0fk", v / 1e3);
  else if (a >= 100 || v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string month_label(int64_t days) {
  int y; unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
  return buf;
}

int64_t month_index(int64_t days) {
  int y; unsigned m, d;
  civil_from_days(days, y, m, d);
  return static_cast<int64_t>(y) * 12 + (m - 1);
}

int64_t to_days(const Column& c, size_t i) {
  int64_t v = c.ints[i];
  if (c.type == ColumnType::DateTime) v = v >= 0 ? v / 86400 : -((-v + 86399) / 86400);
  return v;
}

// Every month from the first to the last, empty ones included.
void fill_months(const std::map<int64_t, double>& per_month, Distribution& d) {
  if (per_month.empty()) return;
  for (int64_t mi = per_month.begin()->first; mi <= per_month.rbegin()->first; ++mi) {
    int y = static_cast<int>(mi / 12);
    unsigned m = static_cast<unsigned>(mi % 12) + 1;
    d.labels.push_back(month_label(days_from_civil(y, m, 1)));
    auto it = per_month.find(mi);
    d.values.push_back(it == per_month.end() ? 0 : it->second);
  }
}

// A value and how often it occurs; the view points into the column (or a literal).
struct ViewCount {
  std::string_view value;
  size_t count;
};

// The `keep` most frequent values (ties by value), with the rest summed; only those become strings.
std::vector<TopValue> top_counts(std::vector<ViewCount> all, size_t keep, size_t* rest) {
  auto before = [](const ViewCount& a, const ViewCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  const size_t k = std::min(keep, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), before);
  *rest = 0;
  for (size_t i = k; i < all.size(); ++i) *rest += all[i].count;
  std::vector<TopValue> out;
  out.reserve(k);
  for (size_t i = 0; i < k; ++i) out.push_back({std::string(all[i].value), all[i].count});
  return out;
}

// Value counts of a Category, Boolean or Text column. *distinct gets the number of distinct values.
std::vector<ViewCount> value_counts(const Column& c) {
  std::vector<ViewCount> out;
  const size_t n = c.size();
  if (c.type == ColumnType::Category) {
    std::vector<size_t> counts(c.dict.size(), 0);
    for (size_t i = 0; i < n; ++i)
      if (!c.is_missing(i)) ++counts[c.codes[i]];
    for (size_t k = 0; k < counts.size(); ++k)
      if (counts[k]) out.push_back({c.dict[k], counts[k]});
  } else if (c.type == ColumnType::Boolean) {
    size_t t = 0, f = 0;
    for (size_t i = 0; i < n; ++i)
      if (!c.is_missing(i)) (c.ints[i] ? t : f)++;
    if (t) out.push_back({"true", t});
    if (f) out.push_back({"false", f});
  } else if (c.type == ColumnType::Text) {
    // Counts for the first kTopTextKeys distinct values (text columns are mostly unique: their
    // top values are the repeats among those).
    struct Slot {
      uint64_t hash = 0;
      uint32_t entry = 0;  // index into out + 1
    };
    const size_t cap = size_t{1} << 18;  // > 2 x kTopTextKeys
    std::vector<Slot> slots(cap);
    for (size_t i = 0; i < n; ++i) {
      if (c.is_missing(i)) continue;
      const std::string_view v = c.text[i];
      const uint64_t h = hash_bytes(v);
      size_t j = h & (cap - 1);
      while (slots[j].entry && !(slots[j].hash == h && out[slots[j].entry - 1].value == v)) j = (j + 1) & (cap - 1);
      if (slots[j].entry) ++out[slots[j].entry - 1].count;
      else if (out.size() < kTopTextKeys) {
        out.push_back({v, 1});
        slots[j] = {h, static_cast<uint32_t>(out.size())};
      }
    }
  }
  return out;
}

}  // namespace

ColumnStats column_stats(const Column& c) {
  ColumnStats s;
  s.name = c.name;
  s.type = c.type;
  s.missing = c.missing_count();
  s.count = c.size() - s.missing;
  const size_t n = c.size();
  if (is_numeric(c.type) || is_temporal(c.type)) {
    bool any = false;
    DistinctCounter distinct;
    for (size_t i = 0; i < n; ++i) {
      if (c.is_missing(i)) continue;
      double v = c.number(i);
      if (!any) { s.min = s.max = v; any = true; }
      s.min = std::min(s.min, v);
      s.max = std::max(s.max, v);
      s.sum += v;
      uint64_t bits;
      std::memcpy(&bits, &v, sizeof bits);
      distinct.add(mix64(v == 0 ? 0 : bits));  // +0.0 and -0.0 are one value
    }
    s.distinct = distinct.count();
    s.distinct_exact = distinct.exact();
    if (s.count) s.mean = s.sum / static_cast<double>(s.count);
    if (any) {
      auto fmt = [&](double v) {
        Column tmp(c.name, c.type);
        tmp.unit = c.unit;
        if (is_temporal(c.type) || c.type == ColumnType::Integer) tmp.push_int(static_cast<int64_t>(v));
        else tmp.push_num(v);
        return tmp.format(0);
      };
      s.min_text = fmt(s.min);
      s.max_text = fmt(s.max);
    }
  } else {
    size_t rest = 0;
    auto counts = value_counts(c);
    s.distinct = counts.size();
    if (c.type == ColumnType::Text) {
      DistinctCounter distinct;
      for (size_t i = 0; i < n; ++i)
        if (!c.is_missing(i)) distinct.add(hash_bytes(c.text[i]));
      s.distinct = distinct.count();
      s.distinct_exact = distinct.exact();
    }
    s.top = top_counts(std::move(counts), 10, &rest);
  }
  return s;
}

Distribution column_distribution(const Column& c, int bins) {
  Distribution d;
  d.title = c.name;
  const size_t n = c.size();
  if (is_temporal(c.type)) {
    std::map<int64_t, double> per_month;
    for (size_t i = 0; i < n; ++i)
      if (!c.is_missing(i)) per_month[month_index(to_days(c, i))] += 1;
    fill_months(per_month, d);
    d.title = c.name + " (rows per month)";
    return d;
  }
  if (is_numeric(c.type)) {
    std::vector<double> v;
    v.reserve(n);
    for (size_t i = 0; i < n; ++i)
      if (!c.is_missing(i)) v.push_back(c.number(i));
    if (v.empty()) return d;
    std::sort(v.begin(), v.end());
    // Ranks rounded outwards, so a column of fewer than 101 values is never clipped.
    const double lo = v[static_cast<size_t>(std::floor(0.01 * static_cast<double>(v.size() - 1)))];
    const double hi = v[static_cast<size_t>(std::ceil(0.99 * static_cast<double>(v.size() - 1)))];
    if (hi <= lo) {  // a single value (or nearly): one bar
      d.labels.push_back(num_label(lo));
      d.values.push_back(static_cast<double>(v.size()));
      return d;
    }
    bool integral = c.type == ColumnType::Integer && hi - lo + 1 <= bins;
    int nb = integral ? static_cast<int>(hi - lo + 1) : std::max(1, bins);
    double width = integral ? 1.0 : (hi - lo) / nb;
    d.values.assign(nb, 0);
    for (double x : v) {
      int b = static_cast<int>(std::floor((x - lo) / width));
      d.values[std::clamp(b, 0, nb - 1)] += 1;
    }
    double scale = c.type == ColumnType::Percent ? 100 : 1;
    for (int b = 0; b < nb; ++b) {
      if (integral) d.labels.push_back(num_label(lo + b));
      else d.labels.push_back(num_label((lo + b * width) * scale) + "-" + num_label((lo + (b + 1) * width) * scale));
    }
    if (v.front() < lo) d.labels.front() = "<" + d.labels.front();
    if (v.back() > hi) d.labels.back() += "+";
    return d;
  }
  size_t rest = 0;
  auto top = top_counts(value_counts(c), 12, &rest);
  for (auto& t : top) {
    d.labels.push_back(t.value);
    d.values.push_back(static_cast<double>(t.count));
  }
  if (rest) {
    d.labels.push_back("(other)");
    d.values.push_back(static_cast<double>(rest));
  }
  return d;
}

Distribution monthly_sum(const Column& date, const Column& value) {
  Distribution d;
  d.title = value.name + " by month";
  if (!is_temporal(date.type) || date.size() != value.size()) return d;
  std::map<int64_t, double> per_month;
  for (size_t i = 0; i < date.size(); ++i) {
    if (date.is_missing(i) || value.is_missing(i)) continue;
    double v = value.number(i);
    if (std::isnan(v)) continue;
    per_month[month_index(to_days(date, i))] += v;
  }
  fill_months(per_month, d);
  return d;
}

}  // namespace seglens
