// Seglens core: reading Excel/WPS .xlsx workbooks (Office Open XML spreadsheets) from bytes.
// The zip container is read by zip.hpp (inflate by zlib: the system's natively, built from
// Debian's zlib source for wasm). Cells come out as text rows to a RowSink:
//   shared and inline strings as they are; numbers in their shortest round-trip form;
//   booleans as "true"/"false"; date-formatted numbers (by the cell's number format, built-in
//   ids 14-22, 45-47 and custom formats with y/m/d/h/s) as ISO "2024-01-05" or
//   "2024-01-05 13:45:00"; error cells (#N/A, #DIV/0!) as empty, counted in warnings.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "seglens/ingest.hpp"

namespace seglens {

struct XlsxInfo {
  std::vector<std::string> sheets;  // sheet names in workbook order
  std::string sheet_read;           // the one read
  std::vector<std::string> warnings;
};

// True when `bytes` start like a zip archive ("PK\x03\x04").
bool looks_like_zip(std::string_view bytes);

// Lists the sheets without reading cells. False with `error` set when the bytes are not an xlsx.
bool xlsx_sheet_names(std::string_view bytes, std::vector<std::string>& names, std::string& error);

// Reads one sheet (`sheet` by name; empty: the first) into `sink`: the first row with any value
// is the header; rows after it are records (their source_row is the sheet's 1-based row number).
// Rows with cells beyond the header's width are rejected with the reason; fully empty rows are
// skipped and counted in info.warnings. False with `error` (naming what is wrong) when the file
// cannot be read: not a zip, no workbook, the sheet does not exist, a corrupt or encrypted part.
bool read_xlsx(std::string_view bytes, const std::string& sheet, RowSink& sink, XlsxInfo& info, std::string& error);

}  // namespace seglens
