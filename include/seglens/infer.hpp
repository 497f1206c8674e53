// Seglens core: deciding how a column's text is written (its format) from a sample of values,
// then parsing every cell of the column with that format.
//
// Formats recognised (all with surrounding spaces ignored):
//   integers          42, -7, +3, 1,234,567 (thousands separators), 1 234 567; "007" stays text
//   decimals          3.14, -0.5, 1,234.50, 1.234,50 and 12,5 (decimal comma), 1e-3
//   money             ￥1,234.50  ¥12  $1,234.50  1234.50元  1.234,50 €  -$5.00  (¥12.00)
//   percent           12%, 12.5 %, -3%, 12,5 %   (stored as a fraction: 0.125)
//   booleans          true/false, yes/no, y/n only with the others, 是/否, 对/错, 真/假 (not 1/0)
//   dates             2024-01-05, 2024/1/5, 2024.1.5, 20240105 only with a date-like column name,
//                     2024年1月5日, 05.01.2024, 5/1/2024 and 01/05/2024 (day/month order inferred
//                     from the column: a first part > 12 means day first, a second part > 12
//                     month first; otherwise the option, else month first for '/', day first
//                     for '.' and '-'), Excel serial days (20000..80000) only with a date-like name
//   datetimes         any date above + " 13:45", "13:45:30", "T13:45:30Z", ".123", "下午 1:45"
//                     is not handled; "1:45 PM" is; "+08:00"/"Z" zones are converted to UTC
// The exact decision rules (ambiguous separators, units, day/month order, date-like names) are
// written out at the top of src/core/infer.cpp.
// Missing tokens: "", NA, N/A, NaN, null, NULL, None, -, --, #N/A, 无, 空, 缺失.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seglens/table.hpp"

namespace seglens {

enum class DateOrder : uint8_t { YMD, DMY, MDY };

// How one column's cells are written, decided once from a sample.
struct ColumnFormat {
  ColumnType type = ColumnType::Text;
  char decimal_point = '.';   // '.' or ','
  char thousands = 0;         // 0 or the separator seen: ',', '.', ' ', '\''
  std::string unit;           // Money: the currency sign or word seen ("¥", "$", "€", "元"); normalised:
                              // "￥" and "RMB" become "¥"
  DateOrder date_order = DateOrder::YMD;  // for dates whose year is not first
  bool excel_serial = false;  // Date/DateTime given as Excel day numbers
};

struct InferOptions {
  std::optional<DateOrder> date_order;  // the user's choice for ambiguous dates
  std::string_view column_name;         // hints: "date", "日期", "time", "时间"... (list in infer.cpp) allow
                                        // 20240105 and serials, which then win over numbers
};

// Picks the narrowest format that every non-missing sample value fits: Boolean, Integer,
// Decimal, Percent, Money, Date, DateTime; else Category when values repeat (at most 20
// distinct, or at most half as many distinct values as values, none longer than 200 bytes),
// else Text. An empty or all-missing sample gives Text.
ColumnFormat infer_format(const std::vector<std::string_view>& sample, const InferOptions& opt = {});

// Parses one cell with the column's format: Integer, Date (days since 1970-01-01), DateTime
// (seconds since epoch) and Boolean (0/1) into `i`; Decimal, Money and Percent (a fraction) into
// `d`. False when the text does not fit the format (the caller decides what to do). Missing
// tokens are not handled here: check is_missing_token first. Category and Text are not parsed
// (false). Date/DateTime formats accept 20240105 always, serials only with excel_serial; a
// DateTime format accepts plain dates (midnight); with date_order YMD year-last dates fail.
bool parse_cell(const ColumnFormat& f, std::string_view text, int64_t& i, double& d);

bool is_missing_token(std::string_view s);
// The value without the white space around it (ASCII, no-break space, U+3000): the trim every
// reader and builder uses, so category labels are the same wherever they are made.
std::string_view trim_value(std::string_view s);

// Single-value parsers with the default format, for tests and callers that parse one value.
std::optional<int64_t> parse_integer(std::string_view s);     // plain integers only
std::optional<double> parse_decimal(std::string_view s);      // plain decimals ('.' point) only
std::optional<bool> parse_boolean(std::string_view s);
// parse_date/parse_datetime read no digits-only forms (20240105, serials); parse_datetime
// needs a time (a plain date is parse_date's).
std::optional<int64_t> parse_date(std::string_view s, DateOrder order = DateOrder::MDY);  // -> days
std::optional<int64_t> parse_datetime(std::string_view s, DateOrder order = DateOrder::MDY);  // -> seconds

// Kept for callers that decide a type from all values at once (now: infer_format(...).type).
ColumnType infer_type(const std::vector<std::string_view>& values);

// Builds a typed column from text cells with a format (Category interns the trimmed text, Text
// keeps each cell as written; missing tokens are missing in every type).
// Cells that do not parse are stored as missing and their indices appended to `bad`.
Column build_column(std::string name, const ColumnFormat& format, const std::vector<std::string_view>& values,
                    std::vector<size_t>* bad);

}  // namespace seglens
