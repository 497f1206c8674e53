// Seglens core: column formats (how a column's text is written) and the cell parsers.
//
// Index of this file
//   [SECTION] Decision rules (read this before changing anything)
//   [SECTION] Small helpers: trimming, digits, case-insensitive compare
//   [SECTION] Missing tokens and booleans
//   [SECTION] Numbers: the core scanner under a style (decimal point + thousands separator)
//   [SECTION] Numbers: signs, parentheses, currency units and percent signs around the core
//   [SECTION] Dates and times
//   [SECTION] parse_cell and the single-value parsers
//   [SECTION] Inference
//   [SECTION] Building columns
//
// [SECTION] Decision rules
//
// Every cell is trimmed first: ASCII white space, U+00A0 (no-break space) and U+3000 (ideographic
// space) on both ends.
//
// Numbers. A number is written in a *style*: a decimal point ('.' or ',') and a thousands
// separator (none, ',', '.', ' ', '\''; ' ' also matches U+00A0 and U+202F). Under a style:
//   - the integer part is one run of digits, or with the separator: 1-3 digits, then groups of
//     exactly 3 ("1,234,567"); a grouped number never starts with 0 ("0,123" is not grouped).
//     Grouping is optional: "1234" fits the ',' style too.
//   - "007" (a leading 0 followed by a digit) is an identifier, not a number, in every style.
//   - an optional fraction: the decimal point and at least one digit (".5" is fine, "5." not).
//   - an optional exponent ("1e-3") only in numbers without separators and only for Integer/
//     Decimal columns (never for money or percents).
//   - integer-looking values (no fraction, no exponent) must fit int64, in every numeric type: a
//     20-digit order number is an identifier, not a decimal that silently loses digits.
//   - the plain style reads numbers of any length; the others copy into a 64-byte stack buffer
//     and do not read longer numbers.
// The styles tried for a column, in order of preference (the first one every value fits wins):
//   ('.', none) ('.', ',') ('.', ' ') ('.', '\'') (',', none) (',', '.') (',', ' ')
// Consequences, all tested:
//   - "1,234" alone is one thousand two hundred thirty-four (',' is read as grouping unless a
//     value shows otherwise); "12,5" or "0,5" or "1,2345" in the column make ',' the decimal
//     point (then "1,234" is 1.234).
//   - "1.234" alone is 1.234 ('.' is the decimal point unless a value shows '.' grouping: two
//     '.'s as in "1.234.567", or '.' before a decimal ',' as in "1.234,50"). With such evidence
//     every '.' in the column is grouping ("1.234" is 1234) and the column must fit that.
//   - a column that mixes styles ("12,5" and "1,234,567") fits none: it is text.
// Integer: every value integer-looking, no sign other than +/-, no unit, no %. Decimal: the same
// but with fractions or exponents. Percent: every value carries '%' or '％' ("12 %" allowed), no
// unit, no parentheses; stored as value/100, correctly rounded ("12.3%" == 0.123 exactly as
// parsed). Money: numbers with an optional currency unit, at least one value in the sample
// carrying one, all units of one currency; '-' before or after a prefix unit, or parentheses
// around the whole value for negatives ("(¥12.00)" is -12). Units, as prefix or suffix, with or
// without a space; ASCII words case-insensitive:
//   CNY: ¥ ￥ RMB CNY 元(suffix only)   -> unit "¥" (or "元" when the column only uses 元)
//   USD: $ US$ USD                     -> "$"
//   EUR: € EUR                         -> "€"
//   GBP: £ GBP                         -> "£"
// A Money format accepts values with any unit of its currency, or none; with an empty unit only
// values without a unit.
//
// Booleans: true/false, yes/no (ASCII, any case), 是/否, 对/错, 真/假. y/n (any case) only count in
// a sample that also has one of the other words (a column of only Y/N stays a category); a
// Boolean format accepts y/n. 1/0 are integers.
//
// Dates (all years 4 digits, 1000..9999, calendar-checked: 2023-02-29 and 2024-13-01 fail):
//   year first      2024-01-05, 2024/1/5, 2024.1.5 (one separator throughout), 2024年1月5日,
//                   2024年1月 (month only: the 1st of the month; no time may follow)
//   year last       05.01.2024, 5/1/2024, 01-05-2024: day/month order from the column (below)
//   digits only     20240105 (YYYYMMDD) and Excel serial days 20000..80000 (45296 = 2024-01-05,
//                   45296.5 = noon, DateTime only): during inference only with a date-like
//                   column name, where they then win over Integer/Decimal. A Date/DateTime
//                   format always accepts YYYYMMDD; serials only with excel_serial.
//   not handled     two-digit years, "2024-01" (month only in ISO form: it stays text),
//                   "下午 1:45", month names.
// Day/month order of year-last dates: each value rules out the orders in which it is no date
// ("13/01/2024" rules out month first, "01/13/2024" day first, "31/04/2024" both). If both orders
// survive, InferOptions::date_order decides when it is DMY or MDY, else the separator of the
// first year-last value: '/' month first, '.' and '-' day first. A column in which no value is
// year-last gets date_order = the option, else YMD; with YMD year-last values do not parse.
// Datetimes: a date, then 'T' or spaces (none needed after 日), then H:MM or HH:MM:SS, optional
// fraction ".123" (dropped: seconds are whole), optional AM/PM (hour 1..12; "12:30 AM" is 00:30),
// optional zone: Z, UTC, +08:00, +0800, +08, up to ±18:00 (with or without a space before). A value with a zone
// is converted to UTC ("2024-01-05 10:00+08:00" == "2024-01-05 02:00Z"); a value without one is
// taken as written (wall-clock time stored as if UTC). Hours 0..23, minutes 0..59, seconds 0..60.
// A DateTime column accepts plain dates (midnight); a Date column rejects values with a time.
//
// Date-like column names (InferOptions::column_name), kept short on purpose because a wrong hit
// turns amounts into dates:
//   ASCII words (split at non-letters and camelCase, any case): date, day, time, datetime,
//   timestamp, dt, dob, birthday, birthdate, created, updated ("OrderDate", "created_at",
//   "Order Time" are date-like; "lifetime_value", "days", "times" are not).
//   Chinese: contains 日期, 时间, 时刻 or 生日; ends with 日; or is exactly 下单 or 注册
//   ("下单金额" and "注册渠道" are not date-like: they name amounts and categories).
//
// Type order (the first that every non-missing value fits): Boolean, [Date/DateTime when the
// name is date-like and some value is digits-only], Integer, Decimal, Percent, Money, Date, DateTime, else Category when at most
// max(20, values/2) distinct trimmed values of at most 200 bytes, else Text. No values, or all
// missing: Text.

