// Fuzz target for the CSV path: the streaming CsvReader and the whole Ingest pipeline (format and
// encoding detection, decoding, TableBuilder). Run with fuzz/run.sh 60 csv.
//
// Checks, beyond "never crashes" (ASan, UBSan):
//  - the reader emits the same records whatever the chunking (one call, and cut at positions
//    taken from the input's first bytes);
//  - the RowSink contract: set_columns once and first, n == columns on every row, source lines
//    never go back;
//  - Ingest: on success rows_kept + rows_rejected == records, and every column has rows_kept
//    values; on failure the error names the file.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "seglens/csv.hpp"
#include "seglens/ingest.hpp"

namespace {

struct Recorder : seglens::RowSink {
  std::vector<std::string> log;
  bool columns_set = false;
  size_t columns = 0, last_row = 0;
  void set_columns(std::vector<std::string> names) override {
    if (columns_set) __builtin_trap();
    columns_set = true;
    columns = names.size();
    std::string s = "H";
    for (auto& n : names) s += "|" + n;
    log.push_back(std::move(s));
  }
  void add_row(const std::string_view* cells, size_t n, size_t row) override {
    if (!columns_set || n != columns || row < last_row) __builtin_trap();
    last_row = row;
    std::string s = "R" + std::to_string(row);
    for (size_t i = 0; i < n; ++i) s.append("|").append(cells[i]);
    log.push_back(std::move(s));
  }
  void reject(size_t row, size_t column, std::string_view raw, std::string reason) override {
    if (row < last_row) __builtin_trap();
    last_row = row;
    log.push_back("X" + std::to_string(row) + ":" + std::to_string(column) + ":" + std::string(raw) + ":" + reason);
  }
};

std::vector<std::string> read(std::string_view text, char delim, const std::vector<size_t>& cuts) {
  Recorder rec;
  seglens::CsvReader r(rec, delim, true);
  size_t at = 0;
  for (size_t c : cuts) {
    if (c <= at || c >= text.size()) continue;
    r.feed(text.substr(at, c - at));
    at = c;
  }
  r.feed(text.substr(at));
  r.finish();
  return rec.log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  static const char kDelims[] = {',', ';', '\t', '|'};
  const char delim = kDelims[data[0] & 3];
  const std::string_view text(reinterpret_cast<const char*>(data) + 2, size - 2);
  std::vector<size_t> cuts;
  for (size_t k = 1, step = 1 + data[1]; k * step < text.size() && cuts.size() < 64; ++k) cuts.push_back(k * step);
  if (read(text, delim, {}) != read(text, delim, cuts)) __builtin_trap();

  seglens::IngestOptions opt;
  opt.sample_rows = 1 + (data[1] & 15);  // small samples exercise widening
  seglens::ReadResult r = seglens::read_file_bytes(text, "fuzz.csv", opt);
  if (r.ok) {
    if (r.report.rows_kept + r.report.rows_rejected != r.report.records) __builtin_trap();
    for (const auto& c : r.table.columns)
      if (c.size() != r.report.rows_kept) __builtin_trap();
  } else if (r.error.rfind("fuzz.csv: ", 0) != 0) {
    __builtin_trap();
  }
  return 0;
}
