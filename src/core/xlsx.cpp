// Seglens core: reading .xlsx workbooks (see include/seglens/xlsx.hpp).
//
// Index of this file
// [SECTION] Number formats and dates
// [SECTION] Numbers
// [SECTION] XML text and scanning
// [SECTION] Package parts: relationships, workbook, shared strings, styles
// [SECTION] The worksheet
// [SECTION] Public API
//
// An xlsx file is a zip of XML parts: _rels/.rels names the workbook (xl/workbook.xml), whose
// relationships (xl/_rels/workbook.xml.rels) name the sheets, the shared strings and the styles.
// The XML is read by a small scanner over the inflated bytes (tags, attributes, character data;
// no DTDs, no entity definitions), and cell texts are string_views into that XML, into the shared
// strings or into a per-row buffer, so a sheet is read without an allocation per cell.
#include "seglens/xlsx.hpp"

#include <fast_float/fast_float.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <new>

#include "seglens/zip.hpp"
#include "xlsx_internal.hpp"

namespace seglens {

namespace xlsx_detail {

// [SECTION] Number formats and dates

NumFmtKind builtin_format_kind(int id) {
  if ((id >= 14 && id <= 17) || id == 22) return NumFmtKind::Date;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumFmtKind::Time;
  // East Asian built-ins (ECMA-376 18.8.30): 32/33 and (zh-CN) 34/35, 55/56 are times; the rest dates.
  if (id == 32 || id == 33 || id == 34 || id == 35 || id == 55 || id == 56) return NumFmtKind::Time;
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return NumFmtKind::Date;
  return NumFmtKind::Number;
}

NumFmtKind format_code_kind(std::string_view code) {
  // Date/time tokens in order: y d h s, 'm' (month or minute), 'n' (a minute for sure).
  char tokens[64];
  size_t n = 0;
  auto push = [&](char t) {
    if (n < sizeof tokens) tokens[n++] = t;
  };
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = lower(code[i]);
    if (c == '"') {  // quoted literal
      const size_t q = code.find('"', i + 1);
      if (q == std::string_view::npos) break;
      i = q;
    } else if (c == '\\' || c == '_' || c == '*') {  // escaped char, space of a char's width, fill
      ++i;
    } else if (c == '[') {  // [Red], [$-409], [<=100]; but [h], [mm], [ss] are elapsed time
      const size_t q = code.find(']', i + 1);
      if (q == std::string_view::npos) break;
      const std::string_view in = code.substr(i + 1, q - i - 1);
      if (!in.empty() && std::all_of(in.begin(), in.end(), [&](char x) { return lower(x) == lower(in[0]); })) {
        const char k = lower(in[0]);
        if (k == 'h' || k == 's') push(k);
        if (k == 'm') push('n');
      }
      i = q;
    } else if (c == 'a' && (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm")) {
      i += 4;
    } else if (c == 'a' && (code.substr(i, 3) == "A/P" || code.substr(i, 3) == "a/p")) {
      i += 2;
    } else if (c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's') {
      while (i + 1 < code.size() && lower(code[i + 1]) == c) ++i;
      push(c);
    }
  }
  bool date = false, time = false;
  for (size_t i = 0; i < n; ++i) {
    switch (tokens[i]) {
      case 'y':
      case 'd': date = true; break;
      case 'h':
      case 's':
      case 'n': time = true; break;
      case 'm': {
        const bool minute = (i > 0 && tokens[i - 1] == 'h') || (i + 1 < n && tokens[i + 1] == 's');
        (minute ? time : date) = true;
        break;
      }
    }
  }
  return date ? NumFmtKind::Date : time ? NumFmtKind::Time : NumFmtKind::Number;
}

namespace {

void append_2(std::string& out, unsigned v) {
  out.push_back(static_cast<char>('0' + v / 10 % 10));
  out.push_back(static_cast<char>('0' + v % 10));
}

void append_time(std::string& out, int64_t seconds_of_day) {
  append_2(out, static_cast<unsigned>(seconds_of_day / 3600));
  out.push_back(':');
  append_2(out, static_cast<unsigned>(seconds_of_day / 60 % 60));
  out.push_back(':');
  append_2(out, static_cast<unsigned>(seconds_of_day % 60));
}

}  // namespace

bool append_excel_date(std::string& out, double serial, bool date1904, NumFmtKind kind) {
  // 9999-12-31 is the last day Excel shows: serial 2958465 (1900 system), 2957003 (1904).
  const double last = date1904 ? 2957004.0 : 2958466.0;
  if (!(serial >= 0.0 && serial < last)) return false;
  const int64_t secs = std::llround(serial * 86400.0);
  const int64_t days = secs / 86400;
  const int64_t sod = secs % 86400;
  if (days >= static_cast<int64_t>(last)) return false;
  if (kind == NumFmtKind::Time && days == 0) {
    append_time(out, sod);
    return true;
  }
  int y;  // calendar helpers of table.hpp
  unsigned m, d;
  if (date1904) {
    civil_from_days(days_from_civil(1904, 1, 1) + days, y, m, d);
  } else if (days == 60) {  // Lotus 1-2-3's 29 February 1900, which Excel kept
    y = 1900, m = 2, d = 29;
  } else if (days < 60) {  // serial 1 is 1900-01-01 (0 would be "1900-01-00": the day before)
    civil_from_days(days_from_civil(1899, 12, 31) + days, y, m, d);
  } else {
    civil_from_days(days_from_civil(1899, 12, 30) + days, y, m, d);
  }
  append_2(out, static_cast<unsigned>(y / 100));  // 1899..9999
  append_2(out, static_cast<unsigned>(y % 100));
  out.push_back('-');
  append_2(out, m);
  out.push_back('-');
  append_2(out, d);
  if (sod != 0) {
    out.push_back(' ');
    append_time(out, sod);
  }
  return true;
}

// [SECTION] Numbers

namespace {

bool parse_double(std::string_view s, double& v) {
  if (s.empty()) return false;
  const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(v);
}

}  // namespace

void append_number(std::string& out, double v) {
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    for (char* p = buf; *p; ++p)
      if (*p == ',') *p = '.';  // a decimal comma from a process locale
    double back;
    if (parse_double(buf, back) && back == v) break;
  }
  out += buf;
}

bool is_canonical_number(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const size_t int_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  const size_t int_digits = i - int_start;
  if (int_digits == 0 || int_digits > 15) return false;
  if (int_digits > 1 && s[int_start] == '0') return false;  // "007"
  if (i == s.size()) return true;                            // an integer of up to 15 digits
  if (s[i] != '.') return false;
  ++i;
  const size_t frac_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i != s.size() || i == frac_start || s.back() == '0') return false;  // "1.", "1.50", "1e5"
  size_t significant;
  if (s[int_start] == '0') {  // 0.000123: %g turns to 1.23e-04 below 1e-4
    size_t zeros = 0;
    while (s[frac_start + zeros] == '0') ++zeros;
    if (zeros >= 4) return false;
    significant = s.size() - frac_start - zeros;
  } else {
    significant = int_digits + (s.size() - frac_start);
  }
  return significant <= 15;
}