#include "seglens/infer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_set>

#include <fast_float/fast_float.h>

namespace seglens {

namespace {

// [SECTION] Small helpers

inline bool is_digit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline unsigned char ub(char c) { return static_cast<unsigned char>(c); }

// Leading/trailing bytes that may start/end white space: tested first so that the common cell
// (nothing to trim) costs two compares.
inline bool may_trim_front(unsigned char c) { return c <= ' ' || c == 0xC2 || c == 0xE3; }
inline bool may_trim_back(unsigned char c) { return c <= ' ' || c == 0xA0 || c == 0x80; }

void trim_slow(const char*& p, const char*& e) {
  while (p < e) {
    unsigned char c = ub(*p);
    if (c == ' ' || (c >= '\t' && c <= '\r')) { ++p; continue; }
    if (c == 0xC2 && e - p >= 2 && ub(p[1]) == 0xA0) { p += 2; continue; }
    if (c == 0xE3 && e - p >= 3 && ub(p[1]) == 0x80 && ub(p[2]) == 0x80) { p += 3; continue; }
    break;
  }
  while (p < e) {
    unsigned char c = ub(e[-1]);
    if (c == ' ' || (c >= '\t' && c <= '\r')) { --e; continue; }
    if (c == 0xA0 && e - p >= 2 && ub(e[-2]) == 0xC2) { e -= 2; continue; }
    if (c == 0x80 && e - p >= 3 && ub(e[-2]) == 0x80 && ub(e[-3]) == 0xE3) { e -= 3; continue; }
    break;
  }
}

inline void trim_ptrs(const char*& p, const char*& e) {
  if (p < e && (may_trim_front(ub(*p)) || may_trim_back(ub(e[-1])))) trim_slow(p, e);
}

std::string_view trim_sv(std::string_view s) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  return {p, static_cast<size_t>(e - p)};
}

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// [p, e) equals `lit` (lower-case ASCII or any UTF-8), ASCII case-insensitively.
inline bool ieq(const char* p, const char* e, std::string_view lit) {
  if (static_cast<size_t>(e - p) != lit.size()) return false;
  for (size_t i = 0; i < lit.size(); ++i)
    if (lower(p[i]) != lit[i]) return false;
  return true;
}

// `lit` starts at p (case-insensitive ASCII).
inline bool istarts(const char* p, const char* e, std::string_view lit) {
  if (static_cast<size_t>(e - p) < lit.size()) return false;
  for (size_t i = 0; i < lit.size(); ++i)
    if (lower(p[i]) != lit[i]) return false;
  return true;
}

inline bool bytes_at(const char* p, const char* e, const char* lit, size_t n) {
  return static_cast<size_t>(e - p) >= n && std::memcmp(p, lit, n) == 0;
}

constexpr uint64_t kInt64Max = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());

// Magnitude + sign to int64; false when out of range.
inline bool to_int64(uint64_t mag, bool neg, int64_t& out) {
  if (mag > kInt64Max + (neg ? 1 : 0)) return false;
  out = neg ? static_cast<int64_t>(0 - mag) : static_cast<int64_t>(mag);
  return true;
}

// [SECTION] Missing tokens and booleans

bool missing_trimmed(const char* p, const char* e) {
  switch (e - p) {
    case 0: return true;
    case 1: return *p == '-';
    case 2: return ieq(p, e, "na") || ieq(p, e, "--");
    case 3: return ieq(p, e, "n/a") || ieq(p, e, "nan") || ieq(p, e, "无") || ieq(p, e, "空");
    case 4: return ieq(p, e, "null") || ieq(p, e, "none") || ieq(p, e, "#n/a");
    case 6: return ieq(p, e, "缺失");
    default: return false;
  }
}

// 1 true, 0 false, -1 not a boolean. y/n only with allow_yn; *yn tells that one was seen.
int bool_token(const char* p, const char* e, bool allow_yn, bool* yn) {
  switch (e - p) {
    case 1:
      if (!allow_yn) return -1;
      if (lower(*p) == 'y') { if (yn) *yn = true; return 1; }
      if (lower(*p) == 'n') { if (yn) *yn = true; return 0; }
      return -1;
    case 2: return ieq(p, e, "no") ? 0 : -1;
    case 3:
      if (ieq(p, e, "yes") || ieq(p, e, "是") || ieq(p, e, "对") || ieq(p, e, "真")) return 1;
      if (ieq(p, e, "否") || ieq(p, e, "错") || ieq(p, e, "假")) return 0;
      return -1;
    case 4: return ieq(p, e, "true") ? 1 : -1;
    case 5: return ieq(p, e, "false") ? 0 : -1;
    default: return -1;
  }
}

// [SECTION] Numbers: the core scanner

enum class Num : uint8_t { Fail, Int, Dec };

struct Style {
  char dp, th;
};
// In order of preference (see the decision rules).
constexpr Style kStyles[] = {{'.', 0}, {'.', ','}, {'.', ' '}, {'.', '\''}, {',', 0}, {',', '.'}, {',', ' '}};
constexpr int kNumStyles = sizeof kStyles / sizeof kStyles[0];

// Byte length of the thousands separator `th` at p, 0 when there is none.
inline int match_th(const char* p, const char* e, char th) {
  if (p >= e) return 0;
  if (*p == th) return 1;
  if (th == ' ') {
    if (bytes_at(p, e, "\xC2\xA0", 2)) return 2;      // no-break space
    if (bytes_at(p, e, "\xE2\x80\xAF", 3)) return 3;  // narrow no-break space
  }
  return 0;
}

