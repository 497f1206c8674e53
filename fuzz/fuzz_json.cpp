// Fuzz target for read_json (src/core/json_reader.cpp). Run with fuzz/run.sh 60 json.
//
// Checks, beyond "never crashes" (ASan, UBSan):
//  - the RowSink contract: set_columns once before anything else, n == columns on every row,
//    column names unique, raw text of a reject at most 512 bytes, source rows never go back;
//  - false means nothing reached the sink and the error reads "line L, column C: ...";
//  - nlohmann::json as an oracle where it applies (it is stricter about UTF-8 and surrogates,
//    so only input it accepts is compared, and only when nesting stays within our limit):
//    * a whole document: read_json succeeds for an array/object and fails for a scalar; every
//      element of the records array is either a row (objects) or a reject, with its number;
//      every cell equals the value nlohmann reads (strings exactly, numbers/nested values parse
//      back to the same JSON, true/false, null as empty, missing keys empty);
//    * JSON Lines (the first line alone is a value, more lines follow): one row or reject per
//      non-blank line, numbered by line, and every line nlohmann reads as an object is a row
//      with the same cells.
//    nlohmann reads a NUL byte as the end of its input, so text holding one gets no oracle.
//
// fuzz-sources: src/core/json_reader.cpp
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "seglens/json_reader.hpp"

namespace {

using Json = nlohmann::ordered_json;  // keeps members in source order, like read_json

#define FUZZ_CHECK(cond)                                                              \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "fuzz_json: check failed: %s (line %d)\n", #cond, __LINE__); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

constexpr size_t kMaxDepth = 512;  // json_reader.cpp's limit

// Only the cells that are not empty are kept: records that each bring new keys make rows x
// columns large.
struct Row {
  size_t source = 0;
  std::vector<std::pair<size_t, std::string>> cells;  // column, text; by column
  std::string_view at(size_t column) const {
    auto it = std::lower_bound(cells.begin(), cells.end(), column,
                               [](const auto& cell, size_t c) { return cell.first < c; });
    return it != cells.end() && it->first == column ? std::string_view(it->second) : std::string_view();
  }
};

class CheckingSink final : public seglens::RowSink {
 public:
  int set_columns_calls = 0;
  std::vector<std::string> columns;
  std::map<std::string, size_t> column_of;
  std::vector<Row> rows;
  std::vector<size_t> rejected;
  size_t last_source = 0;

