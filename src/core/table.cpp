#include "seglens/table.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace seglens {

std::string_view to_string(ColumnType t) {
  switch (t) {
    case ColumnType::Integer: return "integer";
    case ColumnType::Decimal: return "decimal";
    case ColumnType::Money: return "money";
    case ColumnType::Percent: return "percent";
    case ColumnType::Date: return "date";
    case ColumnType::DateTime: return "datetime";
    case ColumnType::Boolean: return "boolean";
    case ColumnType::Category: return "category";
    case ColumnType::Text: return "text";
  }
  return "text";
}

bool is_numeric(ColumnType t) {
  return t == ColumnType::Integer || t == ColumnType::Decimal || t == ColumnType::Money ||
         t == ColumnType::Percent;
}
bool is_temporal(ColumnType t) { return t == ColumnType::Date || t == ColumnType::DateTime; }

void StringArena::push(std::string_view s) {
  bytes_.append(s);
  offsets_.push_back(bytes_.size());
}

// [SECTION] Column appends

void Column::mark(bool missing) {
  if (missing) {
    if (missing_.size() < (size_ >> 6) + 1) missing_.resize((size_ >> 6) + 1, 0);
    missing_[size_ >> 6] |= uint64_t{1} << (size_ & 63);
    ++missing_count_;
  }
  ++size_;
}

void Column::push_int(int64_t v) { ints.push_back(v); mark(false); }
void Column::push_num(double v) { nums.push_back(v); mark(false); }
void Column::push_code(uint32_t code) { codes.push_back(code); mark(false); }
void Column::push_text(std::string_view s) { text.push(s); mark(false); }

void Column::push_missing() {
  switch (type) {
    case ColumnType::Integer: case ColumnType::Date: case ColumnType::DateTime: case ColumnType::Boolean:
      ints.push_back(0); break;
    case ColumnType::Decimal: case ColumnType::Money: case ColumnType::Percent:
      nums.push_back(0); break;
    case ColumnType::Category: codes.push_back(0); break;
    case ColumnType::Text: text.push({}); break;
  }
  mark(true);
}

uint32_t Column::intern(std::string_view s) {
  if (dict_index_.size() != dict.size()) {  // dictionary was filled directly: rebuild the index
    dict_index_.clear();
    for (uint32_t i = 0; i < dict.size(); ++i) dict_index_.emplace(dict[i], i);
  }
  auto [it, fresh] = dict_index_.try_emplace(std::string(s), static_cast<uint32_t>(dict.size()));
  if (fresh) dict.emplace_back(s);
  return it->second;
}

// [SECTION] Column reads

double Column::number(size_t i) const {
  if (is_missing(i)) return std::numeric_limits<double>::quiet_NaN();
  switch (type) {
    case ColumnType::Integer: case ColumnType::Date: case ColumnType::DateTime: case ColumnType::Boolean:
      return static_cast<double>(ints[i]);
    case ColumnType::Decimal: case ColumnType::Money: case ColumnType::Percent:
      return nums[i];
    default: return std::numeric_limits<double>::quiet_NaN();
  }
}

std::string_view Column::str(size_t i) const {
  if (is_missing(i)) return {};
  if (type == ColumnType::Category) return dict[codes[i]];
  if (type == ColumnType::Text) return text[i];
  return {};
}

static std::string format_number(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

static std::string format_plain(double v) {
  char buf[64];
  if (v == std::floor(v) && std::fabs(v) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string Column::format(size_t i) const {
  if (is_missing(i)) return {};
  switch (type) {
    case ColumnType::Integer: return std::to_string(ints[i]);
    case ColumnType::Decimal: return format_plain(nums[i]);
    case ColumnType::Money: return unit + format_number(nums[i], 2);
    case ColumnType::Percent: return format_plain(nums[i] * 100.0) + "%";
    case ColumnType::Date: return format_date(ints[i]);
    case ColumnType::DateTime: return format_datetime(ints[i]);
    case ColumnType::Boolean: return ints[i] ? "true" : "false";
    case ColumnType::Category: return dict[codes[i]];
    case ColumnType::Text: return std::string(text[i]);
  }
  return {};
}

// [SECTION] Table

int Table::index_of(std::string_view n) const {
  for (size_t i = 0; i < columns.size(); ++i)
    if (columns[i].name == n) return static_cast<int>(i);
  return -1;
}
const Column* Table::find(std::string_view n) const {
  int i = index_of(n);
  return i < 0 ? nullptr : &columns[i];
}
Column* Table::find(std::string_view n) {
  int i = index_of(n);
  return i < 0 ? nullptr : &columns[i];
}

// [SECTION] Calendar (Howard Hinnant's civil-day algorithms, written out here)

int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int>(yoe + era * 400) + (m <= 2);
}

std::string format_date(int64_t days) {
  int y; unsigned m, d;
  civil_from_days(days, y, m, d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

std::string format_datetime(int64_t seconds) {
  int64_t days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  int64_t rem = seconds - days * 86400;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", format_date(days).c_str(), static_cast<int>(rem / 3600),
                static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
  return buf;
}

}  // namespace seglens
