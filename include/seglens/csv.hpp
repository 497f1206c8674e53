// Seglens core: reading delimited text (CSV, TSV, semicolon, pipe) into a typed Table.
//
// Input is UTF-8 bytes (a BOM is skipped). Quoting follows RFC 4180: fields in double quotes may
// hold delimiters, doubled quotes and line breaks; CR, LF and CRLF line ends may be mixed.
// Every data row ends up either in the table or in `rejected`, with the reason.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "seglens/table.hpp"

namespace seglens {

struct CsvOptions {
  char delimiter = 0;     // 0: sniff from the first lines among , \t ; |
  bool header = true;     // first record holds column names
  size_t max_rejected_kept = 100000;  // rejected rows beyond this are counted, not stored
};

struct RejectedRow {
  size_t row = 0;       // 1-based line of the file where the record starts (the header is line 1)
  size_t column = 0;    // 1-based column the problem was found in, 0 for the whole row
  std::string raw;      // the record's text (cut to 512 bytes)
  std::string reason;
};

// A cell that did not fit its column's type: the row is kept, the cell stored as missing.
struct CellIssue {
  size_t row = 0;       // source row (as RejectedRow::row)
  size_t column = 0;    // 1-based
  std::string raw;      // the cell's text (cut to 200 bytes)
  std::string expected; // the column's type, e.g. "date"
};

struct ReadReport {
  std::string file;
  std::string format = "csv";     // csv, xlsx, json
  std::string encoding = "UTF-8"; // what the bytes were read as
  std::string encoding_reason;    // why (BOM, detection, the user's choice)
  std::string sheet;              // xlsx: the sheet read
  std::vector<std::string> sheets;  // xlsx: all sheets
  char delimiter = ',';
  uint64_t bytes = 0;
  size_t records = 0;        // data records seen (header and blank lines excluded)
  size_t blank_lines = 0;
  size_t rows_kept = 0;
  size_t rows_rejected = 0;  // always records == rows_kept + rows_rejected
  std::vector<RejectedRow> rejected;       // the first max_rejected_kept of them
  size_t cells_invalid = 0;
  std::vector<CellIssue> cell_issues;      // the first max_rejected_kept of them
  uint64_t invalid_bytes = 0;              // bytes not valid in the encoding (shown as U+FFFD)
  std::vector<std::string> warnings;
};

struct ReadResult {
  bool ok = false;
  std::string error;  // set when !ok: names the file and, where it applies, row and column
  Table table;
  ReadReport report;
};

char sniff_delimiter(std::string_view text);

class RowSink;

// Streaming RFC 4180 reader: feed UTF-8 text in chunks of any size (records may span chunks);
// complete records go to the sink as they are found.
class CsvReader {
 public:
  CsvReader(RowSink& sink, char delimiter, bool header);
  void feed(std::string_view text);
  void finish();  // end of input: the last record, even without a line end
  size_t records() const { return records_; }
  size_t blank_lines() const { return blank_lines_; }
  bool header_seen() const { return header_done_; }

 private:
  // Parses complete records in [p, end); returns where the first incomplete one starts.
  size_t parse(std::string_view s, bool final);
  void used_rest(std::string_view text);
  void emit(size_t line, std::string_view raw, bool unterminated);

  RowSink& sink_;
  char delim_;
  bool header_;
  bool header_done_ = false;
  size_t columns_ = 0;
  size_t line_ = 1;        // line the next record starts on
  size_t records_ = 0;
  size_t blank_lines_ = 0;
  bool pending_cr_ = false;  // the previous chunk ended with \r (a \n may follow)
  std::string carry_;        // an incomplete record carried to the next chunk
  size_t retry_at_ = 0;      // parse the carry again once it is this long
  bool carry_odd_quotes_ = false;  // the carry ends inside a quoted field (by quote parity)
  bool fast_carry_ = true;         // parity and parser agreed so far for this carry
  std::string scratch_;      // unescaped quoted fields of the current record
  std::vector<std::string_view> fields_;
};

// Reads a whole CSV held in memory (UTF-8): the Ingest pipeline with the CSV format.
ReadResult read_csv(std::string_view bytes, std::string_view file_name, const CsvOptions& opt = {});

// Writes a table as RFC 4180 CSV (UTF-8, comma, CRLF-free "\n" line ends); fields holding a comma,
// quote or line break are quoted. Missing cells are empty.
std::string write_csv(const Table& table);
// Quotes one field if it needs it.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace seglens