  void set_columns(std::vector<std::string> names) override {
    FUZZ_CHECK(set_columns_calls == 0);
    ++set_columns_calls;
    columns = std::move(names);
    for (size_t i = 0; i < columns.size(); ++i) FUZZ_CHECK(column_of.emplace(columns[i], i).second);
  }
  void add_row(const std::string_view* cells, size_t n, size_t source_row) override {
    FUZZ_CHECK(set_columns_calls == 1);
    FUZZ_CHECK(n == columns.size());
    FUZZ_CHECK(source_row >= 1 && source_row >= last_source);
    last_source = source_row;
    Row row{source_row, {}};
    for (size_t i = 0; i < n; ++i)
      if (!cells[i].empty()) row.cells.emplace_back(i, std::string(cells[i]));
    rows.push_back(std::move(row));
  }
  void reject(size_t source_row, size_t column, std::string_view raw, std::string reason) override {
    FUZZ_CHECK(set_columns_calls == 1);
    FUZZ_CHECK(source_row >= 1 && source_row >= last_source);
    FUZZ_CHECK(column == 0);
    FUZZ_CHECK(raw.size() <= 512);
    FUZZ_CHECK(!reason.empty());
    last_source = source_row;
    rejected.push_back(source_row);
  }
};

// Deepest bracket nesting outside strings (nlohmann's dump and comparisons recurse: deep input
// is not handed to them).
size_t depth_of(std::string_view s) {
  size_t depth = 0, max = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max = std::max(max, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return max;
}

// nlohmann reads a NUL byte as the end of the input: no oracle for text holding one.
bool has_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

bool has_space_outside_strings(std::string_view s) {
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
  }
  return false;
}

// The row's cells are what nlohmann reads from the same object.
void check_cells(const CheckingSink& sink, const Row& row, const Json& object) {
  std::set<size_t> seen;
  for (auto it = object.begin(); it != object.end(); ++it) {
    auto col = sink.column_of.find(it.key());
    FUZZ_CHECK(col != sink.column_of.end());
    seen.insert(col->second);
    const std::string_view cell = row.at(col->second);
    const Json& v = it.value();
    if (v.is_string()) {
      FUZZ_CHECK(cell == v.get<std::string>());
    } else if (v.is_boolean()) {
      FUZZ_CHECK(cell == (v.get<bool>() ? "true" : "false"));
    } else if (v.is_null()) {
      FUZZ_CHECK(cell.empty());
    } else {
      FUZZ_CHECK(!has_space_outside_strings(cell));
      Json back = Json::parse(cell, nullptr, false);
      FUZZ_CHECK(!back.is_discarded());
      FUZZ_CHECK(back == v);
    }
  }
  for (const auto& cell : row.cells) FUZZ_CHECK(seen.count(cell.first) == 1);
}

// Rows and rejects together, by source row: the records read.
void check_records(const CheckingSink& sink, const std::vector<std::pair<size_t, const Json*>>& expected) {
  FUZZ_CHECK(sink.rows.size() + sink.rejected.size() == expected.size());
  size_t r = 0, j = 0;
  for (const auto& [source, value] : expected) {
    if (value->is_object()) {
      FUZZ_CHECK(r < sink.rows.size() && sink.rows[r].source == source);
      check_cells(sink, sink.rows[r], *value);
      ++r;
    } else {
      FUZZ_CHECK(j < sink.rejected.size() && sink.rejected[j] == source);
      ++j;
    }
  }
}

void check_document(std::string_view text, bool ok, const CheckingSink& sink) {
  if (depth_of(text) > kMaxDepth || has_nul(text)) return;
  size_t top_keys = 0;
  Json doc = Json::parse(
      text,
      [&](int depth, Json::parse_event_t event, Json&) {
        if (event == Json::parse_event_t::key && depth == 1) ++top_keys;
        return true;
      },
      false);
  if (doc.is_discarded()) return;
  if (!doc.is_array() && !doc.is_object()) {
    FUZZ_CHECK(!ok);
    return;
  }
  FUZZ_CHECK(ok);
  const Json* records = nullptr;
  if (doc.is_array()) {
    records = &doc;
  } else {
    if (top_keys != doc.size()) return;  // repeated top-level keys: ordered_json keeps the last
    for (auto it = doc.begin(); it != doc.end() && !records; ++it) {
      if (!it.value().is_array()) continue;
      for (const Json& e : it.value())
        if (e.is_object()) {
          records = &it.value();
          break;
        }
    }
  }
  std::vector<std::pair<size_t, const Json*>> expected;
  if (records) {
    for (size_t i = 0; i < records->size(); ++i) expected.emplace_back(i + 1, &(*records)[i]);
  } else {
    expected.emplace_back(1, &doc);
  }
  check_records(sink, expected);
}

// Blank: only spaces, maybe after a BOM (read_json skips a BOM at the start of any line).
bool blank(std::string_view line) {
  if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

void check_lines(std::string_view text, bool ok, const CheckingSink& sink) {
  std::vector<std::string_view> lines;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    lines.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  size_t first = 0;
  while (first < lines.size() && blank(lines[first])) ++first;
  if (first >= lines.size() || has_nul(lines[first])) return;
  Json head = Json::parse(lines[first], nullptr, false);
  if (head.is_discarded()) return;
  size_t more = 0;
  for (size_t i = first + 1; i < lines.size(); ++i) more += !blank(lines[i]);
  if (more == 0) return;  // a single value: check_document's case
  // JSON Lines: one record per non-blank line.
  FUZZ_CHECK(ok);
  std::vector<Json> values;
  values.reserve(lines.size());
  std::vector<size_t> numbers;
  for (size_t i = first; i < lines.size(); ++i) {
    if (blank(lines[i])) continue;
    numbers.push_back(i + 1);
    values.push_back(has_nul(lines[i]) ? Json(Json::value_t::discarded) : Json::parse(lines[i], nullptr, false));
  }
  FUZZ_CHECK(sink.rows.size() + sink.rejected.size() == numbers.size());
  std::map<size_t, const Row*> row_at;
  for (const Row& r : sink.rows) row_at[r.source] = &r;
  std::set<size_t> rejected(sink.rejected.begin(), sink.rejected.end());
  for (size_t i = 0; i < numbers.size(); ++i) {
    FUZZ_CHECK(row_at.count(numbers[i]) + rejected.count(numbers[i]) == 1);
    // A line nlohmann reads as an object is a row (invalid UTF-8 is nlohmann's reason to refuse
    // a line read_json keeps, so nothing is said about lines nlohmann refuses).
    if (!values[i].is_discarded() && values[i].is_object() && depth_of(lines[numbers[i] - 1]) <= kMaxDepth) {
      FUZZ_CHECK(row_at.count(numbers[i]) == 1);
      check_cells(sink, *row_at[numbers[i]], values[i]);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckingSink sink;
  std::string error;
  const bool ok = seglens::read_json(text, sink, error);
  if (ok) {
    FUZZ_CHECK(error.empty());
    FUZZ_CHECK(sink.set_columns_calls == 1);
  } else {
    FUZZ_CHECK(sink.set_columns_calls == 0);
    const bool too_big = error.rfind("too many cells for one table: ", 0) == 0;
    FUZZ_CHECK(too_big || (error.rfind("line ", 0) == 0 && error.find(", column ") != std::string::npos));
    if (too_big) return 0;  // the oracle would expect the rows
  }
  (void)seglens::looks_like_json(text);
  check_document(text, ok, sink);
  check_lines(text, ok, sink);
  return 0;
}