// [SECTION] XML text and scanning

namespace {

void append_utf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the reference starting at raw[i] == '&'; false (nothing appended) when it is not one.
bool append_reference(std::string& out, std::string_view raw, size_t& i) {
  const size_t semi = raw.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return false;
  const std::string_view ref = raw.substr(i + 1, semi - i - 1);
  if (ref.size() >= 2 && ref[0] == '#') {
    uint32_t cp = 0;
    const bool hex = ref[1] == 'x' || ref[1] == 'X';
    const std::string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    for (char c : digits) {
      const int v = hex ? hex_value(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
      if (v < 0) return false;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid, no overflow
    }
    append_utf8(out, cp);
  } else if (ref == "amp") {
    out.push_back('&');
  } else if (ref == "lt") {
    out.push_back('<');
  } else if (ref == "gt") {
    out.push_back('>');
  } else if (ref == "quot") {
    out.push_back('"');
  } else if (ref == "apos") {
    out.push_back('\'');
  } else {
    return false;
  }
  i = semi;
  return true;
}

}  // namespace

bool xml_text_needs_decoding(std::string_view raw) {
  return raw.find_first_of("&<\r") != std::string_view::npos;
}

void append_xml_text(std::string& out, std::string_view raw) {
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '&') {
      if (!append_reference(out, raw, i)) out.push_back('&');
    } else if (c == '\r') {
      out.push_back('\n');
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else if (c == '<' && raw.substr(i, 9) == "<![CDATA[") {
      const size_t end = raw.find("]]>", i + 9);
      const size_t stop = end == std::string_view::npos ? raw.size() : end;
      out.append(raw.substr(i + 9, stop - i - 9));
      i = end == std::string_view::npos ? raw.size() : end + 2;
    } else if (c == '<' && raw.substr(i, 4) == "<!--") {
      const size_t end = raw.find("-->", i + 4);
      i = end == std::string_view::npos ? raw.size() : end + 2;
    } else {
      out.push_back(c);
    }
  }
}

void unescape_ooxml(std::string& s, size_t from) {
  size_t w = s.find("_x", from);
  if (w == std::string::npos) return;
  auto hex4 = [&](size_t at, uint32_t& cp) {
    if (at + 7 > s.size() || s[at] != '_' || s[at + 1] != 'x' || s[at + 6] != '_') return false;
    cp = 0;
    for (size_t k = at + 2; k < at + 6; ++k) {
      const int v = hex_value(s[k]);
      if (v < 0) return false;
      cp = cp * 16 + static_cast<uint32_t>(v);
    }
    return true;
  };
  std::string tmp;
  size_t r = w;
  while (r < s.size()) {
    uint32_t cp;
    if (s[r] == '_' && hex4(r, cp)) {
      r += 7;
      uint32_t low;
      if (cp >= 0xD800 && cp <= 0xDBFF && hex4(r, low) && low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        r += 7;
      }
      tmp.clear();
      append_utf8(tmp, cp == 0 ? 0xFFFD : cp);
      // The UTF-8 form (<= 4 bytes) is shorter than the escape (7 or 14): rewriting in place is safe.
      for (char c : tmp) s[w++] = c;
    } else {
      s[w++] = s[r++];
    }
  }
  s.resize(w);
}

