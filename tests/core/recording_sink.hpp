// A RowSink for reader tests: records every call and checks the RowSink contract as it goes
// (set_columns once and first, every row as wide as the header).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "seglens/ingest.hpp"

namespace seglens::test {

struct Reject {
  size_t row = 0, column = 0;
  std::string raw, reason;
  bool operator==(const Reject&) const = default;
};

class RecordingSink final : public RowSink {
 public:
  int set_columns_calls = 0;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> source_rows;
  std::vector<Reject> rejects;

  void set_columns(std::vector<std::string> names) override {
    ++set_columns_calls;
    CHECK(rows.empty());
    CHECK(rejects.empty());
    columns = std::move(names);
  }
  void add_row(const std::string_view* cells, size_t n, size_t source_row) override {
    CHECK(set_columns_calls == 1);
    CHECK(n == columns.size());
    rows.emplace_back(cells, cells + n);
    source_rows.push_back(source_row);
  }
  void reject(size_t source_row, size_t column, std::string_view raw, std::string reason) override {
    CHECK(set_columns_calls == 1);
    rejects.push_back(Reject{source_row, column, std::string(raw), std::move(reason)});
  }
};

}  // namespace seglens::test

namespace doctest {
template <>
struct StringMaker<seglens::test::Reject> {
  static String convert(const seglens::test::Reject& r) {
    return String(("{" + std::to_string(r.row) + ", " + std::to_string(r.column) + ", \"" + r.raw + "\", \"" +
                   r.reason + "\"}")
                      .c_str());
  }
};
}  // namespace doctest
