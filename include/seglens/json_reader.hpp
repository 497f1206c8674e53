// Seglens core: reading JSON exports: an array of objects ([{"a":1},{"a":2}]) or JSON Lines (one
// object per line). Columns are the union of the keys, in first-seen order; a missing key is an
// empty cell. Values become text cells: strings as they are, numbers as written, true/false,
// null as empty, nested objects/arrays as compact JSON text. Elements that are not objects
// (and JSON Lines lines that do not parse) are rejected with their record number and reason.
//
// In detail (src/core/json_reader.cpp):
// - Shapes. [ {..}, {..} ]: records are the elements, numbered 1, 2, ... One object {..}: its
//   first member (in file order) whose value is an array holding at least one object gives the
//   records (API exports like {"meta": {..}, "data": [..]}); other members are not read. An
//   object with no such member is one record (so {"data": []} is one record with data = "[]").
//   Text that is not one JSON value is read as JSON Lines when its first line is a whole value,
//   or when the first line is broken and the lines after it are not (a record per non-blank
//   line, numbered by line; a BOM at the start of a line is skipped). Values that span several
//   lines one after another (jq's output) are records numbered by their first line: a record
//   starts a line with '{' or '[' and ends before the next such line (jq indents the lines
//   inside), so a broken one is rejected with its own lines only.
// - Cells. Numbers keep their source text (1.10, -0, 1e3, 12345678901234567890). Nested values
//   are their source text without whitespace between tokens (escapes and numbers as written).
//   \u escapes become UTF-8; a lone surrogate becomes U+FFFD. A key repeated in one object:
//   the last value wins. Bytes that are not valid UTF-8 are passed through as they are.
// - Rejects: column 0, the record's text cut to 512 bytes, a reason: "element 3 is a number,
//   not an object", "line 7 is an array, not an object", or for a JSON Lines line that does not
//   parse "line 7, column 12: <what>".
// - Errors (false): text that is empty, a scalar at the top level, a document broken or cut
//   short, nesting deeper than 512 levels, JSON Lines where no line parses. The message is
//   "line L, column C: <what>" (columns count characters) and nothing reaches the sink. Also
//   false: records x columns over 250 million cells ("too many cells for one table: ...").
// - The empty array [] is true with set_columns({}) and no rows. Otherwise set_columns is
//   called once (with every key of the records kept), then rows and rejects in file order.
// - Speed: about 0.2 s natively for a 50 MB array of 500k objects (two passes over the text).
#pragma once
#include <string>
#include <string_view>

#include "seglens/ingest.hpp"

namespace seglens {

// True when the first non-space byte (after a UTF-8 BOM) is '[' or '{'.
bool looks_like_json(std::string_view utf8);

// False with `error` when the text is not JSON at all (message names the line and column).
bool read_json(std::string_view utf8, RowSink& sink, std::string& error);

}  // namespace seglens
