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

struct ReadReport {
  std::string file;
  char delimiter = ',';
  size_t records = 0;        // data records seen (header and blank lines excluded)
  size_t blank_lines = 0;
  size_t rows_kept = 0;
  size_t rows_rejected = 0;  // always records == rows_kept + rows_rejected
  std::vector<RejectedRow> rejected;
  std::vector<std::string> warnings;
};

struct ReadResult {
  bool ok = false;
  std::string error;  // set when !ok: names the file and, where it applies, row and column
  Table table;
  ReadReport report;
};

char sniff_delimiter(std::string_view text);
ReadResult read_csv(std::string_view bytes, std::string_view file_name, const CsvOptions& opt = {});

// Writes a table as RFC 4180 CSV (UTF-8, comma, CRLF-free "\n" line ends); fields holding a comma,
// quote or line break are quoted. Missing cells are empty.
std::string write_csv(const Table& table);
// Quotes one field if it needs it.
void append_csv_field(std::string& out, std::string_view field);

}  // namespace seglens