// Parses `n` normalised bytes (digits, '.', exponent) with fast_float; false unless finite.
inline bool ff_parse(const char* b, const char* e, double& v) {
  auto r = fast_float::from_chars(b, e, v);
  return r.ec == std::errc() && r.ptr == e && std::isfinite(v);
}

constexpr int kBuf = 64;  // longest normalised number (digits, point, exponent) accepted off the fast path

// The style ('.', none): the hot path. Unsigned core [p, e): digits, optional ".digits", optional
// exponent. Int -> mag; Dec -> val. `pct` divides by 100 (correctly rounded, via the text).
Num scan_plain(const char* p, const char* e, bool allow_exp, bool pct, uint64_t& mag, double& val) {
  const char* s = p;
  uint64_t m = 0;
  while (p < e && is_digit(*p)) m = m * 10 + static_cast<unsigned>(*p++ - '0');
  const ptrdiff_t nint = p - s;
  if (nint > 1 && *s == '0') return Num::Fail;
  if (p == e) {
    if (nint == 0 || nint > 19) return Num::Fail;
    mag = m;
    return Num::Int;
  }
  bool frac = false;
  if (*p == '.') {
    const char* f = ++p;
    while (p < e && is_digit(*p)) ++p;
    if (p == f) return Num::Fail;
    frac = true;
  }
  if (nint == 0 && !frac) return Num::Fail;
  if (p < e && (*p == 'e' || *p == 'E')) {
    if (!allow_exp) return Num::Fail;
    ++p;
    if (p < e && (*p == '+' || *p == '-')) ++p;
    const char* x = p;
    while (p < e && is_digit(*p)) ++p;
    if (p == x) return Num::Fail;
  }
  if (p != e) return Num::Fail;
  if (!pct) return ff_parse(s, e, val) ? Num::Dec : Num::Fail;
  char buf[kBuf + 4];
  const size_t n = static_cast<size_t>(e - s);
  if (n > kBuf) return Num::Fail;
  std::memcpy(buf, s, n);
  std::memcpy(buf + n, "e-2", 3);
  return ff_parse(buf, buf + n + 3, val) ? Num::Dec : Num::Fail;
}

// Any style: copies the digits into a stack buffer without separators and with '.' as the point.
Num scan_styled(const char* p, const char* e, char dp, char th, bool allow_exp, bool pct, uint64_t& mag,
                double& val) {
  char buf[kBuf + 8];
  int n = 0;
  uint64_t m = 0;
  const char* s = p;
  while (p < e && is_digit(*p)) {
    if (n >= kBuf) return Num::Fail;
    buf[n++] = *p;
    m = m * 10 + static_cast<unsigned>(*p++ - '0');
  }
  const ptrdiff_t run1 = p - s;
  bool grouped = false;
  if (th && run1 >= 1 && run1 <= 3 && *s != '0') {
    for (;;) {
      const int k = match_th(p, e, th);
      if (!k) break;
      const char* q = p + k;
      if (e - q < 3 || !is_digit(q[0]) || !is_digit(q[1]) || !is_digit(q[2])) return Num::Fail;
      if (n + 3 > kBuf) return Num::Fail;
      for (int j = 0; j < 3; ++j) {
        buf[n++] = q[j];
        m = m * 10 + static_cast<unsigned>(q[j] - '0');
      }
      p = q + 3;
      grouped = true;
    }
  }
  const int nint = n;
  if (!grouped && nint > 1 && *s == '0') return Num::Fail;
  bool frac = false;
  if (p < e && *p == dp) {
    const char* f = ++p;
    buf[n++] = '.';
    while (p < e && is_digit(*p)) {
      if (n >= kBuf) return Num::Fail;
      buf[n++] = *p++;
    }
    if (p == f) return Num::Fail;
    frac = true;
  }
  if (nint == 0 && !frac) return Num::Fail;
  bool exp = false;
  if (p < e && (*p == 'e' || *p == 'E')) {
    if (!allow_exp || grouped) return Num::Fail;
    buf[n++] = 'e';
    ++p;
    if (p < e && (*p == '+' || *p == '-')) buf[n++] = *p++;
    const char* x = p;
    while (p < e && is_digit(*p)) {
      if (n >= kBuf) return Num::Fail;
      buf[n++] = *p++;
    }
    if (p == x) return Num::Fail;
    exp = true;
  }
  if (p != e) return Num::Fail;
  if (!frac && !exp) {
    if (nint > 19) return Num::Fail;
    mag = m;
    return Num::Int;
  }
  if (pct) {  // callers never allow an exponent together with a percent sign
    std::memcpy(buf + n, "e-2", 3);
    n += 3;
  }
  return ff_parse(buf, buf + n, val) ? Num::Dec : Num::Fail;
}

inline Num scan_core(const char* p, const char* e, char dp, char th, bool allow_exp, bool pct, uint64_t& mag,
                     double& val) {
  if (dp == '.' && th == 0) return scan_plain(p, e, allow_exp, pct, mag, val);
  return scan_styled(p, e, dp, th, allow_exp, pct, mag, val);
}

// A scanned core plus sign as a double (Int results go through int64: in range or fail).
inline bool core_value(Num r, uint64_t mag, double val, bool neg, bool pct, double& out) {
  if (r == Num::Fail) return false;
  if (r == Num::Int) {
    int64_t iv;
    if (!to_int64(mag, neg, iv)) return false;
    if (!pct) {
      out = static_cast<double>(iv);
      return true;
    }
    if (mag <= (uint64_t{1} << 53)) {
      out = static_cast<double>(iv) / 100.0;  // exact operands: one correctly rounded division
      return true;
    }
    char buf[32];
    int n = 0;
    char tmp[24];
    int k = 0;
    for (uint64_t x = mag; x; x /= 10) tmp[k++] = static_cast<char>('0' + x % 10);
    while (k) buf[n++] = tmp[--k];
    std::memcpy(buf + n, "e-2", 3);
    if (!ff_parse(buf, buf + n + 3, out)) return false;
    if (neg) out = -out;
    return true;
  }
  out = neg ? -val : val;
  return true;
}

// [SECTION] Numbers: what surrounds the core