bool parse_cell_ref(std::string_view ref, uint32_t& col, uint32_t& row) {
  size_t i = 0;
  uint32_t c = 0;
  while (i < ref.size() && i < 4) {
    char ch = ref[i];
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') break;
    c = c * 26 + static_cast<uint32_t>(ch - 'A' + 1);
    ++i;
  }
  if (i == 0 || c > 16384) return false;
  uint64_t r = 0;
  const size_t digits_start = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    r = r * 10 + static_cast<uint64_t>(ref[i] - '0');
    if (r > 0xFFFFFFFFu) return false;
    ++i;
  }
  if (i != ref.size() || (i > digits_start && r == 0)) return false;
  col = c;
  row = static_cast<uint32_t>(r);
  return true;
}

std::string resolve_part(std::string_view base_dir, std::string_view target) {
  std::string decoded;
  for (size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '#') break;
    if (target[i] == '%' && i + 2 < target.size() && hex_value(target[i + 1]) >= 0 && hex_value(target[i + 2]) >= 0) {
      decoded.push_back(static_cast<char>(hex_value(target[i + 1]) * 16 + hex_value(target[i + 2])));
      i += 2;
    } else {
      decoded.push_back(target[i] == '\\' ? '/' : target[i]);
    }
  }
  std::string joined = !decoded.empty() && decoded[0] == '/' ? decoded : std::string(base_dir) + "/" + decoded;
  std::vector<std::string_view> parts;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const size_t slash = rest.find('/');
    const std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (seg.empty() || seg == ".") continue;
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(seg);
  }
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out.push_back('/');
    out.append(p);
  }
  return out;
}

}  // namespace xlsx_detail

using namespace xlsx_detail;

namespace {

struct Tag {
  std::string_view name;   // local name: the namespace prefix is dropped ("x:row" -> "row")
  std::string_view attrs;  // raw text between the name and the end of a start tag
  bool end = false;        // </name>
  bool empty = false;      // <name ... />
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Start tags, end tags and the text between them, in document order. Comments, processing
// instructions, CDATA between tags and DOCTYPE declarations are skipped. Malformed input ends the
// scan (next() returns false); it never reads outside the text.
class XmlScanner {
 public:
  explicit XmlScanner(std::string_view xml) : s_(xml) {}

  bool next(Tag& t) {
    const size_t n = s_.size();
    for (;;) {
      const char* lt = pos_ < n ? static_cast<const char*>(std::memchr(s_.data() + pos_, '<', n - pos_)) : nullptr;
      if (!lt) return stop();
      size_t p = static_cast<size_t>(lt - s_.data());
      if (p + 1 >= n) return stop();
      const char c = s_[p + 1];
      if (c == '?') {
        if (!skip_past(p + 2, "?>")) return false;
        continue;
      }
      if (c == '!') {
        if (s_.substr(p, 4) == "<!--") {
          if (!skip_past(p + 4, "-->")) return false;
        } else if (s_.substr(p, 9) == "<![CDATA[") {
          if (!skip_past(p + 9, "]]>")) return false;
        } else {  // <!DOCTYPE ...[ ... ]>: skipped, nothing in it is used
          int depth = 0;
          size_t q = p + 2;
          for (; q < n; ++q) {
            if (s_[q] == '[') ++depth;
            else if (s_[q] == ']') --depth;
            else if (s_[q] == '>' && depth <= 0) break;
          }
          if (q >= n) return stop();
          pos_ = q + 1;
        }
        continue;
      }
      t.end = c == '/';
      size_t q = p + (t.end ? 2 : 1);
      const size_t name_start = q;
      while (q < n && !is_space(s_[q]) && s_[q] != '>' && s_[q] != '/') ++q;
      t.name = local(s_.substr(name_start, q - name_start));
      const size_t attrs_start = q;
      char quote = 0;
      for (; q < n; ++q) {
        const char ch = s_[q];
        if (quote) {
          if (ch == quote) quote = 0;
        } else if (ch == '"' || ch == '\'') {
          quote = ch;
        } else if (ch == '>') {
          break;
        }
      }
      if (q >= n) return stop();
      t.empty = !t.end && q > attrs_start && s_[q - 1] == '/';
      t.attrs = s_.substr(attrs_start, q - attrs_start - (t.empty ? 1 : 0));
      pos_ = q + 1;
      return true;
    }
  }

  // After a start tag: the raw character data up to the next tag (CDATA sections and comments
  // are part of it; decode with append_xml_text).
  std::string_view raw_text() {
    const size_t start = pos_, n = s_.size();
    size_t p = pos_;
    for (;;) {
      const char* lt = p < n ? static_cast<const char*>(std::memchr(s_.data() + p, '<', n - p)) : nullptr;
      if (!lt) {
        p = n;
        break;
      }
      p = static_cast<size_t>(lt - s_.data());
      if (s_.substr(p, 9) == "<![CDATA[") {
        const size_t e = s_.find("]]>", p + 9);
        p = e == std::string_view::npos ? n : e + 3;
      } else if (s_.substr(p, 4) == "<!--") {
        const size_t e = s_.find("-->", p + 4);
        p = e == std::string_view::npos ? n : e + 3;
      } else {
        break;
      }
    }
    pos_ = p;
    return s_.substr(start, p - start);
  }

  // After the start tag of a non-empty element named `name`: moves past its end tag.
  void skip_element(std::string_view name) {
    Tag t;
    int depth = 1;
    while (depth > 0 && next(t)) {
      if (t.name != name) continue;
      if (t.end) --depth;
      else if (!t.empty) ++depth;
    }
  }

