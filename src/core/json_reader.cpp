// Seglens core: reading JSON exports into rows of text cells (see include/seglens/json_reader.hpp).
//
// A small validating JSON scanner of our own rather than nlohmann::json: it keeps every token's
// source text (numbers stay as written: 1.10, -0, 1e3, 12345678901234567890), knows where each
// record starts and ends (for line numbers and the raw text of rejected records), limits nesting
// (nlohmann parses 100k '[' fine but its dump() recurses and overflows the stack) and reads a
// 50 MB array about five times faster than building a DOM.
//
// Two passes over the text: pass 1 validates the whole input, finds the records and collects the
// union of keys (RowSink::set_columns is called once, before any row); pass 2 reads each object
// record again and emits its cells. Cells are views into the input, or, when they had to change
// (escapes, whitespace inside nested values), into a per-record scratch string.
//
// Index of this file
// [SECTION] Scanner: a validating tokenizer that keeps source text
// [SECTION] Columns: the union of keys, in first-seen order
// [SECTION] Pass 1: the shape of the input and its records
// [SECTION] Pass 2: emitting rows and rejects
// [SECTION] Public API
#include "seglens/json_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace seglens {

namespace {

constexpr int kMaxDepth = 512;          // nesting levels, counted from the top of the input
constexpr size_t kMaxRawBytes = 512;     // raw text kept with a rejected record
// Rows x columns beyond this is refused: a few MB of records that each bring new keys would
// otherwise ask the sink for billions of cells (no table of that size fits in wasm32 anyway).
constexpr uint64_t kMaxCells = 250'000'000;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// At most `n` bytes of `s`, not splitting a UTF-8 sequence (a character is 4 bytes at most).
std::string_view cut_utf8(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  size_t end = n;
  while (end > n - 3 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

size_t skip_bom(std::string_view s) { return s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; }

// 1-based line and column (in characters) of byte `at`, counting from byte `from` on line
// `from_line` (which must start a line, or be the start of the text).
std::pair<size_t, size_t> line_col(std::string_view s, size_t from, size_t from_line, size_t at) {
  size_t line = from_line, line_start = from;
  for (size_t i = from; i < at && i < s.size(); ++i)
    if (s[i] == '\n') { ++line; line_start = i + 1; }
  size_t col = 1;
  for (size_t i = line_start; i < at && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
  return {line, col};
}

// How an unexpected byte shows in a message: 'x', the whole UTF-8 character, or its code.
std::string describe_at(std::string_view s, size_t at) {
  auto c = static_cast<unsigned char>(s[at]);
  char buf[32];
  if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  if (c < 0x20) {
    std::snprintf(buf, sizeof buf, "control character 0x%02X", c);
    return buf;
  }
  size_t len = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
  bool ok = len > 0 && at + len <= s.size();
  for (size_t i = 1; ok && i < len; ++i) ok = (static_cast<unsigned char>(s[at + i]) & 0xC0) == 0x80;
  if (ok) return "'" + std::string(s.substr(at, len)) + "'";
  std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
  return buf;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Appends valid JSON text without the whitespace between its tokens.
void append_compact(std::string& out, std::string_view json) {
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < json.size()) out += json[++i];
      else if (c == '"') in_string = false;
    } else if (!is_space(c)) {
      out += c;
      if (c == '"') in_string = true;
    }
  }
}

enum class Kind : uint8_t { Object, Array, String, Number, Boolean, Null, Bad };

std::string_view kind_phrase(Kind k) {
  switch (k) {
    case Kind::Object: return "an object";
    case Kind::Array: return "an array";
    case Kind::String: return "a string";
    case Kind::Number: return "a number";
    case Kind::Boolean: return "a boolean";
    case Kind::Null: return "null";
    case Kind::Bad: break;
  }
  return "not JSON";
}

// =================================================================================================
// [SECTION] Scanner: a validating tokenizer that keeps source text
// =================================================================================================

// Reads JSON from text[pos, end). Every reading function returns false after recording the first
// error (its byte offset and what went wrong); callers just pass the false up.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : s_(text) {}

  // What ends the text being read, for messages.
  enum class End : uint8_t { Input, Line, Record };

  void reset(size_t pos, size_t end, End what_ends = End::Input) {
    pos_ = pos;
    end_ = end;
    ends_ = what_ends;
    failed_ = false;
  }
  size_t pos() const { return pos_; }
  bool at_end() const { return pos_ >= end_; }
  char peek() const { return s_[pos_]; }
  bool failed() const { return failed_; }
  size_t error_at() const { return error_at_; }
  const std::string& error_what() const { return what_; }
  // Whitespace skipped so far; a change across a nested value means it needs compacting.
  size_t spaces_seen() const { return spaces_; }

  void skip_ws() {
    size_t p = pos_;
    while (p < end_ && is_space(s_[p])) ++p;
    if (p != pos_) ++spaces_;
    pos_ = p;
  }

  bool fail(size_t at, std::string what) {
    if (!failed_) {
      failed_ = true;
      error_at_ = at;
      what_ = std::move(what);
    }
    return false;
  }
  bool fail_unexpected(const char* expected) {
    if (at_end() && ends_ == End::Record)
      return fail(pos_, std::string("the value is not closed before the next line starting with '{' or '['; expected ") +
                            expected);
    if (at_end())
      return fail(pos_, std::string(ends_ == End::Line ? "unexpected end of the line" : "unexpected end of input") +
                            "; expected " + expected);
    return fail(pos_, "unexpected " + describe_at(s_, pos_) + "; expected " + expected);
  }

  // The kind of the value starting at pos_ (which is not at the end), from its first byte.
  Kind kind_here() const {
    switch (s_[pos_]) {
      case '{': return Kind::Object;
      case '[': return Kind::Array;
      case '"': return Kind::String;
      case 't': case 'f': return Kind::Boolean;
      case 'n': return Kind::Null;
      default: return Kind::Number;
    }
  }

  // An object at pos_ ('{' expected). For each member, member(key, index) is called with pos_ at
  // the value, after whitespace; it must read the value. `key` is valid until the next member.
  template <class OnMember>
  bool object(int depth, std::string& key_scratch, OnMember&& member) {
    if (depth > kMaxDepth) return fail(pos_, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    ++pos_;
    skip_ws();
    if (!at_end() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    for (size_t index = 0;; ++index) {
      if (at_end() || s_[pos_] != '"') return fail_unexpected("a string key");
      key_scratch.clear();
      std::string_view key;
      if (!string(&key_scratch, key)) return false;
      skip_ws();
      if (at_end() || s_[pos_] != ':') return fail_unexpected("':' after the key");
      ++pos_;
      skip_ws();
      if (!member(key, index)) return false;
      skip_ws();
      if (at_end()) return fail_unexpected("',' or '}'");
      char c = s_[pos_];
      if (c == ',') {
        ++pos_;
        skip_ws();
      } else if (c == '}') {
        ++pos_;
        return true;
      } else {
        return fail_unexpected("',' or '}'");
      }
    }
  }

  // An array at pos_ ('[' expected); element(index) is called with pos_ at each element.
  template <class OnElement>
  bool array(int depth, OnElement&& element) {
    if (depth > kMaxDepth) return fail(pos_, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    ++pos_;
    skip_ws();
    if (!at_end() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (size_t index = 0;; ++index) {
      if (!element(index)) return false;
      skip_ws();
      if (at_end()) return fail_unexpected("',' or ']'");
      char c = s_[pos_];
      if (c == ',') {
        ++pos_;
        skip_ws();
      } else if (c == ']') {
        ++pos_;
        return true;
      } else {
        return fail_unexpected("',' or ']'");
      }
    }
  }

  // Any value at pos_, validated and skipped. `depth` is the nesting level it would open.
  bool value(int depth) {
    if (at_end()) return fail_unexpected("a value");
    switch (s_[pos_]) {
      case '{': return object(depth, key_scratch_, [&](std::string_view, size_t) { return value(depth + 1); });
      case '[': return array(depth, [&](size_t) { return value(depth + 1); });
      case '"': { std::string_view unused; return string(nullptr, unused); }
      case 't': return literal("true");
      case 'f': return literal("false");
      case 'n': return literal("null");
      default: return number();
    }
  }

  // A string at pos_ ('"' expected). `out` is its text: a view into the input when it holds no
  // escapes, else unescaped and appended to *scratch (never longer than its source). With no
  // scratch the string is only validated. Lone surrogates in \u escapes become U+FFFD.
  bool string(std::string* scratch, std::string_view& out) {
    const size_t start = ++pos_;
    size_t p = start;
    while (p < end_) {
      auto c = static_cast<unsigned char>(s_[p]);
      if (c == '"' || c == '\\' || c < 0x20) break;
      ++p;
    }
    if (p < end_ && s_[p] == '"') {
      out = s_.substr(start, p - start);
      pos_ = p + 1;
      return true;
    }
    size_t at = 0;
    if (scratch) {
      at = scratch->size();
      scratch->append(s_.data() + start, p - start);
    }
    for (;;) {
      if (p >= end_) return fail(p, ends_ == End::Line ? "a string is not closed on its line" : "a string is never closed");
      auto c = static_cast<unsigned char>(s_[p]);
      if (c == '"') break;
      if (c < 0x20) {
        pos_ = p;
        return fail(p, describe_at(s_, p) + " in a string (it must be escaped)");
      }
      if (c != '\\') {
        if (scratch) *scratch += static_cast<char>(c);
        ++p;
        continue;
      }
      if (p + 1 >= end_) return fail(p + 1, ends_ == End::Line ? "a string is not closed on its line" : "a string is never closed");
      char e = s_[p + 1];
      char plain = 0;
      switch (e) {
        case '"': plain = '"'; break;
        case '\\': plain = '\\'; break;
        case '/': plain = '/'; break;
        case 'b': plain = '\b'; break;
        case 'f': plain = '\f'; break;
        case 'n': plain = '\n'; break;
        case 'r': plain = '\r'; break;
        case 't': plain = '\t'; break;
        case 'u': break;
        default:
          pos_ = p;
          if (e > 0x20 && e < 0x7F) return fail(p, std::string("invalid escape '\\") + e + "' in a string");
          return fail(p, "invalid escape in a string");
      }
      if (e != 'u') {
        if (scratch) *scratch += plain;
        p += 2;
        continue;
      }
      uint32_t cp = 0;
      if (!hex4(p + 2, cp)) return fail(p, "invalid \\u escape: expected four hex digits");
      p += 6;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t low = 0;
        if (p + 1 < end_ && s_[p] == '\\' && s_[p + 1] == 'u' && hex4(p + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        } else {
          cp = 0xFFFD;
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      if (scratch) append_utf8(*scratch, cp);
    }
    if (scratch) out = std::string_view(*scratch).substr(at);
    pos_ = p + 1;
    return true;
  }

  bool number() {
    size_t p = pos_;
    if (p < end_ && s_[p] == '-') ++p;
    if (p < end_ && s_[p] == '0') {
      ++p;
    } else if (p < end_ && is_digit(s_[p])) {
      while (p < end_ && is_digit(s_[p])) ++p;
    } else if (p == pos_ && std::isalpha(static_cast<unsigned char>(s_[p]))) {
      return bad_word();  // NaN, Infinity, undefined, a bare word
    } else {
      return fail_unexpected("a value");
    }
    if (p < end_ && s_[p] == '.') {
      ++p;
      if (p >= end_ || !is_digit(s_[p])) return fail(p, "invalid number: expected a digit after '.'");
      while (p < end_ && is_digit(s_[p])) ++p;
    }
    if (p < end_ && (s_[p] == 'e' || s_[p] == 'E')) {
      ++p;
      if (p < end_ && (s_[p] == '+' || s_[p] == '-')) ++p;
      if (p >= end_ || !is_digit(s_[p])) return fail(p, "invalid number: expected a digit in the exponent");
      while (p < end_ && is_digit(s_[p])) ++p;
    }
    pos_ = p;
    return true;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, std::min(word.size(), end_ - pos_)) != word) return bad_word();
    pos_ += word.size();
    return true;
  }

 private:
  // A word at pos_ that is no JSON literal.
  bool bad_word() {
    size_t len = 1;
    while (pos_ + len < end_ && len < 16 && std::isalnum(static_cast<unsigned char>(s_[pos_ + len]))) ++len;
    return fail(pos_, "invalid literal '" + std::string(s_.substr(pos_, len)) + "'; expected a value");
  }

  bool hex4(size_t p, uint32_t& v) const {
    if (p + 4 > end_) return false;
    v = 0;
    for (size_t i = p; i < p + 4; ++i) {
      char c = s_[i];
      uint32_t d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return false;
      v = v * 16 + d;
    }
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0, end_ = 0;
  End ends_ = End::Input;
  bool failed_ = false;
  size_t error_at_ = 0;
  std::string what_;
  size_t spaces_ = 0;
  std::string key_scratch_;
};

// =================================================================================================
// [SECTION] Columns: the union of keys, in first-seen order
// =================================================================================================

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Columns {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The column of `key`, the index-th member of its object; adds it when `add`. Records mostly
  // repeat the previous record's key order, so that order is tried before the hash map.
  uint32_t find(std::string_view key, size_t index, bool add) {
    if (index < predicted_.size()) {
      uint32_t c = predicted_[index];
      if (c < names_.size() && names_[c] == key) return c;
    }
    uint32_t c;
    auto it = index_.find(key);
    if (it != index_.end()) {
      c = it->second;
    } else if (add) {
      c = static_cast<uint32_t>(names_.size());
      names_.emplace_back(key);
      index_.emplace(names_.back(), c);
    } else {
      return kNone;
    }
    if (index >= predicted_.size()) predicted_.resize(index + 1, kNone);
    predicted_[index] = c;
    return c;
  }
  size_t size() const { return names_.size(); }
  // Forgets the columns added after the first `n` (the keys of a record that turned out bad).
  void truncate(size_t n) {
    for (size_t i = n; i < names_.size(); ++i) index_.erase(names_[i]);
    names_.resize(n);
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> index_;
  std::vector<uint32_t> predicted_;
};

// =================================================================================================
// [SECTION] Pass 1: the shape of the input and its records
// =================================================================================================

enum class Shape : uint8_t {
  Array,     // [ {...}, {...} ]: records are the elements, numbered from 1
  Wrapped,   // { "meta": ..., "data": [ {...} ] }: the first array member holding an object
  Single,    // { ... } with no such member: one record
  Lines,     // JSON Lines: one value per line, numbered by line
  Sequence,  // values one after another, several lines each (jq's output): numbered by first line
};

struct Record {
  size_t begin = 0, end = 0;  // source text
  size_t row = 0;             // source_row for the sink
  uint32_t error = 0;         // Kind::Bad: index into Plan::errors
  Kind kind = Kind::Bad;
  int depth = 1;              // nesting level of the record's value
};

struct Plan {
  Shape shape = Shape::Array;
  std::vector<Record> records;
  std::vector<std::string> errors;
  Columns columns;
};

class Planner {
 public:
  explicit Planner(std::string_view text) : s_(text), scan_(text) {}

  // Fills `plan`; false with `error` ("line L, column C: what") when the text is not JSON.
  bool run(Plan& plan, std::string& error) {
    const size_t start = skip_bom(s_);
    scan_.reset(start, s_.size());
    scan_.skip_ws();
    if (scan_.at_end()) {
      error = where(scan_.pos()) + ": no JSON value (the text is empty)";
      return false;
    }
    const size_t first = scan_.pos();
    const Kind top = scan_.kind_here();
    bool ok;
    if (top == Kind::Array) ok = top_array(plan);
    else if (top == Kind::Object) ok = top_object(plan);
    else ok = scan_.value(1);
    size_t after = scan_.pos();
    if (ok) {
      scan_.skip_ws();
      if (scan_.at_end()) {
        if (top == Kind::Array || top == Kind::Object) return true;
        error = where(first) + ": the top level is " + std::string(kind_phrase(top)) + ", not an array or an object";
        return false;
      }
    }
    // Not one document: JSON Lines, or values one after another, or an error.
    const size_t first_line_end = line_end(first);
    std::string doc_error = ok ? std::string() : where(scan_.error_at()) + ": " + scan_.error_what();
    plan = Plan();
    if (ok) {
      plan.shape = after <= first_line_end ? Shape::Lines : Shape::Sequence;
    } else {
      bool error_on_first_line = scan_.error_at() < first_line_end ||
                                 (scan_.error_at() == first_line_end && first_line_end < s_.size());
      size_t next = next_nonblank_line(first_line_end);
      if (next >= s_.size()) {  // a single line (or value) that does not parse
        error = doc_error;
        return false;
      }
      // An error further down: JSON Lines only when the text starts with an object and the next
      // line is a whole value (a first line cut short); else a document that is broken.
      if (!error_on_first_line && (top != Kind::Object || !parses_as_line(next))) {
        error = doc_error;
        return false;
      }
      plan.shape = Shape::Lines;
    }
    if (plan.shape == Shape::Lines) lines(plan, start);
    else sequence(plan, first);
    // Nothing read as JSON at all: not JSON.
    for (const Record& r : plan.records)
      if (r.kind != Kind::Bad) return true;
    error = !plan.errors.empty() ? plan.errors.front() : doc_error;
    if (error.empty()) error = where(first) + ": no JSON value";
    return false;
  }

 private:
  std::string where(size_t at) const {
    auto [line, col] = line_col(s_, 0, 1, at);
    return "line " + std::to_string(line) + ", column " + std::to_string(col);
  }

  size_t line_end(size_t from) const {
    const void* nl = std::memchr(s_.data() + from, '\n', s_.size() - from);
    return nl ? static_cast<size_t>(static_cast<const char*>(nl) - s_.data()) : s_.size();
  }

  // The first non-space byte after the line break at `eol`, or s_.size().
  size_t next_nonblank_line(size_t eol) const {
    size_t p = eol;
    while (p < s_.size() && is_space(s_[p])) ++p;
    return p;
  }

  // Whether the line holding byte `at` is one complete JSON value.
  bool parses_as_line(size_t at) {
    size_t b = at;
    while (b > 0 && s_[b - 1] != '\n') --b;
    scan_.reset(b, line_end(b), Scanner::End::Line);
    scan_.skip_ws();
    if (!scan_.value(1)) return false;
    scan_.skip_ws();
    return scan_.at_end();
  }

  // An object record at pos: validated, its keys added to the columns (only when it is valid).
  bool object_record(Plan& plan, int depth) {
    const size_t mark = plan.columns.size();
    bool ok = scan_.object(depth, key_scratch_, [&](std::string_view key, size_t index) {
      plan.columns.find(key, index, true);
      return scan_.value(depth + 1);
    });
    if (!ok) plan.columns.truncate(mark);
    return ok;
  }

  // One element of a records array: an object record, or another value to reject.
  bool element(Plan& plan, size_t index, int depth) {
    Record r;
    r.begin = scan_.pos();
    r.row = index + 1;
    r.depth = depth;
    if (scan_.at_end()) return scan_.fail_unexpected("a value");
    r.kind = scan_.kind_here();
    if (!(r.kind == Kind::Object ? object_record(plan, depth) : scan_.value(depth))) return false;
    r.end = scan_.pos();
    plan.records.push_back(r);
    return true;
  }

  bool top_array(Plan& plan) {
    plan.shape = Shape::Array;
    return scan_.array(1, [&](size_t index) { return element(plan, index, 2); });
  }

  // {..}: records from the first member that is an array holding an object; else one record.
  bool top_object(Plan& plan) {
    plan.shape = Shape::Wrapped;
    const size_t begin = scan_.pos();
    bool chosen = false;
    bool ok = scan_.object(1, key_scratch_, [&](std::string_view, size_t) {
      if (chosen || scan_.at_end() || scan_.peek() != '[') return scan_.value(2);
      bool has_object = false;
      const bool read = scan_.array(2, [&](size_t index) {
        if (!scan_.at_end() && scan_.peek() == '{') has_object = true;
        return element(plan, index, 3);
      });
      if (has_object) chosen = true;
      else plan.records.clear();  // none of these were objects: not the records
      return read;
    });
    if (!ok || chosen) return ok;
    // One record: the object itself. Read it again for its keys.
    plan.shape = Shape::Single;
    plan.records.clear();
    const size_t end = scan_.pos();
    scan_.reset(begin, s_.size());
    if (!object_record(plan, 1)) return false;  // cannot happen: it just parsed
    plan.records.push_back(Record{begin, end, 1, 0, Kind::Object, 1});
    return true;
  }

  // A record that did not parse: the scanner's error, as the reject reason.
  void bad(Plan& plan, size_t begin, size_t end, size_t row, size_t row_start) {
    auto [line, col] = line_col(s_, row_start, row, scan_.error_at());
    plan.errors.push_back("line " + std::to_string(line) + ", column " + std::to_string(col) + ": " +
                          scan_.error_what());
    plan.records.push_back(Record{begin, end, row, static_cast<uint32_t>(plan.errors.size() - 1), Kind::Bad, 1});
  }

  // JSON Lines: each line that is not blank holds one value; a line that fails is rejected alone.
  void lines(Plan& plan, size_t start) {
    plan.shape = Shape::Lines;
    size_t line = 1;
    for (size_t b = start; b < s_.size(); ++line) {
      const size_t e = line_end(b);
      // A BOM may start any line (files joined with cat): skipped like the file's own.
      scan_.reset(b + skip_bom(s_.substr(b, e - b)), e, Scanner::End::Line);
      scan_.skip_ws();
      if (!scan_.at_end()) {
        const size_t v = scan_.pos();
        const Kind kind = scan_.kind_here();
        const size_t mark = plan.columns.size();
        bool ok = kind == Kind::Object ? object_record(plan, 1) : scan_.value(1);
        if (ok) {
          const size_t ve = scan_.pos();
          scan_.skip_ws();
          if (scan_.at_end()) plan.records.push_back(Record{v, ve, line, 0, kind, 1});
          else ok = scan_.fail_unexpected("the end of the line after the value");
          if (!ok) plan.columns.truncate(mark);  // keys of a line that is rejected after all
        }
        if (!ok) {
          size_t re = e;
          while (re > b && is_space(s_[re - 1])) --re;
          bad(plan, v, re, line, b);
        }
      }
      b = e + 1;
    }
  }

  // Values one after another, each possibly over several lines (jq's output). A record starts a
  // line with '{' or '[' and the lines inside it are indented, so each value is read up to the
  // next such line at most: a broken value costs its own lines, and reading stays linear.
  void sequence(Plan& plan, size_t first) {
    plan.shape = Shape::Sequence;
    const size_t n = s_.size();
    size_t counted = 0, line = 1;  // line of byte `counted`
    auto line_of = [&](size_t at) {
      for (; counted < at; ++counted)
        if (s_[counted] == '\n') ++line;
      return line;
    };
    // The start of the first line after the one holding `at` that starts with '{' or '['.
    auto next_record_line = [&](size_t at) {
      size_t e = line_end(at);
      while (e + 1 < n && s_[e + 1] != '{' && s_[e + 1] != '[') e = line_end(e + 1);
      return std::min(e + 1, n);
    };
    size_t pos = first, region_end = first;
    while (pos < n) {
      if (pos >= region_end) region_end = next_record_line(pos);
      scan_.reset(pos, region_end, region_end < n ? Scanner::End::Record : Scanner::End::Input);
      const size_t row = line_of(pos);
      const Kind kind = scan_.kind_here();
      const bool ok = kind == Kind::Object ? object_record(plan, 1) : scan_.value(1);
      if (ok) {
        plan.records.push_back(Record{pos, scan_.pos(), row, 0, kind, 1});
        scan_.skip_ws();
        pos = scan_.pos();
        continue;
      }
      size_t re = region_end;
      while (re > pos && is_space(s_[re - 1])) --re;
      size_t row_start = pos;
      while (row_start > 0 && s_[row_start - 1] != '\n') --row_start;
      bad(plan, pos, re, row, row_start);
      pos = region_end;
    }
  }

  std::string_view s_;
  Scanner scan_;
  std::string key_scratch_;
};

// =================================================================================================
// [SECTION] Pass 2: emitting rows and rejects
// =================================================================================================

class Emitter {
 public:
  Emitter(std::string_view text, Plan& plan, RowSink& sink) : s_(text), plan_(plan), sink_(sink), scan_(text) {}

  void run() {
    const size_t ncols = plan_.columns.size();
    Columns& cols = plan_.columns;
    sink_.set_columns(cols.names());
    cells_.assign(ncols, std::string_view());
    for (const Record& r : plan_.records) {
      std::string_view raw = cut_utf8(s_.substr(r.begin, r.end - r.begin), kMaxRawBytes);
      if (r.kind == Kind::Object) {
        if (read_cells(r, cols)) sink_.add_row(cells_.data(), ncols, r.row);
        else sink_.reject(r.row, 0, raw, "cannot read the record again");  // cannot happen
      } else if (r.kind == Kind::Bad) {
        sink_.reject(r.row, 0, raw, plan_.errors[r.error]);
      } else {
        std::string what = plan_.shape == Shape::Array || plan_.shape == Shape::Wrapped ? "element " : "line ";
        sink_.reject(r.row, 0, raw, what + std::to_string(r.row) + " is " + std::string(kind_phrase(r.kind)) +
                                        ", not an object");
      }
    }
  }

 private:
  // The cells of an object record, into cells_. Scratch is reserved to the record's size up
  // front: unescaped strings and compacted values are never longer than their source, so the
  // views into it stay valid.
  bool read_cells(const Record& r, Columns& cols) {
    for (uint32_t c : touched_) cells_[c] = std::string_view();
    touched_.clear();
    scratch_.clear();
    scratch_.reserve(r.end - r.begin);
    scan_.reset(r.begin, r.end);
    return scan_.object(r.depth, key_scratch_, [&](std::string_view key, size_t index) {
      const uint32_t col = cols.find(key, index, false);
      std::string_view cell;
      if (!value_text(r.depth + 1, cell)) return false;
      if (col != Columns::kNone) {
        cells_[col] = cell;
        touched_.push_back(col);
      }
      return true;
    });
  }

  bool value_text(int depth, std::string_view& out) {
    const size_t v = scan_.pos();
    if (scan_.at_end()) return scan_.fail_unexpected("a value");
    switch (scan_.peek()) {
      case '"': return scan_.string(&scratch_, out);
      case 't': out = "true"; return scan_.literal("true");
      case 'f': out = "false"; return scan_.literal("false");
      case 'n': out = std::string_view(); return scan_.literal("null");
      case '{':
      case '[': {
        const size_t spaces = scan_.spaces_seen();
        if (!scan_.value(depth)) return false;
        out = s_.substr(v, scan_.pos() - v);
        if (scan_.spaces_seen() != spaces) {
          const size_t at = scratch_.size();
          append_compact(scratch_, out);
          out = std::string_view(scratch_).substr(at);
        }
        return true;
      }
      default:
        if (!scan_.number()) return false;
        out = s_.substr(v, scan_.pos() - v);
        return true;
    }
  }

  std::string_view s_;
  Plan& plan_;
  RowSink& sink_;
  Scanner scan_;
  std::vector<std::string_view> cells_;
  std::vector<uint32_t> touched_;  // the cells set by the last record
  std::string scratch_, key_scratch_;
};

}  // namespace

// =================================================================================================
// [SECTION] Public API
// =================================================================================================

bool looks_like_json(std::string_view utf8) {
  size_t p = skip_bom(utf8);
  while (p < utf8.size() && is_space(utf8[p])) ++p;
  return p < utf8.size() && (utf8[p] == '[' || utf8[p] == '{');
}

bool read_json(std::string_view utf8, RowSink& sink, std::string& error) {
  try {
    Plan plan;
    if (!Planner(utf8).run(plan, error)) return false;
    uint64_t rows = 0;
    for (const Record& r : plan.records) rows += r.kind == Kind::Object;
    if (rows * plan.columns.size() > kMaxCells) {
      error = "too many cells for one table: " + std::to_string(rows) + " records x " +
              std::to_string(plan.columns.size()) + " columns (at most " + std::to_string(kMaxCells) + " cells)";
      return false;
    }
    Emitter(utf8, plan, sink).run();
    return true;
  } catch (const std::bad_alloc&) {
    error = "not enough memory to read the JSON";
    return false;
  }
}

}  // namespace seglens