enum Currency : uint8_t { kNoCurrency = 0, kCNY, kUSD, kEUR, kGBP };

// A currency unit at p (prefix position); its byte length or 0. `yuan` tells 元 from the signs.
int currency_prefix(const char* p, const char* e, uint8_t& cur, bool suffix_ok, bool& yuan) {
  yuan = false;
  if (p >= e) return 0;
  auto word = [&](std::string_view w) {  // an ASCII code not glued to a following letter
    return istarts(p, e, w) && (e - p == static_cast<ptrdiff_t>(w.size()) || !is_alpha(p[w.size()]));
  };
  switch (ub(*p)) {
    case '$': cur = kUSD; return 1;
    case 0xC2:
      if (bytes_at(p, e, "\xC2\xA5", 2)) { cur = kCNY; return 2; }  // ¥
      if (bytes_at(p, e, "\xC2\xA3", 2)) { cur = kGBP; return 2; }  // £
      return 0;
    case 0xEF:
      if (bytes_at(p, e, "\xEF\xBF\xA5", 3)) { cur = kCNY; return 3; }  // ￥
      return 0;
    case 0xE2:
      if (bytes_at(p, e, "\xE2\x82\xAC", 3)) { cur = kEUR; return 3; }  // €
      return 0;
    case 0xE5:
      if (suffix_ok && bytes_at(p, e, "\xE5\x85\x83", 3)) { cur = kCNY; yuan = true; return 3; }  // 元
      return 0;
    case 'r': case 'R': if (word("rmb")) { cur = kCNY; return 3; } return 0;
    case 'c': case 'C': if (word("cny")) { cur = kCNY; return 3; } return 0;
    case 'e': case 'E': if (word("eur")) { cur = kEUR; return 3; } return 0;
    case 'g': case 'G': if (word("gbp")) { cur = kGBP; return 3; } return 0;
    case 'u': case 'U':
      if (istarts(p, e, "us$")) { cur = kUSD; return 3; }
      if (word("usd")) { cur = kUSD; return 3; }
      return 0;
    default: return 0;
  }
}

// A currency unit ending at e (suffix position); its byte length or 0.
int currency_suffix(const char* p, const char* e, uint8_t& cur, bool& yuan) {
  if (p >= e || is_digit(e[-1])) return 0;  // the common case: nothing after the number
  static constexpr std::string_view kSuffixes[] = {"\xE5\x85\x83", "\xC2\xA5", "\xEF\xBF\xA5", "us$", "$",
                                                   "\xE2\x82\xAC", "\xC2\xA3", "rmb", "cny", "usd", "eur", "gbp"};
  for (std::string_view s : kSuffixes) {
    if (static_cast<size_t>(e - p) < s.size()) continue;
    const char* q = e - s.size();
    uint8_t c = 0;
    bool y = false;
    if (currency_prefix(q, e, c, true, y) != static_cast<int>(s.size())) continue;
    if (is_alpha(s[0]) && q > p && is_alpha(q[-1])) continue;  // "xRMB" is a word, not a unit
    cur = c;
    yuan = y;
    return static_cast<int>(s.size());
  }
  return 0;
}

inline void skip_spaces(const char*& p, const char* e) {
  while (p < e && *p == ' ') ++p;
}
inline void skip_spaces_back(const char* p, const char*& e) {
  while (e > p && e[-1] == ' ') --e;
}

// A trimmed value split into sign, parentheses, unit and percent sign around the number's core.
struct NumWrap {
  const char* cp = nullptr;
  const char* ce = nullptr;
  bool neg = false;
  bool paren = false;
  bool pct = false;
  bool yuan = false;   // the unit was 元
  uint8_t cur = kNoCurrency;
};

bool unwrap_number(const char* p, const char* e, NumWrap& w) {
  w = NumWrap{};
  if (p < e && *p == '(') {
    if (e[-1] != ')') return false;
    w.paren = w.neg = true;
    ++p;
    --e;
    skip_spaces(p, e);
    skip_spaces_back(p, e);
  }
  bool sign = false;
  if (!w.paren && p < e && (*p == '-' || *p == '+')) {
    w.neg = *p == '-';
    sign = true;
    ++p;
  }
  if (int k = currency_prefix(p, e, w.cur, false, w.yuan)) {
    p += k;
    skip_spaces(p, e);
    if (!w.paren && !sign && p < e && (*p == '-' || *p == '+')) {
      w.neg = *p == '-';
      ++p;
    }
  }
  if (p < e && e[-1] == '%') {
    w.pct = true;
    --e;
  } else if (e - p >= 3 && bytes_at(e - 3, e, "\xEF\xBC\x85", 3)) {  // ％
    w.pct = true;
    e -= 3;
  } else {
    uint8_t c = kNoCurrency;
    bool y = false;
    if (int k = currency_suffix(p, e, c, y)) {
      if (w.cur) return false;  // two units
      w.cur = c;
      w.yuan = y;
      e -= k;
    }
  }
  if (w.pct || w.cur) skip_spaces_back(p, e);
  if (w.pct && (w.cur || w.paren)) return false;
  if (p >= e) return false;
  w.cp = p;
  w.ce = e;
  return true;
}

uint8_t currency_of_unit(const std::string& unit) {
  if (unit.empty()) return kNoCurrency;
  uint8_t c = kNoCurrency;
  bool y = false;
  const char* p = unit.data();
  const char* e = p + unit.size();
  if (currency_prefix(p, e, c, true, y) == static_cast<int>(unit.size())) return c;
  return 0xFF;  // an unknown unit: no value matches it
}

// [SECTION] Dates and times

constexpr int64_t kExcelEpochOffset = 25569;  // Excel serial day of 1970-01-01 (1900 system)
constexpr int kSerialMin = 20000, kSerialMax = 80000;

// y / 100 for y < 43699 by a multiplication: GCC may compile the hot path "for size" and then
// emits real divisions even by constants.
inline unsigned div100(unsigned y) { return (y * 5243u) >> 19; }

inline bool is_leap(unsigned y) {
  const unsigned c = div100(y);
  return (y & 3) == 0 && (y != c * 100 || (c & 3) == 0);
}

