// Seglens core: typed columnar tables.
//
// A Table is a list of equally long Columns. Each column has one logical type and stores its
// values in the one vector that type uses, so a million-row table costs a few bytes per cell:
//   Integer, Date (days since 1970-01-01), DateTime (seconds since epoch), Boolean (0/1) -> ints
//   Decimal, Money, Percent (a fraction: "12%" is 0.12)                                   -> nums
//   Category (dictionary codes)                                                          -> codes + dict
//   Text (one arena, offsets)                                                            -> text
// Missing cells are marked in a bitmap; their slot in the value vector holds 0.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace seglens {

enum class ColumnType : uint8_t { Integer, Decimal, Money, Percent, Date, DateTime, Boolean, Category, Text };

std::string_view to_string(ColumnType t);
bool is_numeric(ColumnType t);   // Integer, Decimal, Money, Percent
bool is_temporal(ColumnType t);  // Date, DateTime

// Strings stored back to back in one buffer.
class StringArena {
 public:
  void push(std::string_view s);
  std::string_view operator[](size_t i) const {
    return std::string_view(bytes_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  size_t size() const { return offsets_.size() - 1; }
  size_t byte_size() const { return bytes_.size(); }
  void reserve(size_t n, size_t bytes) { offsets_.reserve(n + 1); bytes_.reserve(bytes); }

 private:
  std::string bytes_;
  std::vector<uint64_t> offsets_{0};
};

class Column {
 public:
  Column() = default;
  Column(std::string name, ColumnType type) : name(std::move(name)), type(type) {}

  std::string name;
  ColumnType type = ColumnType::Text;
  std::string unit;  // currency symbol for Money ("¥", "$"), empty otherwise

  std::vector<int64_t> ints;
  std::vector<double> nums;
  std::vector<uint32_t> codes;
  std::vector<std::string> dict;
  StringArena text;

  size_t size() const { return size_; }
  bool is_missing(size_t i) const { return (i >> 6) < missing_.size() && (missing_[i >> 6] >> (i & 63) & 1); }
  size_t missing_count() const { return missing_count_; }

  // Appending: exactly one push per row, of the kind the column's type stores.
  void push_int(int64_t v);
  void push_num(double v);
  void push_code(uint32_t code);
  void push_text(std::string_view s);
  void push_missing();
  // Category: the code of `s`, added to the dictionary when new.
  uint32_t intern(std::string_view s);

  // Reading any cell as a number (NaN when missing or not numeric-like; dates as days).
  double number(size_t i) const;
  // Display text of a cell ("" when missing). Dates as YYYY-MM-DD, money with its unit.
  std::string format(size_t i) const;
  // The category label or text of a cell; empty for other types.
  std::string_view str(size_t i) const;

 private:
  void mark(bool missing);
  size_t size_ = 0;
  size_t missing_count_ = 0;
  std::vector<uint64_t> missing_;
  std::unordered_map<std::string, uint32_t> dict_index_;
};

class Table {
 public:
  std::string name;
  std::vector<Column> columns;

  size_t rows() const { return columns.empty() ? 0 : columns.front().size(); }
  const Column* find(std::string_view name) const;
  Column* find(std::string_view name);
  int index_of(std::string_view name) const;  // -1 when absent
};

// Calendar helpers shared by readers, generators and formatting (proleptic Gregorian).
int64_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d);
std::string format_date(int64_t days);
std::string format_datetime(int64_t seconds);

}  // namespace seglens
