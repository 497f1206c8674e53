// Delimited text: sniffing the delimiter, the streaming RFC 4180 reader, and writing CSV.
#include "seglens/csv.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "seglens/infer.hpp"
#include "seglens/ingest.hpp"

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

std::string_view trim_line_end(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

// [SECTION] Delimiter sniffing

char sniff_delimiter(std::string_view text) {
  // Count each candidate outside quotes on the first lines; prefer the one whose count is the
  // same non-zero number on most lines, then the larger count.
  std::array<std::vector<int>, kDelimiters.size()> counts;
  size_t pos = 0;
  int lines = 0;
  while (pos < text.size() && lines < 100) {
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
    if (pos >= text.size() && lines > 0) break;  // a last line cut by the sample is not evidence
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

// [SECTION] Streaming reader

CsvReader::CsvReader(RowSink& sink, char delimiter, bool header)
    : sink_(sink), delim_(delimiter ? delimiter : ','), header_(header) {}

void CsvReader::feed(std::string_view text) {
  if (text.empty()) return;
  if (pending_cr_) {  // the last chunk ended with \r: a \n here belongs to that line end
    pending_cr_ = false;
    if (text.front() == '\n') text.remove_prefix(1);
  }
  if (carry_.empty()) {
    used_rest(text);
    return;
  }
  auto odd_quotes = [](std::string_view t) { return std::count(t.begin(), t.end(), '"') % 2 != 0; };
  // The carried record usually ends early in `text`: copy just up to that line end, parse the
  // record, then parse the rest of `text` where it lies (no copy of the whole chunk). Quote
  // parity tells where the record ends in well-formed CSV (doubled quotes count twice); with
  // stray quotes the parser may disagree, and then the carry is read the slow way until it empties.
  bool quoted = carry_odd_quotes_;
  size_t end = 0;
  if (fast_carry_)
    for (; end < text.size(); ++end) {
      const char c = text[end];
      if (c == '"') quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r')) break;
    }
  if (fast_carry_ && end + 1 < text.size()) {  // a line end, with bytes after it (\r\n decidable)
    size_t cut = end + 1;
    if (text[end] == '\r' && text[cut] == '\n') ++cut;
    carry_.append(text.substr(0, cut));
    const size_t used = parse(carry_, false);
    pending_cr_ = false;  // a \r at the end of the carry: the byte after it was seen in `text`
    if (used == carry_.size()) {
      carry_.clear();
      used_rest(text.substr(cut));
      return;
    }
    carry_.erase(0, used);
    carry_odd_quotes_ = odd_quotes(carry_);
    fast_carry_ = false;
    text.remove_prefix(cut);
  }
  carry_.append(text);
  carry_odd_quotes_ = carry_odd_quotes_ != odd_quotes(text);
  // An incomplete record is re-scanned only once the buffer has doubled, so a huge record (or an
  // unterminated quote) costs linear time, not quadratic.
  if (carry_.size() < retry_at_) return;
  const size_t used = parse(carry_, false);
  carry_.erase(0, used);
  if (used) carry_odd_quotes_ = odd_quotes(carry_);
  retry_at_ = carry_.size() * 2;
}

// Parses `text` in place; what is left (an incomplete record) becomes the carry.
void CsvReader::used_rest(std::string_view text) {
  const size_t used = parse(text, false);
  carry_.assign(text.substr(used));
  carry_odd_quotes_ = std::count(carry_.begin(), carry_.end(), '"') % 2 != 0;
  fast_carry_ = true;
  retry_at_ = 0;
}

void CsvReader::finish() {
  if (!carry_.empty()) parse(carry_, true);
  carry_.clear();
  if (!header_done_ && header_) sink_.set_columns({});
}

// Parses the complete records of `s`; returns the offset of the first incomplete one (s.size()
// when all were complete). With `final`, the end of `s` ends the last record.
size_t CsvReader::parse(std::string_view s, bool final) {
  // Which bytes end an unquoted field.
  std::array<bool, 256> stop{};
  stop[static_cast<unsigned char>(delim_)] = stop['\n'] = stop['\r'] = true;
  const size_t n = s.size();
  size_t pos = 0;
  while (pos < n) {
    const size_t start = pos;
    size_t extra_lines = 0;
    bool unterminated = false, complete = false;
    fields_.clear();
    scratch_.clear();
    while (true) {
      if (pos < n && s[pos] == '"') {  // quoted field
        size_t q = pos + 1, seg = q;
        const size_t at = scratch_.size();  // where this field's unescaped text starts
        bool escaped = false;
        bool closed = false;
        while (true) {
          const void* hit = q < n ? std::memchr(s.data() + q, '"', n - q) : nullptr;
          if (!hit) break;
          q = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
          if (q + 1 < n && s[q + 1] == '"') {  // doubled quote
            // Unescaped text goes to scratch_; reserving the rest of the buffer up front means it
            // never reallocates within this record, so views into it stay valid.
            if (scratch_.capacity() < n - start) scratch_.reserve(n - start);
            escaped = true;
            scratch_.append(s.substr(seg, q + 1 - seg));
            q += 2;
            seg = q;
            continue;
          }
          if (q + 1 == n && !final) break;  // cannot tell yet whether a quote follows
          closed = true;
          break;
        }
        if (!closed) {
          if (!final) return start;
          unterminated = true;  // the rest of the input is this field
          extra_lines += count_line_breaks(s.substr(pos + 1));
          fields_.push_back(s.substr(pos + 1, n - pos - 1));
          pos = n;
          complete = true;
          break;
        }
        extra_lines += count_line_breaks(s.substr(pos + 1, q - pos - 1));
        size_t tail = q + 1;
        size_t after = tail;
        while (after < n && !stop[static_cast<unsigned char>(s[after])]) ++after;
        if (escaped || after > tail) {  // the field's text is assembled in scratch
          if (scratch_.capacity() < n - start) scratch_.reserve(n - start);
          if (escaped) scratch_.append(s.substr(seg, q - seg));
          else scratch_.append(s.substr(pos + 1, q - pos - 1));
          scratch_.append(s.substr(tail, after - tail));  // text after the closing quote: kept
          fields_.push_back(std::string_view(scratch_).substr(at));
        } else {
          fields_.push_back(s.substr(pos + 1, q - pos - 1));
        }
        pos = after;
      } else {
        size_t f = pos;
        while (pos < n && !stop[static_cast<unsigned char>(s[pos])]) ++pos;
        fields_.push_back(s.substr(f, pos - f));
      }
      if (pos >= n) {
        if (!final) return start;
        complete = true;
        break;
      }
      const char c = s[pos];
      if (c == delim_) {
        ++pos;
        if (pos >= n && !final) return start;
        continue;
      }
      ++pos;  // \n or \r
      if (c == '\r') {
        if (pos < n) {
          if (s[pos] == '\n') ++pos;
        } else if (!final) {
          pending_cr_ = true;
        }
      }
      complete = true;
      break;
    }
    if (!complete) return start;
    const size_t line = line_;
    line_ += 1 + extra_lines;
    emit(line, trim_line_end(s.substr(start, pos - start)), unterminated);
  }
  return n;
}

void CsvReader::emit(size_t line, std::string_view raw, bool unterminated) {
  const bool blank = fields_.size() == 1 && fields_[0].empty() && raw.empty();
  if (!header_done_) {
    if (blank) {
      ++blank_lines_;
      return;
    }
    header_done_ = true;
    columns_ = fields_.size();
    std::vector<std::string> names;
    names.reserve(columns_);
    if (header_) {
      if (unterminated) {
        sink_.set_columns({});
        sink_.reject(line, fields_.size(), raw, "the header has an unterminated quote");
        ++records_;
        return;
      }
      for (auto f : fields_) names.emplace_back(f);
      sink_.set_columns(std::move(names));
      return;
    }
    for (size_t i = 0; i < columns_; ++i) names.push_back("column_" + std::to_string(i + 1));
    sink_.set_columns(std::move(names));
  }
  if (blank && columns_ != 1) {
    ++blank_lines_;
    return;
  }
  ++records_;
  if (unterminated) {
    sink_.reject(line, fields_.size(), raw,
                 "a quoted field is never closed: it runs from here to the end of the file");
  } else if (fields_.size() != columns_) {
    sink_.reject(line, std::min(fields_.size(), columns_) + 1, raw,
                 "expected " + std::to_string(columns_) + " fields, found " + std::to_string(fields_.size()));
  } else {
    sink_.add_row(fields_.data(), fields_.size(), line);
  }
}

ReadResult read_csv(std::string_view bytes, std::string_view file_name, const CsvOptions& opt) {
  IngestOptions io;
  io.format = FileFormat::Csv;
  io.delimiter = opt.delimiter;
  io.header = opt.header;
  io.max_rejected_kept = opt.max_rejected_kept;
  return read_file_bytes(bytes, file_name, io);
}

// [SECTION] Writing

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