// 1000 <= y <= 9999 and a real calendar day (so 2023-02-29 and 2024-13-01 are not dates).
inline bool valid_ymd(int y, int m, int d) {
  static constexpr signed char kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  if (d <= 28) return true;
  if (m != 2) return d <= kDays[m - 1];
  return d == 29 && is_leap(static_cast<unsigned>(y));
}

// days_from_civil (table.cpp) for valid dates of years 1000..9999, written inline and without
// divisions for the hot path. A test compares it with days_from_civil on every day.
inline int64_t civil_days(int y, int m, int d) {
  static constexpr short kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const unsigned yy = static_cast<unsigned>(y) - 1;  // whole years since 0001-01-01
  const unsigned c = div100(yy);
  const unsigned days = yy * 365 + (yy >> 2) - c + (c >> 2) + static_cast<unsigned>(kBefore[m - 1]) +
                        static_cast<unsigned>(d - 1) + (m > 2 && is_leap(static_cast<unsigned>(y)));
  return static_cast<int64_t>(days) - 719162;  // 1970-01-01 is day 719162 counted from 0001-01-01
}

// The pieces of a date or datetime as written, before the day/month order is applied.
struct TParts {
  int y = 0, a = 0, b = 0;  // year first: a = month, b = day; year last: the two parts as written
  bool year_last = false;
  char sep = 0;             // the separator of a year-last date
  bool has_time = false;    // a time, or a fractional serial
  bool serial = false;      // an Excel serial day (days already in `serial_days`)
  bool compact = false;     // YYYYMMDD
  int64_t serial_days = 0;
  int64_t tod = 0;          // seconds into the day, minus the zone offset
};

// Reads 1..2 digits (exactly; a third digit fails).
inline bool read12(const char*& p, const char* e, int& v) {
  if (p >= e || !is_digit(*p)) return false;
  v = *p++ - '0';
  if (p < e && is_digit(*p)) v = v * 10 + (*p++ - '0');
  return !(p < e && is_digit(*p));
}
inline bool read2(const char*& p, const char* e, int& v) {
  if (e - p < 2 || !is_digit(p[0]) || !is_digit(p[1])) return false;
  v = (p[0] - '0') * 10 + (p[1] - '0');
  p += 2;
  return !(p < e && is_digit(*p));
}

