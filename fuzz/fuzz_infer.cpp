// libFuzzer target for src/core/infer.cpp: infer_format, parse_cell, build_column and the
// single-value parsers on arbitrary text. Any broken invariant is a __builtin_trap():
// - the format infer_format picks reads every non-missing sample value (unless Category/Text),
//   and infer_type agrees with it;
// - parse_cell ignores surrounding white space, is deterministic, and never reads outside its
//   view (each value is copied into an exact-size heap buffer, so ASan sees an over-read);
// - what an Integer format reads, the Decimal format of the same style reads to the same value;
//   what a Date format reads, the DateTime format reads as midnight of that day;
// - parse_integer / parse_decimal / parse_date agree with parse_cell under the default formats;
// - build_column gives one cell per value; bad indices are exactly the non-missing values that
//   parse_cell rejects, and the others hold what parse_cell gave.
// Input: the first line is the column name, the second byte of the input picks the date option,
// the other lines are the sample.
//
// Build and run: fuzz/run.sh 60 infer
// fuzz-sources: src/core/infer.cpp src/core/table.cpp
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "seglens/infer.hpp"

namespace {

using namespace seglens;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

struct Parsed {
  bool ok = false;
  int64_t i = 0;
  double d = 0;
};

Parsed parse_exact(const ColumnFormat& f, std::string_view s) {
  std::unique_ptr<char[]> buf(new char[s.size() ? s.size() : 1]);
  if (!s.empty()) std::memcpy(buf.get(), s.data(), s.size());
  Parsed p;
  p.ok = parse_cell(f, std::string_view(buf.get(), s.size()), p.i, p.d);
  return p;
}

bool equal(const Parsed& a, const Parsed& b, bool ints) {
  if (a.ok != b.ok) return false;
  if (!a.ok) return true;
  return ints ? a.i == b.i : same(a.d, b.d);
}

ColumnFormat make(ColumnType t, char dp, char th) {
  ColumnFormat f;
  f.type = t;
  f.decimal_point = dp;
  f.thousands = th;
  return f;
}

bool int_stored(ColumnType t) {
  return t == ColumnType::Integer || t == ColumnType::Date || t == ColumnType::DateTime || t == ColumnType::Boolean;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t k = 0; k <= in.size(); ++k)
    if (k == in.size() || in[k] == '\n') {
      lines.push_back(in.substr(start, k - start));
      start = k + 1;
    }
  const std::string_view name = lines.front();
  std::vector<std::string_view> sample(lines.begin() + 1, lines.end());

  InferOptions opt;
  opt.column_name = name;
  if (size > 1 && (data[1] & 3) != 3) opt.date_order = static_cast<DateOrder>(data[1] & 3);

  // The inferred format reads its sample.
  const ColumnFormat f = infer_format(sample, opt);
  check(infer_type(sample) == infer_format(sample).type);
  if (f.type != ColumnType::Category && f.type != ColumnType::Text)
    for (std::string_view v : sample)
      if (!is_missing_token(v)) check(parse_exact(f, v).ok);

  // Every value under a spread of formats.
  static const char styles[][2] = {{'.', 0}, {'.', ','}, {'.', ' '}, {'.', '\''}, {',', 0}, {',', '.'}, {',', ' '}};
  for (std::string_view v : sample) {
    const std::string padded = " \t" + std::string(v) + "\xC2\xA0 ";
    for (const auto& st : styles) {
      const ColumnFormat fi = make(ColumnType::Integer, st[0], st[1]);
      const ColumnFormat fd = make(ColumnType::Decimal, st[0], st[1]);
      const Parsed pi = parse_exact(fi, v), pd = parse_exact(fd, v);
      check(equal(pi, parse_exact(fi, padded), true));
      check(equal(pd, parse_exact(fd, padded), false));
      if (pi.ok) check(pd.ok && pd.d == static_cast<double>(pi.i));
      for (ColumnType t : {ColumnType::Money, ColumnType::Percent}) {
        ColumnFormat fm = make(t, st[0], st[1]);
        fm.unit = t == ColumnType::Money ? "\xC2\xA5" : "";
        const Parsed a = parse_exact(fm, v);
        check(equal(a, parse_exact(fm, v), false));
        check(equal(a, parse_exact(fm, padded), false));
        if (a.ok) check(std::isfinite(a.d));
      }
    }
    for (DateOrder o : {DateOrder::YMD, DateOrder::DMY, DateOrder::MDY})
      for (bool serial : {false, true}) {
        ColumnFormat fdate = make(ColumnType::Date, '.', 0), fdt = make(ColumnType::DateTime, '.', 0);
        fdate.date_order = fdt.date_order = o;
        fdate.excel_serial = fdt.excel_serial = serial;
        const Parsed a = parse_exact(fdate, v), b = parse_exact(fdt, v);
        check(equal(a, parse_exact(fdate, padded), true));
        check(equal(b, parse_exact(fdt, padded), true));
        if (a.ok) check(b.ok && b.i == a.i * 86400);
        if (a.ok) check(a.i >= -354285 && a.i <= 2932896);  // 1000-01-01 .. 9999-12-31
      }
    const Parsed pb = parse_exact(make(ColumnType::Boolean, '.', 0), v);
    if (pb.ok) check(pb.i == 0 || pb.i == 1);

    // The single-value parsers are the default formats.
    const Parsed i0 = parse_exact(make(ColumnType::Integer, '.', 0), v);
    const auto pi = parse_integer(v);
    check(pi.has_value() == i0.ok && (!pi || *pi == i0.i));
    const Parsed d0 = parse_exact(make(ColumnType::Decimal, '.', 0), v);
    const auto pd = parse_decimal(v);
    check(pd.has_value() == d0.ok && (!pd || same(*pd, d0.d)));
    if (auto pdate = parse_date(v)) {
      ColumnFormat fdate = make(ColumnType::Date, '.', 0);
      fdate.date_order = DateOrder::MDY;
      const Parsed a = parse_exact(fdate, v);
      check(a.ok && a.i == *pdate);
    }
    if (auto pdt = parse_datetime(v)) {
      ColumnFormat fdt = make(ColumnType::DateTime, '.', 0);
      fdt.date_order = DateOrder::MDY;
      const Parsed a = parse_exact(fdt, v);
      check(a.ok && a.i == *pdt);
    }
  }

  // build_column with the inferred format and with Integer.
  for (const ColumnFormat& bf : {f, make(ColumnType::Integer, '.', ',')}) {
    std::vector<size_t> bad;
    const Column c = build_column("c", bf, sample, &bad);
    check(c.size() == sample.size());
    size_t next_bad = 0;
    for (size_t r = 0; r < sample.size(); ++r) {
      if (is_missing_token(sample[r])) {
        check(c.is_missing(r));
        continue;
      }
      if (bf.type == ColumnType::Category || bf.type == ColumnType::Text) {
        check(!c.is_missing(r));
        continue;
      }
      const Parsed p = parse_exact(bf, sample[r]);
      if (!p.ok) {
        check(next_bad < bad.size() && bad[next_bad] == r && c.is_missing(r));
        ++next_bad;
      } else {
        check(!c.is_missing(r));
        check(int_stored(bf.type) ? c.ints[r] == p.i : same(c.nums[r], p.d));
      }
    }
    check(next_bad == bad.size());
  }
  return 0;
}
