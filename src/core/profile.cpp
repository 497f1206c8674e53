#include "seglens/profile.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace seglens {

namespace {

constexpr size_t kDistinctExactLimit = size_t{1} << 20;

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

// Counts per label, most frequent first (ties by label), the tail beyond `keep` summed.
std::vector<TopValue> top_counts(std::vector<TopValue> all, size_t keep, size_t* rest) {
  std::sort(all.begin(), all.end(), [](const TopValue& a, const TopValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  *rest = 0;
  for (size_t i = keep; i < all.size(); ++i) *rest += all[i].count;
  if (all.size() > keep) all.resize(keep);
  return all;
}

std::vector<TopValue> value_counts(const Column& c) {
  std::vector<TopValue> out;
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
    std::unordered_map<std::string_view, size_t> counts;
    for (size_t i = 0; i < n && counts.size() < kDistinctExactLimit; ++i)
      if (!c.is_missing(i)) ++counts[c.text[i]];
    for (auto& [v, k] : counts) out.push_back({std::string(v), k});
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
    std::unordered_set<double> distinct;
    for (size_t i = 0; i < n; ++i) {
      if (c.is_missing(i)) continue;
      double v = c.number(i);
      if (!any) { s.min = s.max = v; any = true; }
      s.min = std::min(s.min, v);
      s.max = std::max(s.max, v);
      s.sum += v;
      if (distinct.size() < kDistinctExactLimit) distinct.insert(v);
    }
    s.distinct = distinct.size();
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