// The time after a date: [T| +] H:MM[:SS[.f]] [ ][AM|PM] [ ][Z|UTC|+HH[:MM]]; p is at the first
// byte after the date and before the end.
bool scan_time(const char* p, const char* e, bool after_ri, int64_t& tod) {
  if (*p == 'T') {
    ++p;
  } else if (*p == ' ') {
    skip_spaces(p, e);
  } else if (!after_ri) {
    return false;
  }
  int hh, mm, ss = 0;
  if (!read12(p, e, hh) || p >= e || *p != ':') return false;
  ++p;
  if (!read2(p, e, mm)) return false;
  if (p < e && *p == ':') {
    ++p;
    if (!read2(p, e, ss)) return false;
    if (p < e && *p == '.') {
      const char* f = ++p;
      while (p < e && is_digit(*p)) ++p;
      if (p == f) return false;
    }
  }
  const char* q = p;
  skip_spaces(q, e);
  bool ampm = false, pm = false;
  if (e - q >= 2 && (lower(q[1]) == 'm') && (lower(q[0]) == 'a' || lower(q[0]) == 'p') &&
      (e - q == 2 || !is_alpha(q[2]))) {
    ampm = true;
    pm = lower(q[0]) == 'p';
    p = q + 2;
    q = p;
    skip_spaces(q, e);
  }
  int64_t off = 0;
  if (q < e) {
    if (*q == 'Z' && q + 1 == e) {
      q = e;
    } else if (ieq(q, e, "utc")) {
      q = e;
    } else if (*q == '+' || *q == '-') {
      const bool west = *q == '-';
      ++q;
      int oh, om = 0;
      if (e - q == 4 && is_digit(q[0]) && is_digit(q[1]) && is_digit(q[2]) && is_digit(q[3])) {  // +0800
        oh = (q[0] - '0') * 10 + (q[1] - '0');
        om = (q[2] - '0') * 10 + (q[3] - '0');
        q = e;
      } else {
        if (!read2(q, e, oh)) return false;
        if (q < e && *q == ':') {
          ++q;
          if (!read2(q, e, om)) return false;
        }
      }
      if (q != e || oh > 18 || om > 59) return false;
      off = (oh * 3600 + om * 60) * (west ? -1 : 1);
    } else {
      return false;
    }
    p = q;
  }
  if (p != e) return false;
  if (ampm) {
    if (hh < 1 || hh > 12) return false;
    hh = hh % 12 + (pm ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 60) return false;
  tod = hh * 3600 + mm * 60 + ss - off;
  return true;
}

// An Excel serial: digits (5, in range), with a fraction only when a time is allowed.
bool scan_serial(const char* p, const char* e, bool allow_time, TParts& t) {
  const char* s = p;
  int64_t v = 0;
  while (p < e && is_digit(*p) && p - s < 6) v = v * 10 + (*p++ - '0');
  if (p - s != 5 || v < kSerialMin || v > kSerialMax) return false;
  int64_t tod = 0;
  if (p < e) {
    if (!allow_time || *p != '.' || v == kSerialMax) return false;
    const char* f = ++p;
    while (p < e && is_digit(*p)) ++p;
    if (p != e || p == f) return false;
    double x;
    if (!ff_parse(s, e, x)) return false;
    tod = std::llround((x - static_cast<double>(v)) * 86400.0);
    if (tod >= 86400) {  // 45296.999999999 rounds up into the next day
      tod -= 86400;
      ++v;
    }
    t.has_time = true;
  }
  t.serial = true;
  t.serial_days = v - kExcelEpochOffset;
  t.tod = tod;
  return true;
}

// Scans a trimmed value as a date with an optional time. `digits`: YYYYMMDD allowed; `serials`:
// Excel serials allowed; `allow_time`: a time may follow. Day/month validity is left to
// resolve_date (it depends on the order for year-last dates).
bool scan_temporal(const char* p, const char* e, bool digits, bool serials, bool allow_time, TParts& t) {
  t = TParts{};
  const char* s = p;
  int64_t v = 0;
  while (p < e && is_digit(*p) && p - s < 9) v = v * 10 + (*p++ - '0');
  const ptrdiff_t n = p - s;
  bool after_ri = false;
  if (n == 4 && p < e) {
    t.y = static_cast<int>(v);
    const char c = *p;
    if (c == '-' || c == '/' || c == '.') {
      ++p;
      if (!read12(p, e, t.a) || p >= e || *p != c) return false;
      ++p;
      if (!read12(p, e, t.b)) return false;
    } else if (bytes_at(p, e, "\xE5\xB9\xB4", 3)) {  // 年
      p += 3;
      if (!read12(p, e, t.a) || !bytes_at(p, e, "\xE6\x9C\x88", 3)) return false;  // 月
      p += 3;
      if (p == e) {  // 2024年1月: the first of the month
        t.b = 1;
        return true;
      }
      if (!read12(p, e, t.b) || !bytes_at(p, e, "\xE6\x97\xA5", 3)) return false;  // 日
      p += 3;
      after_ri = true;
    } else {
      return false;
    }
  } else if ((n == 1 || n == 2) && p < e && (*p == '-' || *p == '/' || *p == '.')) {
    const char c = *p++;
    t.a = static_cast<int>(v);
    if (!read12(p, e, t.b) || p >= e || *p != c) return false;
    ++p;
    const char* ys = p;
    int y = 0;
    while (p < e && is_digit(*p) && p - ys < 5) y = y * 10 + (*p++ - '0');
    if (p - ys != 4) return false;
    t.y = y;
    t.year_last = true;
    t.sep = c;
  } else if (n == 8 && digits && (p == e || *p == ' ' || *p == 'T')) {
    t.y = static_cast<int>(v / 10000);
    t.a = static_cast<int>(v / 100 % 100);
    t.b = static_cast<int>(v % 100);
    t.compact = true;
  } else if (serials && n == 5) {
    return scan_serial(s, e, allow_time, t);
  } else {
    return false;
  }
  if (p == e) return true;
  if (!allow_time) return false;
  if (!scan_time(p, e, after_ri, t.tod)) return false;
  t.has_time = true;
  return true;
}

// Days since 1970-01-01 for scanned parts under an order; false for impossible dates.
inline bool resolve_date(const TParts& t, DateOrder order, int64_t& days) {
  if (t.serial) {
    days = t.serial_days;
    return true;
  }
  int m = t.a, d = t.b;
  if (t.year_last) {
    if (order == DateOrder::DMY) std::swap(m, d);
    else if (order != DateOrder::MDY) return false;
  }
  if (!valid_ymd(t.y, m, d)) return false;
  days = civil_days(t.y, m, d);
  return true;
}

// [SECTION] parse_cell and the single-value parsers

// Integer cells: sign + core. The plain style is written out for speed.
inline bool parse_int_cell(const char* p, const char* e, char dp, char th, int64_t& out) {
  bool neg = false;
  if (p < e && (*p == '-' || *p == '+')) neg = *p++ == '-';
  if (th == 0) {
    const char* s = p;
    uint64_t m = 0;
    while (p < e && is_digit(*p)) m = m * 10 + static_cast<unsigned>(*p++ - '0');
    const ptrdiff_t n = p - s;
    if (p != e || n == 0 || n > 19 || (n > 1 && *s == '0')) return false;
    return to_int64(m, neg, out);
  }
  uint64_t mag;
  double unused;
  if (scan_styled(p, e, dp, th, false, false, mag, unused) != Num::Int) return false;
  return to_int64(mag, neg, out);
}

inline bool parse_dec_cell(const char* p, const char* e, char dp, char th, double& out) {
  bool neg = false;
  if (p < e && (*p == '-' || *p == '+')) neg = *p++ == '-';
  uint64_t mag = 0;
  double val = 0;
  const Num r = scan_core(p, e, dp, th, true, false, mag, val);
  return core_value(r, mag, val, neg, false, out);
}

bool parse_money_cell(const ColumnFormat& f, const char* p, const char* e, double& out) {
  NumWrap w;
  if (!unwrap_number(p, e, w) || w.pct) return false;
  if (w.cur && w.cur != currency_of_unit(f.unit)) return false;
  uint64_t mag = 0;
  double val = 0;
  const Num r = scan_core(w.cp, w.ce, f.decimal_point, f.thousands, false, false, mag, val);
  return core_value(r, mag, val, w.neg, false, out);
}

bool parse_pct_cell(const ColumnFormat& f, const char* p, const char* e, double& out) {
  NumWrap w;
  if (!unwrap_number(p, e, w) || !w.pct) return false;
  uint64_t mag = 0;
  double val = 0;
  const Num r = scan_core(w.cp, w.ce, f.decimal_point, f.thousands, false, true, mag, val);
  return core_value(r, mag, val, w.neg, true, out);
}

inline bool d2(const char* p) { return is_digit(p[0]) && is_digit(p[1]); }
inline int v2(const char* p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

// The common shapes "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS" ('-' or '/', ' ' or 'T'), read at
// fixed offsets. 1 parsed, 0 not of this shape (the general scanner decides), -1 invalid.
inline int parse_iso_fast(const char* p, const char* e, bool datetime, int64_t& out) {
  const ptrdiff_t n = e - p;
  if (n != 10 && n != 19) return 0;
  const char sep = p[4];
  if ((sep != '-' && sep != '/') || p[7] != sep || !d2(p) || !d2(p + 2) || !d2(p + 5) || !d2(p + 8)) return 0;
  int64_t tod = 0;
  if (n == 19) {
    if (!datetime) return -1;
    if ((p[10] != ' ' && p[10] != 'T') || p[13] != ':' || p[16] != ':' || !d2(p + 11) || !d2(p + 14) ||
        !d2(p + 17))
      return 0;
    const int hh = v2(p + 11), mm = v2(p + 14), ss = v2(p + 17);
    if (hh > 23 || mm > 59 || ss > 60) return -1;
    tod = hh * 3600 + mm * 60 + ss;
  }
  const int y = v2(p) * 100 + v2(p + 2), m = v2(p + 5), d = v2(p + 8);
  if (!valid_ymd(y, m, d)) return -1;
  const int64_t days = civil_days(y, m, d);
  out = datetime ? days * 86400 + tod : days;
  return 1;
}

bool parse_temporal_cell(const ColumnFormat& f, const char* p, const char* e, bool datetime, int64_t& out) {
  if (const int r = parse_iso_fast(p, e, datetime, out)) return r > 0;
  TParts t;
  if (!scan_temporal(p, e, true, f.excel_serial, datetime, t)) return false;
  int64_t days;
  if (!resolve_date(t, f.date_order, days)) return false;
  out = datetime ? days * 86400 + t.tod : days;
  return true;
}

}  // namespace

bool parse_cell(const ColumnFormat& f, std::string_view text, int64_t& i, double& d) {
  const char* p = text.data();
  const char* e = p + text.size();
  trim_ptrs(p, e);
  switch (f.type) {
    case ColumnType::Integer: return parse_int_cell(p, e, f.decimal_point, f.thousands, i);
    case ColumnType::Decimal: return parse_dec_cell(p, e, f.decimal_point, f.thousands, d);
    case ColumnType::Money: return parse_money_cell(f, p, e, d);
    case ColumnType::Percent: return parse_pct_cell(f, p, e, d);
    case ColumnType::Date: return parse_temporal_cell(f, p, e, false, i);
    case ColumnType::DateTime: return parse_temporal_cell(f, p, e, true, i);
    case ColumnType::Boolean: {
      const int b = bool_token(p, e, true, nullptr);
      if (b < 0) return false;
      i = b;
      return true;
    }
    case ColumnType::Category:
    case ColumnType::Text: return false;  // kept as text by build_column, never parsed
  }
  return false;
}

std::string_view trim_value(std::string_view s) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  return std::string_view(p, static_cast<size_t>(e - p));
}