 private:
  static std::string_view local(std::string_view qname) {
    const size_t colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
  }
  bool stop() {
    pos_ = s_.size();
    return false;
  }
  bool skip_past(size_t from, std::string_view end) {
    const size_t e = s_.find(end, from);
    if (e == std::string_view::npos) return stop();
    pos_ = e + end.size();
    return true;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

// The raw value of the attribute whose local name is `name` ("r", "id" for "r:id"); false when
// absent. `prefixed`: only a namespaced attribute matches ("r:id", not "id").
bool attr(std::string_view attrs, std::string_view name, std::string_view& value, bool prefixed = false) {
  size_t i = 0;
  const size_t n = attrs.size();
  while (i < n) {
    while (i < n && is_space(attrs[i])) ++i;
    const size_t name_start = i;
    while (i < n && attrs[i] != '=' && !is_space(attrs[i])) ++i;
    const std::string_view qname = attrs.substr(name_start, i - name_start);
    while (i < n && is_space(attrs[i])) ++i;
    if (i >= n || attrs[i] != '=') return false;
    ++i;
    while (i < n && is_space(attrs[i])) ++i;
    if (i >= n || (attrs[i] != '"' && attrs[i] != '\'')) return false;
    const char quote = attrs[i++];
    const size_t end = attrs.find(quote, i);
    if (end == std::string_view::npos) return false;
    const size_t colon = qname.find(':');
    const std::string_view lname = colon == std::string_view::npos ? qname : qname.substr(colon + 1);
    if (lname == name && (!prefixed || colon != std::string_view::npos)) {
      value = attrs.substr(i, end - i);
      return true;
    }
    i = end + 1;
  }
  return false;
}

// An attribute's value decoded (&amp; ...), "" when absent.
std::string attr_text(std::string_view attrs, std::string_view name, bool prefixed = false) {
  std::string_view raw;
  if (!attr(attrs, name, raw, prefixed)) return {};
  std::string out;
  append_xml_text(out, raw);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A non-negative integer attribute or text; false when it is not one (or above `max`).
bool parse_uint(std::string_view s, uint64_t& v, uint64_t max = 0xFFFFFFFFu) {
  s = trim(s);
  if (s.empty()) return false;
  v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
    if (v > max) return false;
  }
  return true;
}

// [SECTION] Package parts: relationships, workbook, shared strings, styles

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string dir_of(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

std::string quote_name(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

struct Relationship {
  std::string id;
  std::string type;    // the URI's last segment: "worksheet", "sharedStrings", "officeDocument"...
  std::string target;  // a part name, resolved
};

struct SheetRef {
  std::string name;
  std::string rel_id;
};

// The zip with the lookups an xlsx needs: part names are case-insensitive in OPC, and some tools
// write backslashes.
class Package {
 public:
  bool open(std::string_view bytes, std::string& error) { return zip_.open(bytes, error); }

  const ZipEntry* find(std::string_view part) const {
    if (const ZipEntry* e = zip_.find(part)) return e;
    const std::string want = ascii_lower(part);
    for (const ZipEntry& e : zip_.entries()) {
      std::string name = ascii_lower(e.name);
      std::replace(name.begin(), name.end(), '\\', '/');
      if (!name.empty() && name[0] == '/') name.erase(0, 1);
      if (name == want) return &e;
    }
    return nullptr;
  }

  // Reads a part; a missing part is an empty `out` and true unless `required`.
  bool read(std::string_view part, std::string& out, std::string& error, bool required) const {
    out.clear();
    const ZipEntry* e = find(part);
    if (!e) {
      if (required) error = "the workbook has no part " + std::string(part);
      return !required;
    }
    std::string zerr;
    if (!zip_.read(*e, out, zerr)) {
      error = "cannot read " + std::string(part) + ": " + zerr;
      return false;
    }
    return true;
  }

 private:
  ZipArchive zip_;
};

std::vector<Relationship> parse_relationships(std::string_view xml, std::string_view base_dir) {
  std::vector<Relationship> rels;
  XmlScanner x(xml);
  Tag t;
  while (x.next(t)) {
    if (t.end || t.name != "Relationship") continue;
    if (attr_text(t.attrs, "TargetMode") == "External") continue;
    Relationship r;
    r.id = attr_text(t.attrs, "Id");
    const std::string type = attr_text(t.attrs, "Type");
    const size_t slash = type.rfind('/');
    r.type = slash == std::string::npos ? type : type.substr(slash + 1);
    r.target = resolve_part(base_dir, attr_text(t.attrs, "Target"));
    rels.push_back(std::move(r));
  }
  return rels;
}

const Relationship* find_rel_by_type(const std::vector<Relationship>& rels, std::string_view type) {
  for (const Relationship& r : rels)
    if (r.type == type) return &r;
  return nullptr;
}

// What read_xlsx and xlsx_sheet_names share: the package opened, the workbook and its
// relationships read.
struct Workbook {
  Package pkg;
  std::string path;  // "xl/workbook.xml"
  std::string dir;   // "xl"
  std::vector<SheetRef> sheets;
  std::vector<Relationship> rels;
  bool date1904 = false;

  bool open(std::string_view bytes, std::string& error) {
    if (bytes.empty()) {
      error = "the file is empty";
      return false;
    }
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
      error = "this is not an .xlsx workbook but an Office binary file: an encrypted (password-protected) "
              "workbook or an old .xls; open it in Excel or WPS and save it as .xlsx without a password";
      return false;
    }
    std::string zerr;
    if (!pkg.open(bytes, zerr)) {
      error = "not an xlsx workbook: " + zerr;
      return false;
    }
    // The workbook part is named by the package relationships; xl/workbook.xml by convention.
    std::string xml;
    path = "xl/workbook.xml";
    if (pkg.read("_rels/.rels", xml, error, false)) {
      const std::vector<Relationship> root = parse_relationships(xml, "");
      if (const Relationship* r = find_rel_by_type(root, "officeDocument"))
        if (pkg.find(r->target)) path = r->target;
    } else {
      return false;
    }
    if (!pkg.find(path)) {
      error = "not an xlsx workbook: the zip archive has no xl/workbook.xml";
      return false;
    }
    if (!pkg.read(path, xml, error, true)) return false;
    dir = dir_of(path);
    XmlScanner x(xml);
    Tag t;
    while (x.next(t)) {
      if (t.end) continue;
      if (t.name == "workbookPr") {
        const std::string v = attr_text(t.attrs, "date1904");
        date1904 = v == "1" || v == "true";
      } else if (t.name == "sheet") {
        SheetRef s;
        s.name = attr_text(t.attrs, "name");
        s.rel_id = attr_text(t.attrs, "id", true);
        if (s.rel_id.empty()) s.rel_id = attr_text(t.attrs, "id");
        sheets.push_back(std::move(s));
      }
    }
    const std::string rels_path = (dir.empty() ? "" : dir + "/") + "_rels/" + path.substr(path.rfind('/') + 1) + ".rels";
    if (!pkg.read(rels_path, xml, error, false)) return false;
    rels = parse_relationships(xml, dir);
    return true;
  }

  const Relationship* rel(std::string_view id) const {
    for (const Relationship& r : rels)
      if (r.id == id) return &r;
    return nullptr;
  }

  std::vector<std::string> names() const {
    std::vector<std::string> out;
    out.reserve(sheets.size());
    for (const SheetRef& s : sheets) out.push_back(s.name);
    return out;
  }
};

// All shared strings in one buffer; views into it stay valid while the sheet is read.
struct SharedStrings {
  std::string pool;
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // offset, length

  std::string_view get(size_t i) const {
    return std::string_view(pool).substr(spans[i].first, spans[i].second);
  }

  void parse(std::string_view xml) {
    pool.reserve(xml.size() / 2);
    XmlScanner x(xml);
    Tag t;
    bool in_si = false;
    size_t start = 0;
    // Ends the open <si>, if any. Only the open one is ever rewritten (unescape_ooxml shortens
    // the pool's tail), so every span stays inside the pool.
    auto close = [&] {
      if (!in_si) return;
      unescape_ooxml(pool, start);
      spans.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(pool.size() - start));
      in_si = false;
    };
    while (x.next(t)) {
      if (t.name == "si") {
        close();  // </si>, or an <si> inside one that was never closed
        if (t.end) continue;
        if (t.empty) {
          spans.emplace_back(static_cast<uint32_t>(pool.size()), 0);
        } else {
          in_si = true;
          start = pool.size();
        }
      } else if (in_si && !t.end && !t.empty) {
        if (t.name == "t") append_xml_text(pool, x.raw_text());
        else if (t.name == "rPh") x.skip_element("rPh");  // phonetic guide (furigana): not the text
      } else if (!in_si && !t.end && t.name == "sst") {
        std::string_view v;
        uint64_t count;
        if (attr(t.attrs, "uniqueCount", v) && parse_uint(v, count))
          spans.reserve(static_cast<size_t>(std::min<uint64_t>(count, xml.size() / 8)));
      }
    }
    close();  // cut off inside the last <si>
  }
};

// The number format kind of each cell style (cellXfs index, the cell's s attribute).
std::vector<NumFmtKind> parse_styles(std::string_view xml) {
  std::vector<std::pair<uint64_t, std::string>> custom;  // numFmtId -> formatCode
  std::vector<uint64_t> xf_fmt;
  XmlScanner x(xml);
  Tag t;
  bool in_numfmts = false, in_cellxfs = false;
  while (x.next(t)) {
    if (t.name == "numFmts") {
      in_numfmts = !t.end && !t.empty;
    } else if (t.name == "cellXfs") {
      in_cellxfs = !t.end && !t.empty;
    } else if (!t.end && in_numfmts && t.name == "numFmt") {
      std::string_view v;
      uint64_t id;
      if (attr(t.attrs, "numFmtId", v) && parse_uint(v, id)) custom.emplace_back(id, attr_text(t.attrs, "formatCode"));
    } else if (!t.end && in_cellxfs && t.name == "xf") {
      std::string_view v;
      uint64_t id = 0;
      if (!attr(t.attrs, "numFmtId", v) || !parse_uint(v, id)) id = 0;
      xf_fmt.push_back(id);
    }
  }
  std::vector<NumFmtKind> kinds;
  kinds.reserve(xf_fmt.size());
  for (uint64_t id : xf_fmt) {
    auto it = std::find_if(custom.rbegin(), custom.rend(), [&](const auto& c) { return c.first == id; });
    kinds.push_back(it != custom.rend() ? format_code_kind(it->second)
                                        : id < 1000 ? builtin_format_kind(static_cast<int>(id)) : NumFmtKind::Number);
  }
  return kinds;
}

// [SECTION] The worksheet

// "2024-01-05T13:45:00Z" (t="d" cells) -> "2024-01-05 13:45:00"; a midnight -> "2024-01-05".
void append_iso_date(std::string& out, std::string_view v) {
  const size_t tpos = v.find('T');
  if (tpos == std::string_view::npos) {
    out.append(v);
    return;
  }
  std::string_view date = v.substr(0, tpos), time = v.substr(tpos + 1);
  const size_t cut = time.find_first_of(".Z+-");
  if (cut != std::string_view::npos) time = time.substr(0, cut);
  out.append(date);
  if (time != "00:00:00" && time != "00:00" && !time.empty()) {
    out.push_back(' ');
    out.append(time);
  }
}

class SheetReader {
 public:
  SheetReader(RowSink& sink, const SharedStrings& strings, const std::vector<NumFmtKind>& styles, bool date1904)
      : sink_(sink), strings_(strings), styles_(styles), date1904_(date1904) {}

  void read(std::string_view xml) {
    XmlScanner x(xml);
    Tag t;
    bool in_data = false, in_row = false, pending = false;
    while (pending || x.next(t)) {
      pending = false;
      if (t.name == "sheetData") {
        if (t.end) break;
        in_data = !t.empty;
        continue;
      }
      if (!in_data) continue;
      if (t.name == "row") {
        if (t.end) {
          if (in_row) end_row();
          in_row = false;
        } else {
          if (in_row) end_row();  // an unclosed row
          begin_row(t.attrs);
          in_row = true;
          if (t.empty) {
            end_row();
            in_row = false;
          }
        }
      } else if (t.name == "c" && !t.end) {
        if (!in_row) {  // a cell outside any row: read it as a row of its own
          begin_row({});
          in_row = true;
        }
        pending = read_cell(x, t, t);
      }
    }
    if (in_row) end_row();
  }

  // After read(): the header was found, and what to warn about.
  void finish(std::vector<std::string>& warnings) {
    if (!header_done_) sink_.set_columns({});
    if (empty_rows_)
      warnings.push_back("skipped " + std::to_string(empty_rows_) + " empty row" + (empty_rows_ == 1 ? "" : "s") +
                         " (the first is row " + std::to_string(first_empty_row_) + ")");
    if (error_cells_)
      warnings.push_back(std::to_string(error_cells_) + " error cell" + (error_cells_ == 1 ? "" : "s") +
                         " read as empty (the first: " + first_error_ + ")");
    if (bad_strings_)
      warnings.push_back(std::to_string(bad_strings_) + " cell" + (bad_strings_ == 1 ? "" : "s") +
                         " with a shared string index that does not exist read as empty");
    if (far_cells_)
      warnings.push_back(std::to_string(far_cells_) + " cell" + (far_cells_ == 1 ? "" : "s") +
                         " with a bad reference or beyond column XFD ignored");
  }

  bool has_header() const { return header_done_; }

 private:
  struct Cell {
    uint32_t col;
    bool in_arena;     // text is arena_[off, off + len), else `view`
    size_t off, len;
    std::string_view view;
  };

  void begin_row(std::string_view attrs) {
    std::string_view v;
    uint64_t r;
    if (attr(attrs, "r", v) && parse_uint(v, r) && r > 0) {
      row_ = static_cast<size_t>(r);
      row_known_ = true;
    } else {
      row_ = prev_row_ + 1;
      row_known_ = false;
    }
    next_col_ = 1;
    cells_.clear();
    arena_.clear();
  }

  // Reads the cell whose start tag is `t` up to its end tag. True when a tag that ends it
  // without </c> (a row, another cell) was read: it is left in `pending` for the caller.
  bool read_cell(XmlScanner& x, const Tag t, Tag& pending) {
    std::string_view v;
    uint32_t col = next_col_, ref_row = 0;
    bool col_ok = true;
    if (attr(t.attrs, "r", v)) {
      if (!parse_cell_ref(v, col, ref_row)) col_ok = false;
      if (col_ok && !row_known_ && ref_row > 0 && cells_.empty()) {
        row_ = ref_row;
        row_known_ = true;
      }
    }
    next_col_ = col_ok ? col + 1 : next_col_ + 1;
    std::string_view type = "n";
    attr(t.attrs, "t", type);
    NumFmtKind kind = NumFmtKind::Number;
    uint64_t s;
    if (attr(t.attrs, "s", v) && parse_uint(v, s) && s < styles_.size()) kind = styles_[static_cast<size_t>(s)];

    // The cell's children: <v>, <is> (inline string), <f> (formula, skipped), others skipped.
    std::string_view value;
    bool has_value = false, has_inline = false, handed_back = false;
    const size_t inline_start = arena_.size();
    if (!t.empty) {
      Tag c;
      while (x.next(c)) {
        if (c.name == "c" || c.name == "row" || c.name == "sheetData") {
          if (c.end && c.name == "c") break;
          pending = c;  // malformed: the cell was never closed
          handed_back = true;
          break;
        }
        if (c.end || c.empty) continue;
        if (c.name == "v") {
          value = x.raw_text();
          has_value = true;
        } else if (c.name == "is") {
          has_inline = true;
          read_inline(x);
        } else {
          x.skip_element(c.name);
        }
      }
    }
    store_cell(col_ok ? col : 0, type, kind, value, has_value, has_inline, inline_start);
    return handed_back;
  }

  void store_cell(uint32_t col, std::string_view type, NumFmtKind kind, std::string_view value, bool has_value,
                  bool has_inline, size_t inline_start) {
    const bool col_ok = col > 0;
    if (!col_ok) {
      if (has_value || has_inline) ++far_cells_;
      arena_.resize(inline_start);
      return;
    }

    Cell cell{col, false, 0, 0, {}};
    if (has_inline) {
      unescape_ooxml(arena_, inline_start);
      cell.in_arena = true;
      cell.off = inline_start;
      cell.len = arena_.size() - inline_start;
    } else if (!has_value) {
      return;
    } else if (type == "s") {
      uint64_t i;
      if (parse_uint(value, i, UINT64_MAX / 16) && i < strings_.spans.size()) {
        cell.view = strings_.get(static_cast<size_t>(i));
      } else {
        ++bad_strings_;
        return;
      }
    } else if (type == "str" || type == "inlineStr") {
      set_text(cell, value, true);
    } else if (type == "b") {
      const std::string_view b = trim(value);
      cell.view = b == "1" || b == "true" ? "true" : b == "0" || b == "false" ? "false" : b;
    } else if (type == "e") {
      if (error_cells_++ == 0) {
        std::string name(trim(value).substr(0, 20));
        first_error_ = (name.empty() ? std::string("an error") : name) + " in " + column_name(col) + std::to_string(row_);
      }
      return;
    } else if (type == "d") {
      const size_t off = arena_.size();
      append_iso_date(arena_, trim(value));
      cell.in_arena = true;
      cell.off = off;
      cell.len = arena_.size() - off;
    } else {  // "n" or anything unknown: a number
      set_number(cell, trim(value), kind);
    }
    if (cell.in_arena ? cell.len == 0 : cell.view.empty()) return;
    cells_.push_back(cell);
  }

  void read_inline(XmlScanner& x) {
    Tag c;
    while (x.next(c)) {
      if (c.end) {
        if (c.name == "is") return;
        continue;
      }
      if (c.empty) continue;
      if (c.name == "t") append_xml_text(arena_, x.raw_text());
      else if (c.name == "rPh") x.skip_element("rPh");
    }
  }

  // Text of a <v>: a view into the XML when it needs no decoding, else decoded into the arena.
  void set_text(Cell& cell, std::string_view raw, bool ooxml_escapes) {
    if (!xml_text_needs_decoding(raw) && (!ooxml_escapes || raw.find("_x") == std::string_view::npos)) {
      cell.view = raw;
      return;
    }
    const size_t off = arena_.size();
    append_xml_text(arena_, raw);
    if (ooxml_escapes) unescape_ooxml(arena_, off);
    cell.in_arena = true;
    cell.off = off;
    cell.len = arena_.size() - off;
  }

  void set_number(Cell& cell, std::string_view raw, NumFmtKind kind) {
    if (kind == NumFmtKind::Number && is_canonical_number(raw)) {
      cell.view = raw;
      return;
    }
    double d;
    const auto r = fast_float::from_chars(raw.data(), raw.data() + raw.size(), d);
    if (raw.empty() || r.ec != std::errc() || r.ptr != raw.data() + raw.size() || !std::isfinite(d)) {
      set_text(cell, raw, false);  // not a number: kept as it is written
      return;
    }
    const size_t off = arena_.size();
    if (kind == NumFmtKind::Number || !append_excel_date(arena_, d, date1904_, kind)) append_number(arena_, d);
    cell.in_arena = true;
    cell.off = off;
    cell.len = arena_.size() - off;
  }

  static std::string column_name(uint32_t col) {
    std::string s;
    for (; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
  }

  std::string_view text_of(const Cell& c) const {
    return c.in_arena ? std::string_view(arena_).substr(c.off, c.len) : c.view;
  }

  void end_row() {
    prev_row_ = row_;
    if (cells_.empty()) return;  // counted as a gap when the next row with values comes
    // Cells in column order; a column given twice keeps its last value.
    if (!std::is_sorted(cells_.begin(), cells_.end(), [](const Cell& a, const Cell& b) { return a.col < b.col; }))
      std::stable_sort(cells_.begin(), cells_.end(), [](const Cell& a, const Cell& b) { return a.col < b.col; });
    size_t w = 0;
    for (size_t i = 0; i < cells_.size(); ++i) {
      if (w > 0 && cells_[w - 1].col == cells_[i].col) cells_[w - 1] = cells_[i];
      else cells_[w++] = cells_[i];
    }
    cells_.resize(w);
    const uint32_t last_col = cells_.back().col;

    if (!header_done_) {
      std::vector<std::string> names(last_col);
      for (uint32_t i = 0; i < last_col; ++i) names[i] = "column_" + std::to_string(i + 1);
      for (const Cell& c : cells_) names[c.col - 1] = std::string(text_of(c));
      width_ = last_col;
      views_.assign(width_, std::string_view{});
      header_done_ = true;
      last_row_ = row_;
      sink_.set_columns(std::move(names));
      return;
    }
    if (row_ > last_row_ + 1) {
      if (empty_rows_ == 0) first_empty_row_ = last_row_ + 1;
      empty_rows_ += row_ - last_row_ - 1;
    }
    last_row_ = std::max(last_row_, row_);

    if (last_col > width_) {
      std::string raw;
      uint32_t col = 1;
      for (const Cell& c : cells_) {
        for (; col < c.col && raw.size() < kRawLimit; ++col) raw.push_back(',');
        if (raw.size() >= kRawLimit) break;
        raw.append(text_of(c));
      }
      if (raw.size() > kRawLimit) {  // cut at a character boundary
        size_t cut = kRawLimit;
        while (cut > 0 && (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) --cut;
        raw.resize(cut);
      }
      sink_.reject(row_, width_ + 1, raw,
                   "row has " + std::to_string(last_col) + " cells but the header has " + std::to_string(width_));
      return;
    }
    for (const Cell& c : cells_) views_[c.col - 1] = text_of(c);
    sink_.add_row(views_.data(), views_.size(), row_);
    for (const Cell& c : cells_) views_[c.col - 1] = {};
  }

  static constexpr size_t kRawLimit = 512;

  RowSink& sink_;
  const SharedStrings& strings_;
  const std::vector<NumFmtKind>& styles_;
  const bool date1904_;

  std::vector<Cell> cells_;  // the current row's non-empty cells
  std::string arena_;        // texts of the current row that are not views into the XML
  std::vector<std::string_view> views_;  // the row handed to the sink (header width)
  size_t row_ = 0, prev_row_ = 0, last_row_ = 0;
  bool row_known_ = false;
  uint32_t next_col_ = 1;
  bool header_done_ = false;
  uint32_t width_ = 0;

  size_t empty_rows_ = 0, first_empty_row_ = 0;
  size_t error_cells_ = 0;
  std::string first_error_;
  size_t bad_strings_ = 0, far_cells_ = 0;
};

}  // namespace

// [SECTION] Public API

bool looks_like_zip(std::string_view bytes) {
  return bytes.size() >= 4 && std::memcmp(bytes.data(), "PK\x03\x04", 4) == 0;
}

bool xlsx_sheet_names(std::string_view bytes, std::vector<std::string>& names, std::string& error) {
  names.clear();
  try {
    Workbook wb;
    if (!wb.open(bytes, error)) return false;
    names = wb.names();
    return true;
  } catch (const std::bad_alloc&) {
    error = "out of memory reading the workbook";
    return false;
  }
}

bool read_xlsx(std::string_view bytes, const std::string& sheet, RowSink& sink, XlsxInfo& info, std::string& error) {
  info = XlsxInfo{};
  try {
    Workbook wb;
    if (!wb.open(bytes, error)) return false;
    info.sheets = wb.names();
    if (wb.sheets.empty()) {
      error = "the workbook has no sheets";
      return false;
    }

    // The sheet: by name (exact, else ignoring ASCII case as Excel does), or the first worksheet.
    const SheetRef* ref = nullptr;
    if (sheet.empty()) {
      for (const SheetRef& s : wb.sheets) {
        const Relationship* r = wb.rel(s.rel_id);
        if (r && r->type == "worksheet") {
          ref = &s;
          break;
        }
      }
      if (!ref) ref = &wb.sheets.front();
    } else {
      for (const SheetRef& s : wb.sheets)
        if (s.name == sheet) {
          ref = &s;
          break;
        }
      if (!ref)
        for (const SheetRef& s : wb.sheets)
          if (ascii_lower(s.name) == ascii_lower(sheet)) {
            ref = &s;
            break;
          }
      if (!ref) {
        error = "the workbook has no sheet named " + quote_name(sheet) + "; its sheets are: ";
        for (size_t i = 0; i < wb.sheets.size(); ++i) error += (i ? ", " : "") + quote_name(wb.sheets[i].name);
        return false;
      }
    }
    const Relationship* rel = wb.rel(ref->rel_id);
    if (!rel || !wb.pkg.find(rel->target)) {
      error = "sheet " + quote_name(ref->name) + " has no worksheet part in the file";
      return false;
    }
    if (rel->type != "worksheet") {
      error = "sheet " + quote_name(ref->name) + " is a " + (rel->type == "chartsheet" ? "chart" : rel->type) +
              ", not a worksheet with cells";
      return false;
    }
    info.sheet_read = ref->name;

    std::string xml;
    SharedStrings strings;
    const Relationship* sst = find_rel_by_type(wb.rels, "sharedStrings");
    if (!wb.pkg.read(sst ? sst->target : wb.dir + "/sharedStrings.xml", xml, error, false)) return false;
    strings.parse(xml);
    const Relationship* sty = find_rel_by_type(wb.rels, "styles");
    if (!wb.pkg.read(sty ? sty->target : wb.dir + "/styles.xml", xml, error, false)) return false;
    const std::vector<NumFmtKind> styles = parse_styles(xml);

    if (!wb.pkg.read(rel->target, xml, error, true)) return false;
    SheetReader reader(sink, strings, styles, wb.date1904);
    reader.read(xml);
    reader.finish(info.warnings);
    if (!reader.has_header()) info.warnings.push_back("sheet " + quote_name(ref->name) + " has no cells with values");
    return true;
  } catch (const std::bad_alloc&) {
    error = "out of memory reading the workbook";
    return false;
  }
}

}  // namespace seglens
