// Seglens core: deciding a column's type from its text values, and parsing values of that type.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "seglens/table.hpp"

namespace seglens {

// Parsers for single cells; std::nullopt when the text is not of that kind. Surrounding
// spaces are ignored.
std::optional<int64_t> parse_integer(std::string_view s);
std::optional<double> parse_decimal(std::string_view s);
std::optional<bool> parse_boolean(std::string_view s);
std::optional<int64_t> parse_date(std::string_view s);       // ISO 2024-01-05, 2024/1/5 -> days
std::optional<int64_t> parse_datetime(std::string_view s);   // ISO date + time -> seconds
bool is_missing_token(std::string_view s);                   // "", NA, N/A, null, NULL, -, 无

// Picks the narrowest type every non-missing value fits; Category when text repeats enough.
ColumnType infer_type(const std::vector<std::string_view>& values);

// Builds a typed column from text cells. Cells that do not parse as `type` are reported through
// `bad` (row index) and stored as missing.
Column build_column(std::string name, ColumnType type, const std::vector<std::string_view>& values,
                    std::vector<size_t>* bad);

}  // namespace seglens
