#include "seglens/csv.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "seglens/infer.hpp"

namespace seglens {

namespace {

constexpr std::array<char, 4> kDelimiters = {',', '\t', ';', '|'};

// Line breaks in `s`: \n, \r\n and a bare \r each count once.
size_t count_line_breaks(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
  return n;
}

// One parsed record: its fields, the line it started on and its raw text.
struct Record {
  std::vector<std::string_view> fields;
  size_t line = 0;
  std::string_view raw;
  bool unterminated = false;
};

// RFC 4180 record reader over a whole buffer. Unquoted fields are views into the input; quoted
// fields with doubled quotes are unescaped into `scratch`, which is sized to the input up front
// so its views stay valid.
class RecordReader {
 public:
  RecordReader(std::string_view text, char delim) : s_(text), delim_(delim) { scratch_.reserve(text.size()); }

  bool next(Record& r) {
    r.fields.clear();
    r.unterminated = false;
    if (pos_ >= s_.size()) return false;
    r.line = line_;
    const size_t start = pos_;
    for (;;) {
      // one field
      if (pos_ < s_.size() && s_[pos_] == '"') {
        ++pos_;
        size_t fstart = pos_;
        bool escaped = false;
        for (;;) {
          const char* q = static_cast<const char*>(std::memchr(s_.data() + pos_, '"', s_.size() - pos_));
          size_t qpos = q ? static_cast<size_t>(q - s_.data()) : s_.size();
          line_ += count_line_breaks(s_.substr(pos_, qpos - pos_));
          if (!q) {  // unterminated: the rest of the file is this field
            pos_ = s_.size();
            r.fields.push_back(s_.substr(fstart));
            r.unterminated = true;
            r.raw = s_.substr(start);
            return true;
          }
          pos_ = qpos + 1;
          if (pos_ < s_.size() && s_[pos_] == '"') { escaped = true; ++pos_; continue; }
          break;
        }
        std::string_view body = s_.substr(fstart, pos_ - 1 - fstart);
        if (escaped) body = unescape(body);
        // Text after the closing quote up to the delimiter is kept (lenient, like Excel).
        size_t tail = pos_;
        while (pos_ < s_.size() && s_[pos_] != delim_ && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
        if (pos_ > tail) {
          // An unescaped body is already the end of `scratch_`: append only the extra text, so
          // the scratch never outgrows the input (and never moves under earlier views).
          std::string_view extra = s_.substr(tail, pos_ - tail);
          size_t at = scratch_.size();
          if (escaped) at -= body.size();
          else scratch_.append(body);
          scratch_.append(extra);
          body = std::string_view(scratch_).substr(at);
        }
        r.fields.push_back(body);
      } else {
        size_t fstart = pos_;
        while (pos_ < s_.size() && s_[pos_] != delim_ && s_[pos_] != '\n' && s_[pos_] != '\r') ++pos_;
        r.fields.push_back(s_.substr(fstart, pos_ - fstart));
      }
      if (pos_ >= s_.size()) break;
      char c = s_[pos_];
      if (c == delim_) { ++pos_; continue; }
      // end of record: \n, \r or \r\n
      size_t end = pos_;
      ++pos_;
      if (c == '\r' && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
      ++line_;
      r.raw = s_.substr(start, end - start);
      return true;
    }
    r.raw = s_.substr(start);
    return true;
  }

 private:
  std::string_view unescape(std::string_view body) {
    size_t at = scratch_.size();
    for (size_t i = 0; i < body.size(); ++i) {
      scratch_.push_back(body[i]);
      if (body[i] == '"' && i + 1 < body.size() && body[i + 1] == '"') ++i;
    }
    return std::string_view(scratch_).substr(at);
  }

  std::string_view s_;
  char delim_;
  size_t pos_ = 0;
  size_t line_ = 1;
  std::string scratch_;
};

bool is_blank(const Record& r) { return r.fields.size() == 1 && r.fields[0].empty() && !r.unterminated; }

std::string cut(std::string_view s, size_t n = 512) {
  if (s.size() <= n) return std::string(s);
  // do not cut inside a UTF-8 sequence
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

std::string header_name(std::string_view raw, size_t index) {
  std::string_view t = raw;
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  if (t.empty()) return "column_" + std::to_string(index + 1);
  return std::string(t);
}

}  // namespace

char sniff_delimiter(std::string_view text) {
  // Count each candidate outside quotes on the first lines; prefer the one whose count is the
  // same non-zero number on most lines, then the larger count.
  std::array<std::vector<int>, kDelimiters.size()> counts;
  size_t pos = 0;
  int lines = 0;
  while (pos < text.size() && lines < 30) {
    std::array<int, kDelimiters.size()> c{};
    bool quoted = false;
    for (; pos < text.size(); ++pos) {
      char ch = text[pos];
      if (ch == '"') quoted = !quoted;
      else if (!quoted && (ch == '\n' || ch == '\r')) break;
      else if (!quoted)
        for (size_t k = 0; k < kDelimiters.size(); ++k) c[k] += ch == kDelimiters[k];
    }
    while (pos < text.size() && (text[pos] == '\n' || text[pos] == '\r')) ++pos;
    for (size_t k = 0; k < kDelimiters.size(); ++k) counts[k].push_back(c[k]);
    ++lines;
  }
  char best = ',';
  int best_agree = 0, best_count = 0;
  for (size_t k = 0; k < kDelimiters.size(); ++k) {
    std::unordered_map<int, int> freq;
    for (int v : counts[k])
      if (v > 0) ++freq[v];
    for (auto [value, agree] : freq) {
      if (agree > best_agree || (agree == best_agree && value > best_count)) {
        best = kDelimiters[k];
        best_agree = agree;
        best_count = value;
      }
    }
  }
  return best;
}

ReadResult read_csv(std::string_view bytes, std::string_view file_name, const CsvOptions& opt) {
  ReadResult out;
  out.report.file = std::string(file_name);
  auto fail = [&](std::string msg) {
    out.ok = false;
    out.error = std::string(file_name) + ": " + msg;
    return out;
  };
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0) bytes.remove_prefix(3);
  if (bytes.empty()) return fail("the file is empty");
  if (std::memchr(bytes.data(), '\0', std::min<size_t>(bytes.size(), 8192)))
    return fail("the file holds NUL bytes: it looks binary, not delimited text");

  const char delim = opt.delimiter ? opt.delimiter : sniff_delimiter(bytes);
  out.report.delimiter = delim;
  RecordReader reader(bytes, delim);
  Record rec;

  std::vector<std::string> names;
  if (opt.header) {
    while (reader.next(rec) && is_blank(rec)) ++out.report.blank_lines;
    if (rec.fields.empty() || is_blank(rec)) return fail("the file has no header line");
    if (rec.unterminated) return fail("line " + std::to_string(rec.line) + ": the header has an unterminated quote");
    for (size_t i = 0; i < rec.fields.size(); ++i) names.push_back(header_name(rec.fields[i], i));
  }
  // Make names unique: "amount", "amount_2", ...
  std::unordered_map<std::string, int> seen;
  for (auto& n : names) {
    int k = ++seen[n];
    if (k > 1) {
      std::string candidate;
      do candidate = n + "_" + std::to_string(k++);
      while (seen.count(candidate));
      seen[candidate] = 1;
      n = candidate;
    }
  }

  std::vector<std::vector<std::string_view>> cells(names.size());
  std::vector<size_t> kept_lines;
  auto reject = [&](const Record& r, size_t column, std::string reason) {
    ++out.report.rows_rejected;
    if (out.report.rejected.size() < opt.max_rejected_kept)
      out.report.rejected.push_back({r.line, column, cut(r.raw), std::move(reason)});
  };

  bool first = !opt.header;
  while (first || reader.next(rec)) {
    if (first) {
      first = false;
      bool got = reader.next(rec);
      for (; got && is_blank(rec); got = reader.next(rec)) ++out.report.blank_lines;
      if (!got) break;
      for (size_t i = 0; i < rec.fields.size(); ++i) names.push_back("column_" + std::to_string(i + 1));
      cells.resize(names.size());
    }
    if (is_blank(rec)) { ++out.report.blank_lines; continue; }
    ++out.report.records;
    if (rec.unterminated) {
      reject(rec, rec.fields.size(), "a quoted field is never closed: it runs from here to the end of the file");
      continue;
    }
    if (rec.fields.size() != names.size()) {
      reject(rec, std::min(rec.fields.size(), names.size()) + 1,
             "expected " + std::to_string(names.size()) + " fields, found " + std::to_string(rec.fields.size()));
      continue;
    }
    for (size_t c = 0; c < names.size(); ++c) cells[c].push_back(rec.fields[c]);
    kept_lines.push_back(rec.line);
  }

  out.report.rows_kept = kept_lines.size();
  for (size_t c = 0; c < names.size(); ++c) {
    ColumnType t = infer_type(cells[c]);
    std::vector<size_t> bad;
    out.table.columns.push_back(build_column(names[c], t, cells[c], &bad));
    for (size_t i : bad) {  // cannot happen with whole-column inference, but never drop silently
      out.report.warnings.push_back("line " + std::to_string(kept_lines[i]) + ", column " + std::to_string(c + 1) +
                                    " (" + names[c] + "): '" + cut(cells[c][i], 80) + "' is not a " +
                                    std::string(to_string(t)) + "; stored as missing");
    }
  }
  out.table.name = std::string(file_name);
  if (out.report.records == 0) out.report.warnings.push_back("the file has a header but no data rows");
  out.ok = true;
  return out;
}

namespace {

// The shortest of %.15g, %.16g, %.17g that reads back as the same double.
void append_double(std::string& out, double v) {
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (parse_decimal(buf) == v) break;
  }
  out.append(buf);
}

}  // namespace

void append_csv_field(std::string& out, std::string_view f) {
  if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(f);
    return;
  }
  out.push_back('"');
  for (char ch : f) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  out.push_back('"');
}

std::string write_csv(const Table& table) {
  std::string out;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c) out.push_back(',');
    append_csv_field(out, table.columns[c].name);
  }
  out.push_back('\n');
  const size_t rows = table.rows();
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (c) out.push_back(',');
      const Column& col = table.columns[c];
      if (col.type == ColumnType::Money) {  // plain number: the unit stays in the header's meaning
        if (!col.is_missing(r)) {
          char buf[48];
          std::snprintf(buf, sizeof buf, "%.2f", col.nums[r]);
          out.append(buf);
        }
      } else if (col.type == ColumnType::Decimal) {  // every digit, so a re-read gives the same value
        if (!col.is_missing(r)) append_double(out, col.nums[r]);
      } else {
        append_csv_field(out, col.format(r));
      }
    }
    out.push_back('\n');
  }
  return out;
}

}  // namespace seglens