bool is_missing_token(std::string_view s) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  return missing_trimmed(p, e);
}

std::optional<int64_t> parse_integer(std::string_view s) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  int64_t v;
  if (!parse_int_cell(p, e, '.', 0, v)) return std::nullopt;
  return v;
}

std::optional<double> parse_decimal(std::string_view s) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  double v;
  if (!parse_dec_cell(p, e, '.', 0, v)) return std::nullopt;
  return v;
}

std::optional<bool> parse_boolean(std::string_view s) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  const int b = bool_token(p, e, false, nullptr);
  if (b < 0) return std::nullopt;
  return b == 1;
}

std::optional<int64_t> parse_date(std::string_view s, DateOrder order) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  TParts t;
  int64_t days;
  if (!scan_temporal(p, e, false, false, false, t) || !resolve_date(t, order, days)) return std::nullopt;
  return days;
}

std::optional<int64_t> parse_datetime(std::string_view s, DateOrder order) {
  const char* p = s.data();
  const char* e = p + s.size();
  trim_ptrs(p, e);
  TParts t;
  int64_t days;
  if (!scan_temporal(p, e, false, false, true, t) || !t.has_time || !resolve_date(t, order, days))
    return std::nullopt;
  return days * 86400 + t.tod;
}

// [SECTION] Inference

namespace {

bool is_date_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"date", "day",  "time", "datetime",  "timestamp", "dt",
                                                "dob",  "birthday", "birthdate", "created", "updated"};
  for (std::string_view k : kWords)
    if (w.size() == k.size() && ieq(w.data(), w.data() + w.size(), k)) return true;
  return false;
}

