// Seglens core: reading a file of any supported format into a Table, in chunks.
//
// The pipeline, for every format:
//   bytes --(Ingest: format + encoding detection)--> UTF-8 --(a format reader)--> rows of text
//   cells --(RowSink = TableBuilder: type inference on a sample, then typed columns)--> Table
// Readers never build tables themselves: they emit text rows to a RowSink, and report rows they
// cannot use through RowSink::reject, so every input row is either kept or rejected with a reason.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seglens/csv.hpp"
#include "seglens/infer.hpp"
#include "seglens/table.hpp"

namespace seglens {

enum class FileFormat : uint8_t { Auto, Csv, Xlsx, Json };
std::string_view to_string(FileFormat f);

struct IngestOptions {
  FileFormat format = FileFormat::Auto;
  std::string encoding;        // "" detects; else a name encoding.hpp knows ("GBK", "UTF-16LE", ...)
  char delimiter = 0;          // CSV: 0 sniffs
  bool header = true;          // CSV: the first record names the columns
  std::string sheet;           // xlsx: the sheet to read by name; "" reads the first
  std::optional<DateOrder> date_order;  // override for ambiguous dates like 01/05/2024
  size_t sample_rows = 10000;  // rows buffered to decide column types
  size_t max_rejected_kept = 100000;
};

// Where format readers put what they read. TableBuilder is the implementation that matters; tests
// may use their own.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // Once, before any row: the column names as the file gives them (made unique by the sink).
  virtual void set_columns(std::vector<std::string> names) = 0;
  // One record of cells, already unquoted/unescaped UTF-8; n == number of columns.
  // `source_row` is the 1-based line (CSV), row (xlsx) or record (JSON) for messages.
  virtual void add_row(const std::string_view* cells, size_t n, size_t source_row) = 0;
  // A record that cannot be used; `column` is 1-based, 0 for the whole record.
  virtual void reject(size_t source_row, size_t column, std::string_view raw, std::string reason) = 0;
};

// Builds typed columns from text rows: buffers the first sample_rows rows, infers each column's
// format from them (infer_format), then parses every cell straight into its column. A cell that
// does not fit its column widens it where no information is lost (integer -> decimal,
// date -> datetime, category <-> text); otherwise the cell is stored as missing and listed in
// the report's cell_issues with its row, column and raw text.
class TableBuilder final : public RowSink {
 public:
  explicit TableBuilder(const IngestOptions& opt = {}, std::string table_name = {});
  ~TableBuilder() override;
  void set_columns(std::vector<std::string> names) override;
  void add_row(const std::string_view* cells, size_t n, size_t source_row) override;
  void reject(size_t source_row, size_t column, std::string_view raw, std::string reason) override;

  size_t rows() const;             // rows added so far
  size_t rejected() const;
  // Completes the table; the report gets rows_kept, rows_rejected, rejected and cell_issues.
  Table finish(ReadReport& report);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct IngestProgress {
  uint64_t bytes_in = 0;   // bytes fed so far
  uint64_t rows = 0;       // rows kept so far
  uint64_t rejected = 0;
};

// A file read in chunks. The browser feeds Blob slices; the CLI feeds the whole file or slices.
class Ingest {
 public:
  explicit Ingest(std::string file_name, IngestOptions opt = {});
  ~Ingest();
  // Feeds the next bytes of the file, in order. False once an error stopped the read (error()).
  bool feed(std::string_view chunk);
  // End of input: completes the table. False on error.
  bool finish();
  const std::string& error() const;
  IngestProgress progress() const;
  // The result (after finish); ok == false with the error otherwise.
  ReadResult take();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Read options as JSON, shared by the page (loadFile's options), share links and the CLI flags:
// {"format": "auto|csv|xlsx|json", "encoding": "GBK", "delimiter": ";" or "\t", "header": true,
//  "sheet": "Sheet2", "date_order": "YMD|DMY|MDY"}. Unknown keys or bad values are an error.
bool parse_ingest_options(std::string_view json, IngestOptions& out, std::string& error);
std::string ingest_options_json(const IngestOptions& opt);  // the inverse (only non-default keys)

// Bytes held in memory are fed in the slices the browser uses, so every caller exercises the same
// path (and the decoder's buffer stays small): calls feed(slice) until it returns false.
inline constexpr size_t kIngestSlice = size_t{4} << 20;
template <class Feed>
void feed_in_slices(std::string_view bytes, Feed feed) {
  for (size_t at = 0; at < bytes.size(); at += kIngestSlice)
    if (!feed(bytes.substr(at, kIngestSlice))) return;
}

// One call: feed all bytes, finish, take.
ReadResult read_file_bytes(std::string_view bytes, std::string_view file_name, const IngestOptions& opt = {});

}  // namespace seglens
