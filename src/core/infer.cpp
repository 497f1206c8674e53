#include "seglens/infer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>

#include <fast_float/fast_float.h>

namespace seglens {

static std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

static bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool is_missing_token(std::string_view s) {
  s = trim(s);
  if (s.empty()) return true;
  for (std::string_view t : {"na", "n/a", "nan", "null", "none", "-", "--", "#n/a", "无", "空"})
    if (iequals(s, t)) return true;
  return false;
}

// Drops one leading '+'; false when a '-' follows it ("+-5" is not a number).
static bool skip_plus(std::string_view& s) {
  if (s.empty() || s.front() != '+') return true;
  s.remove_prefix(1);
  return s.empty() || s.front() != '-';
}

// "007" is an identifier, not the number 7: a leading zero followed by a digit keeps it text.
static bool has_leading_zero(std::string_view s) {
  size_t i = !s.empty() && s.front() == '-' ? 1 : 0;
  return s.size() > i + 1 && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9';
}

std::optional<int64_t> parse_integer(std::string_view s) {
  s = trim(s);
  if (!skip_plus(s) || s.empty()) return std::nullopt;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || has_leading_zero(s)) return std::nullopt;
  return v;
}

std::optional<double> parse_decimal(std::string_view s) {
  s = trim(s);
  if (!skip_plus(s) || s.empty() || has_leading_zero(s)) return std::nullopt;
  double v = 0;
  auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return std::nullopt;
  if (!std::isfinite(v)) return std::nullopt;  // nan, inf are not data
  return v;
}

std::optional<bool> parse_boolean(std::string_view s) {
  s = trim(s);
  for (std::string_view t : {"true", "yes", "是", "对"})
    if (iequals(s, t)) return true;
  for (std::string_view f : {"false", "no", "否", "错"})
    if (iequals(s, f)) return false;
  return std::nullopt;
}

// Reads 1..max digits at `i`.
static bool read_uint(std::string_view s, size_t& i, int max_digits, int& out) {
  size_t start = i;
  int v = 0;
  while (i < s.size() && i - start < static_cast<size_t>(max_digits) && s[i] >= '0' && s[i] <= '9')
    v = v * 10 + (s[i++] - '0');
  out = v;
  return i > start;
}

static bool valid_ymd(int y, int m, int d) {
  static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= mdays[m - 1] + (m == 2 && leap);
}

// YYYY-MM-DD or YYYY/M/D; `i` ends after the date.
static bool scan_date(std::string_view s, size_t& i, int64_t& days) {
  int y, m, d;
  size_t start = i;
  if (!read_uint(s, i, 4, y) || i - start != 4) return false;
  if (i >= s.size() || (s[i] != '-' && s[i] != '/')) return false;
  char sep = s[i++];
  if (!read_uint(s, i, 2, m) || i >= s.size() || s[i] != sep) return false;
  ++i;
  if (!read_uint(s, i, 2, d) || !valid_ymd(y, m, d)) return false;
  days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  return true;
}

std::optional<int64_t> parse_date(std::string_view s) {
  s = trim(s);
  size_t i = 0;
  int64_t days;
  if (!scan_date(s, i, days) || i != s.size()) return std::nullopt;
  return days;
}

std::optional<int64_t> parse_datetime(std::string_view s) {
  s = trim(s);
  size_t i = 0;
  int64_t days;
  if (!scan_date(s, i, days) || i >= s.size() || (s[i] != ' ' && s[i] != 'T')) return std::nullopt;
  ++i;
  int hh, mm, ss = 0;
  if (!read_uint(s, i, 2, hh) || i >= s.size() || s[i] != ':') return std::nullopt;
  ++i;
  if (!read_uint(s, i, 2, mm)) return std::nullopt;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!read_uint(s, i, 2, ss)) return std::nullopt;
    if (i < s.size() && s[i] == '.') {  // fractional seconds are dropped
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  if (i < s.size() && s[i] == 'Z') ++i;
  if (i != s.size() || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  return days * 86400 + hh * 3600 + mm * 60 + ss;
}

ColumnType infer_type(const std::vector<std::string_view>& values) {
  bool can_int = true, can_dec = true, can_bool = true, can_date = true, can_dt = true;
  size_t present = 0;
  for (std::string_view v : values) {
    if (is_missing_token(v)) continue;
    ++present;
    if (can_int && !parse_integer(v)) can_int = false;
    if (can_dec && !can_int && !parse_decimal(v)) can_dec = false;
    if (can_bool && !parse_boolean(v)) can_bool = false;
    if (can_date && !parse_date(v)) can_date = false;
    if (can_dt && !can_date && !parse_datetime(v) && !parse_date(v)) can_dt = false;
    if (!(can_int || can_dec || can_bool || can_date || can_dt)) break;
  }
  if (present == 0) return ColumnType::Text;
  if (can_bool) return ColumnType::Boolean;
  if (can_int) return ColumnType::Integer;
  if (can_dec) return ColumnType::Decimal;
  if (can_date) return ColumnType::Date;
  if (can_dt) {
    // A column mixing plain dates and datetimes is a datetime column.
    return ColumnType::DateTime;
  }
  // Text that repeats (each value twice or more on average, or at most 20 values) is a category.
  size_t total = 0;
  for (std::string_view v : values) total += !is_missing_token(v);
  const size_t limit = std::max<size_t>(total / 2, 20);
  std::unordered_set<std::string_view> distinct;
  for (std::string_view v : values) {
    if (is_missing_token(v)) continue;
    distinct.insert(trim(v));
    if (distinct.size() > limit) return ColumnType::Text;
  }
  return ColumnType::Category;
}

Column build_column(std::string name, ColumnType type, const std::vector<std::string_view>& values,
                    std::vector<size_t>* bad) {
  Column c(std::move(name), type);
  const size_t n = values.size();
  auto fail = [&](size_t i) {
    if (bad) bad->push_back(i);
    c.push_missing();
  };
  switch (type) {
    case ColumnType::Integer: c.ints.reserve(n); break;
    case ColumnType::Decimal: case ColumnType::Money: case ColumnType::Percent: c.nums.reserve(n); break;
    case ColumnType::Category: c.codes.reserve(n); break;
    default: break;
  }
  for (size_t i = 0; i < n; ++i) {
    std::string_view v = values[i];
    if (type != ColumnType::Text && is_missing_token(v)) { c.push_missing(); continue; }
    switch (type) {
      case ColumnType::Integer:
        if (auto x = parse_integer(v)) c.push_int(*x); else fail(i);
        break;
      case ColumnType::Decimal: case ColumnType::Money: case ColumnType::Percent:
        if (auto x = parse_decimal(v)) c.push_num(*x); else fail(i);
        break;
      case ColumnType::Boolean:
        if (auto x = parse_boolean(v)) c.push_int(*x ? 1 : 0); else fail(i);
        break;
      case ColumnType::Date:
        if (auto x = parse_date(v)) c.push_int(*x); else fail(i);
        break;
      case ColumnType::DateTime:
        if (auto x = parse_datetime(v)) c.push_int(*x);
        else if (auto d = parse_date(v)) c.push_int(*d * 86400);
        else fail(i);
        break;
      case ColumnType::Category: c.push_code(c.intern(trim(v))); break;
      case ColumnType::Text:
        if (is_missing_token(v)) c.push_missing(); else c.push_text(v);
        break;
    }
  }
  return c;
}

}  // namespace seglens