bool date_like_name(std::string_view name) {
  name = trim_sv(name);
  for (std::string_view zh : {"日期", "时间", "时刻", "生日"})
    if (name.find(zh) != std::string_view::npos) return true;
  if (name.size() >= 3 && name.substr(name.size() - 3) == "日") return true;
  if (name == "下单" || name == "注册") return true;
  // ASCII words: runs of letters, split at camelCase ("OrderDate", "OrderDT", "DTCreated").
  size_t i = 0;
  while (i < name.size()) {
    if (!is_alpha(name[i])) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    auto up = [&](size_t k) { return name[k] >= 'A' && name[k] <= 'Z'; };
    while (j < name.size() && is_alpha(name[j])) {
      if (up(j) && !up(j - 1)) break;                                       // orderDate
      if (up(j) && up(j - 1) && j + 1 < name.size() && is_alpha(name[j + 1]) && !up(j + 1)) break;  // DTCreated
      ++j;
    }
    if (is_date_word(name.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

}  // namespace

ColumnFormat infer_format(const std::vector<std::string_view>& sample, const InferOptions& opt) {
  const bool hinted = date_like_name(opt.column_name);

  size_t present = 0;
  // Boolean
  bool can_bool = true, saw_yn = false, saw_word = false;
  // Numbers
  bool can_num = true, any_pct = false, any_plain = false, any_paren = false, any_exp = false;
  bool any_cny_sign = false;
  uint8_t cur = kNoCurrency;
  unsigned style_ok = (1u << kNumStyles) - 1, style_int = style_ok;
  // Dates
  bool can_time = true, any_time = false, any_serial = false, any_digits_only = false;
  bool dmy_ok = true, mdy_ok = true, any_year_last = false;
  char first_sep = 0;

  for (std::string_view v : sample) {
    const char* p = v.data();
    const char* e = p + v.size();
    trim_ptrs(p, e);
    if (missing_trimmed(p, e)) continue;
    ++present;  // counted for every value: the category rule needs them all
    if (!can_bool && !can_num && !can_time) continue;

    if (can_bool) {
      bool yn = false;
      if (bool_token(p, e, true, &yn) < 0) can_bool = false;
      else if (yn) saw_yn = true;
      else saw_word = true;
    }

    if (can_num) {
      NumWrap w;
      if (!unwrap_number(p, e, w)) {
        can_num = false;
      } else {
        if (w.pct) any_pct = true;
        else if (!w.cur && !w.paren) any_plain = true;
        if (w.paren) any_paren = true;
        if (w.cur) {
          if (cur && cur != w.cur) can_num = false;
          cur = w.cur;
          if (w.cur == kCNY && !w.yuan) any_cny_sign = true;
        }
        const bool exp_ok = !w.pct && !w.cur && !w.paren;
        for (int s = 0; s < kNumStyles && can_num; ++s) {
          if (!(style_ok >> s & 1)) continue;
          uint64_t mag = 0;
          double val = 0;
          const Num r = scan_core(w.cp, w.ce, kStyles[s].dp, kStyles[s].th, exp_ok, w.pct, mag, val);
          double out;
          if (!core_value(r, mag, val, w.neg, w.pct, out)) {
            style_ok &= ~(1u << s);
            continue;
          }
          if (r != Num::Int) style_int &= ~(1u << s);
          if (r == Num::Dec && std::find_if(w.cp, w.ce, [](char c) { return c == 'e' || c == 'E'; }) != w.ce)
            any_exp = true;
        }
        if (style_ok == 0) can_num = false;
        if (any_pct && (any_plain || cur || any_paren)) can_num = false;  // percents are all-or-nothing
      }
    }

    if (can_time) {
      TParts t;
      if (!scan_temporal(p, e, hinted, hinted, true, t)) {
        can_time = false;
      } else {
        if (t.has_time) any_time = true;
        if (t.serial) any_serial = true;
        if (t.serial || t.compact) any_digits_only = true;
        int64_t days;
        if (t.year_last) {
          if (!any_year_last) first_sep = t.sep;
          any_year_last = true;
          if (dmy_ok && !resolve_date(t, DateOrder::DMY, days)) dmy_ok = false;
          if (mdy_ok && !resolve_date(t, DateOrder::MDY, days)) mdy_ok = false;
          if (!dmy_ok && !mdy_ok) can_time = false;
        } else if (!resolve_date(t, DateOrder::YMD, days)) {
          can_time = false;
        }
      }
    }

  }

  ColumnFormat f;
  if (present == 0) return f;  // Text
  if (can_bool && (!saw_yn || saw_word)) {
    f.type = ColumnType::Boolean;
    return f;
  }

  auto temporal = [&] {
    f.type = any_time ? ColumnType::DateTime : ColumnType::Date;
    f.excel_serial = any_serial;
    if (!any_year_last) {
      f.date_order = opt.date_order.value_or(DateOrder::YMD);
    } else if (dmy_ok && mdy_ok) {
      if (opt.date_order && *opt.date_order != DateOrder::YMD) f.date_order = *opt.date_order;
      else f.date_order = first_sep == '/' ? DateOrder::MDY : DateOrder::DMY;
    } else {
      f.date_order = dmy_ok ? DateOrder::DMY : DateOrder::MDY;
    }
    return f;
  };
  if (can_time && hinted && any_digits_only) return temporal();

  if (can_num) {
    int s = 0;
    while (!(style_ok >> s & 1)) ++s;
    f.decimal_point = kStyles[s].dp;
    f.thousands = kStyles[s].th;
    if (any_pct) {
      f.type = ColumnType::Percent;
      return f;
    }
    if (!cur && !any_paren) {
      f.type = (style_int >> s & 1) ? ColumnType::Integer : ColumnType::Decimal;
      return f;
    }
    if (cur && !any_exp) {
      f.type = ColumnType::Money;
      switch (cur) {
        case kCNY: f.unit = any_cny_sign ? "\xC2\xA5" : "\xE5\x85\x83"; break;
        case kUSD: f.unit = "$"; break;
        case kEUR: f.unit = "\xE2\x82\xAC"; break;
        case kGBP: f.unit = "\xC2\xA3"; break;
      }
      return f;
    }
    f.decimal_point = '.';
    f.thousands = 0;
  }

  if (can_time) return temporal();

  // Category when the trimmed values repeat enough and are short labels, else Text.
  constexpr size_t kMaxLabelBytes = 200;
  const size_t limit = std::max<size_t>(present / 2, 20);
  std::unordered_set<std::string_view> distinct;
  distinct.reserve(std::min(limit + 1, sample.size()));
  for (std::string_view v : sample) {
    const char* p = v.data();
    const char* e = p + v.size();
    trim_ptrs(p, e);
    if (missing_trimmed(p, e)) continue;
    if (static_cast<size_t>(e - p) > kMaxLabelBytes) return f;  // Text: a label is not a paragraph
    distinct.insert(std::string_view(p, static_cast<size_t>(e - p)));
    if (distinct.size() > limit) return f;  // Text
  }
  f.type = ColumnType::Category;
  return f;
}

ColumnType infer_type(const std::vector<std::string_view>& values) { return infer_format(values).type; }

// [SECTION] Building columns

Column build_column(std::string name, const ColumnFormat& format, const std::vector<std::string_view>& values,
                    std::vector<size_t>* bad) {
  const ColumnType type = format.type;
  Column c(std::move(name), type);
  if (type == ColumnType::Money) c.unit = format.unit;
  const size_t n = values.size();
  switch (type) {
    case ColumnType::Integer: case ColumnType::Date: case ColumnType::DateTime: case ColumnType::Boolean:
      c.ints.reserve(n);
      break;
    case ColumnType::Decimal: case ColumnType::Money: case ColumnType::Percent: c.nums.reserve(n); break;
    case ColumnType::Category: c.codes.reserve(n); break;
    case ColumnType::Text: break;
  }
  const bool ints = type == ColumnType::Integer || type == ColumnType::Date || type == ColumnType::DateTime ||
                    type == ColumnType::Boolean;
  for (size_t r = 0; r < n; ++r) {
    const std::string_view v = values[r];
    if (is_missing_token(v)) {
      c.push_missing();
      continue;
    }
    if (type == ColumnType::Category) {
      c.push_code(c.intern(trim_sv(v)));
      continue;
    }
    if (type == ColumnType::Text) {
      c.push_text(v);
      continue;
    }
    int64_t i = 0;
    double d = 0;
    if (!parse_cell(format, v, i, d)) {
      if (bad) bad->push_back(r);
      c.push_missing();
    } else if (ints) {
      c.push_int(i);
    } else {
      c.push_num(d);
    }
  }
  return c;
}

}  // namespace seglens
