// Seglens core, private to src/core/xlsx.cpp: the small pieces of the xlsx reader that have rules
// of their own (Excel dates, number formats, XML text), exposed for the unit tests.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace seglens::xlsx_detail {

// What a cell's number format makes of its number.
enum class NumFmtKind : uint8_t {
  Number,  // shown as a number (General, 0.00, [Red]0, ...)
  Date,    // a date or date and time (yyyy-mm-dd, m/d/yy h:mm, yyyy"年"m"月"d"日", ...)
  Time,    // a time of day or duration only (h:mm:ss, [h]:mm, mm:ss.0)
};

// Built-in format ids (no numFmt element in styles.xml): 14-22 and 45-47, and the ids 27-36 and
// 50-58 that East Asian locales of Excel use for their dates and times.
NumFmtKind builtin_format_kind(int id);
// A format code: date/time when it has y, m, d, h or s outside quotes, brackets and escapes
// ([h]:mm counts: elapsed time). "m" is a minute after an h or before an s, a month otherwise.
NumFmtKind format_code_kind(std::string_view code);

// Appends an Excel serial date: "YYYY-MM-DD" for whole days, "YYYY-MM-DD HH:MM:SS" otherwise
// (rounded to the nearest second), "HH:MM:SS" for a Time-kind value below one day. The 1900
// system keeps Excel's leap-year bug (60 is 1900-02-29, 61 is 1900-03-01); the 1904 system counts
// from 1904-01-01. False (nothing appended) for serials that are not a date Excel can show
// (negative, after 9999-12-31, NaN).
bool append_excel_date(std::string& out, double serial, bool date1904, NumFmtKind kind);

// Appends the shortest of %.15g, %.16g, %.17g that reads back as `v`.
void append_number(std::string& out, double v);
// True when `raw` is a plain decimal that append_number would write back unchanged (at most 15
// significant digits, no exponent, no redundant zeros): the reader's fast path for <v> numbers.
bool is_canonical_number(std::string_view raw);

// Appends XML character data: entity and character references (&amp; &#20320; &#x4F60;),
// CDATA sections, comments dropped, CR LF and lone CR read as LF.
void append_xml_text(std::string& out, std::string_view raw);
// True when `raw` needs append_xml_text (else it is the text as it stands).
bool xml_text_needs_decoding(std::string_view raw);
// OOXML's escapes of characters XML cannot hold: _x000D_ -> CR, _x005F_ -> '_', in s[from..].
void unescape_ooxml(std::string& s, size_t from = 0);

// "B12" -> col 2, row 12 (1-based). Columns run to XFD (16384). row is 0 when the reference has
// no digits. False for text that is not a cell reference.
bool parse_cell_ref(std::string_view ref, uint32_t& col, uint32_t& row);

// Joins a base directory and a relationship target into a zip part name: "/xl/a.xml" is absolute,
// "worksheets/s1.xml" and "../x.xml" are relative to `base_dir` ("xl"); %XX is decoded.
std::string resolve_part(std::string_view base_dir, std::string_view target);

}  // namespace seglens::xlsx_detail
