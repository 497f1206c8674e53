// TableBuilder: text rows in, typed columns out (see ingest.hpp).
#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "seglens/infer.hpp"
#include "seglens/ingest.hpp"

#include "hash.hpp"

namespace seglens {

namespace {

std::string cut(std::string_view s, size_t n) {
  if (s.size() <= n) return std::string(s);
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // not inside a character
  return std::string(s.substr(0, n)) + "…";
}

// Category codes by value: open addressing over (hash, code + 1); the strings live in the
// column's dictionary, so the index stays valid as it grows.
class CategoryIndex {
 public:
  uint32_t code(Column& col, std::string_view s) {
    if ((col.dict.size() + 1) * 2 > slots_.size()) grow(col);
    const uint64_t h = hash_bytes(s);
    size_t i = h & mask_;
    while (slots_[i].code) {
      if (slots_[i].hash == static_cast<uint32_t>(h) && col.dict[slots_[i].code - 1] == s) return slots_[i].code - 1;
      i = (i + 1) & mask_;
    }
    col.dict.emplace_back(s);
    slots_[i] = {static_cast<uint32_t>(h), static_cast<uint32_t>(col.dict.size())};
    return static_cast<uint32_t>(col.dict.size() - 1);
  }

 private:
  struct Slot {
    uint32_t hash = 0, code = 0;
  };
  void grow(const Column& col) {
    size_t size = std::max<size_t>(64, slots_.size() * 2);
    while (size < (col.dict.size() + 1) * 2) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (size_t k = 0; k < col.dict.size(); ++k) {
      const uint64_t h = hash_bytes(col.dict[k]);
      size_t i = h & mask_;
      while (slots_[i].code) i = (i + 1) & mask_;
      slots_[i] = {static_cast<uint32_t>(h), static_cast<uint32_t>(k + 1)};
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
};

// Category and Text are decided again at the end, over all rows: the sample may see only the
// first of many repeats (or repeats that stop). Text columns count their distinct values (up to
// kTrackedTexts) to become categories; categories become text when their dictionary outgrows
// the rule, or early when it would cost too much memory.
constexpr size_t kMaxLabelBytes = 200;           // as infer_format's rule
constexpr size_t kTrackedTexts = size_t{1} << 20;

struct ColumnBuilder {
  ColumnFormat fmt;
  Column col;
  CategoryIndex index;
  HashSet text_distinct;     // Text: hashes of the values seen, while tracking
  bool text_tracking = true;
  size_t text_longest = 0;
};

// Most cells start with a digit or a letter that no missing token starts with: those skip the
// full check (missing tokens: "", NA, N/A, NaN, null, None, -, --, #N/A, 无, 空, 缺失).
bool missing(std::string_view text) {
  if (!text.empty()) {
    const unsigned char c = static_cast<unsigned char>(text[0]);
    if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' && (c | 0x20) != 'n')) return false;
  }
  return is_missing_token(text);
}

size_t category_limit(size_t values) { return std::max<size_t>(20, values / 2); }

void category_to_text(Column& c) {
  Column t(c.name, ColumnType::Text);
  for (size_t i = 0; i < c.size(); ++i) {
    if (c.is_missing(i)) t.push_missing();
    else t.push_text(c.dict[c.codes[i]]);
  }
  c = std::move(t);
}

void text_to_category(ColumnBuilder& b) {
  Column t(b.col.name, ColumnType::Category);
  CategoryIndex index;
  for (size_t i = 0; i < b.col.size(); ++i) {
    if (b.col.is_missing(i)) t.push_missing();
    else t.push_code(index.code(t, trim_value(b.col.text[i])));
  }
  b.col = std::move(t);
  b.index = std::move(index);
}

}  // namespace

struct TableBuilder::Impl {
  IngestOptions opt;
  std::string table_name;
  std::vector<std::string> names;
  bool columns_set = false;
  bool sampling = true;
  // The sample: cells back to back, their end offsets, and each row's source row.
  std::string sample_text;
  std::vector<size_t> sample_ends;
  std::vector<size_t> sample_source;
  std::vector<ColumnBuilder> cols;
  size_t rows = 0;
  size_t rejected = 0;
  std::vector<RejectedRow> rejected_list;
  size_t cells_invalid = 0;
  std::vector<CellIssue> issues;

  void decide();
  void append(ColumnBuilder& b, size_t c, std::string_view text, size_t source_row);
  void issue(size_t c, std::string_view text, size_t source_row, ColumnType expected) {
    ++cells_invalid;
    if (issues.size() < opt.max_rejected_kept)
      issues.push_back({source_row, c + 1, cut(text, 200), std::string(to_string(expected))});
  }
};

TableBuilder::TableBuilder(const IngestOptions& opt, std::string table_name) : impl_(std::make_unique<Impl>()) {
  impl_->opt = opt;
  impl_->table_name = std::move(table_name);
}
TableBuilder::~TableBuilder() = default;

void TableBuilder::set_columns(std::vector<std::string> names) {
  Impl& m = *impl_;
  if (m.columns_set) return;
  m.columns_set = true;
  // Trimmed; empty names become column_N; repeats get _2, _3, ...
  std::unordered_map<std::string, int> seen;
  for (size_t i = 0; i < names.size(); ++i) {
    std::string n(trim_value(names[i]));
    if (n.empty()) n = "column_" + std::to_string(i + 1);
    names[i] = std::move(n);
  }
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
  m.names = std::move(names);
}

void TableBuilder::add_row(const std::string_view* cells, size_t n, size_t source_row) {
  Impl& m = *impl_;
  if (n != m.names.size()) {
    std::string raw;
    for (size_t i = 0; i < n && raw.size() < 512; ++i) {
      if (i) raw.push_back(',');
      raw.append(cells[i]);
    }
    reject(source_row, std::min(n, m.names.size()) + 1, raw,
           "expected " + std::to_string(m.names.size()) + " fields, found " + std::to_string(n));
    return;
  }
  ++m.rows;
  if (m.sampling) {
    for (size_t i = 0; i < n; ++i) {
      m.sample_text.append(cells[i]);
      m.sample_ends.push_back(m.sample_text.size());
    }
    m.sample_source.push_back(source_row);
    if (m.sample_source.size() >= std::max<size_t>(1, m.opt.sample_rows)) m.decide();
    return;
  }
  for (size_t c = 0; c < n; ++c) m.append(m.cols[c], c, cells[c], source_row);
}

void TableBuilder::reject(size_t source_row, size_t column, std::string_view raw, std::string reason) {
  Impl& m = *impl_;
  ++m.rejected;
  if (m.rejected_list.size() < m.opt.max_rejected_kept)
    m.rejected_list.push_back({source_row, column, cut(raw, 512), std::move(reason)});
}

size_t TableBuilder::rows() const { return impl_->rows; }
size_t TableBuilder::rejected() const { return impl_->rejected; }

// Decides every column's format from the sample, then moves the sample into the columns.
void TableBuilder::Impl::decide() {
  sampling = false;
  const size_t ncols = names.size();
  const size_t nrows = sample_source.size();
  auto cell = [&](size_t r, size_t c) {
    const size_t k = r * ncols + c;
    const size_t begin = k == 0 ? 0 : sample_ends[k - 1];
    return std::string_view(sample_text).substr(begin, sample_ends[k] - begin);
  };
  cols.resize(ncols);
  std::vector<std::string_view> values;
  values.reserve(nrows);
  for (size_t c = 0; c < ncols; ++c) {
    values.clear();
    for (size_t r = 0; r < nrows; ++r) values.push_back(cell(r, c));
    InferOptions io;
    io.date_order = opt.date_order;
    io.column_name = names[c];
    cols[c].fmt = infer_format(values, io);
    cols[c].col = Column(names[c], cols[c].fmt.type);
    cols[c].col.unit = cols[c].fmt.unit;
  }
  for (size_t r = 0; r < nrows; ++r)
    for (size_t c = 0; c < ncols; ++c) append(cols[c], c, cell(r, c), sample_source[r]);
  std::string().swap(sample_text);
  std::vector<size_t>().swap(sample_ends);
  std::vector<size_t>().swap(sample_source);
}

void TableBuilder::Impl::append(ColumnBuilder& b, size_t c, std::string_view text, size_t source_row) {
  Column& col = b.col;
  if (col.type == ColumnType::Text) {
    if (missing(text)) {
      col.push_missing();
      return;
    }
    col.push_text(text);
    if (b.text_tracking) {
      b.text_longest = std::max(b.text_longest, text.size());
      b.text_distinct.insert(hash_bytes(trim_value(text)));
      if (b.text_distinct.size() > kTrackedTexts || b.text_longest > kMaxLabelBytes) {
        b.text_tracking = false;  // stays text
        b.text_distinct.release();
      }
    }
    return;
  }
  if (missing(text)) {
    col.push_missing();
    return;
  }
  if (col.type == ColumnType::Category) {
    const std::string_view label = trim_value(text);
    if (label.size() > kMaxLabelBytes ||
        (col.dict.size() > kTrackedTexts && col.dict.size() > category_limit(col.size()))) {
      category_to_text(col);  // a paragraph, or a dictionary as large as the column: text
      b.text_tracking = false;
      b.index = CategoryIndex{};
      col.push_text(text);
      return;
    }
    col.push_code(b.index.code(col, label));
    return;
  }
  int64_t i = 0;
  double d = 0;
  if (parse_cell(b.fmt, text, i, d)) {
    if (is_numeric(col.type) && col.type != ColumnType::Integer) col.push_num(d);
    else col.push_int(i);
    return;
  }
  // Widen where nothing is lost: integer -> decimal, date -> datetime.
  if (col.type == ColumnType::Integer) {
    ColumnFormat wider = b.fmt;
    wider.type = ColumnType::Decimal;
    if (parse_cell(wider, text, i, d)) {
      col.type = ColumnType::Decimal;
      b.fmt = wider;
      col.nums.reserve(col.ints.capacity());
      for (int64_t v : col.ints) col.nums.push_back(static_cast<double>(v));
      std::vector<int64_t>().swap(col.ints);
      col.push_num(d);
      return;
    }
  } else if (col.type == ColumnType::Date) {
    ColumnFormat wider = b.fmt;
    wider.type = ColumnType::DateTime;
    if (parse_cell(wider, text, i, d)) {
      col.type = ColumnType::DateTime;
      b.fmt = wider;
      for (size_t k = 0; k < col.ints.size(); ++k)
        if (!col.is_missing(k)) col.ints[k] *= 86400;
      col.push_int(i);
      return;
    }
  }
  issue(c, text, source_row, col.type);
  col.push_missing();
}

Table TableBuilder::finish(ReadReport& report) {
  Impl& m = *impl_;
  if (m.sampling) m.decide();
  Table t;
  t.name = m.table_name;
  t.columns.reserve(m.cols.size());
  for (auto& b : m.cols) {
    const size_t present = b.col.size() - b.col.missing_count();
    if (b.col.type == ColumnType::Category && b.col.dict.size() > category_limit(present))
      category_to_text(b.col);
    else if (b.col.type == ColumnType::Text && present && b.text_tracking &&
             b.text_distinct.size() <= category_limit(present))
      text_to_category(b);
    t.columns.push_back(std::move(b.col));
  }
  m.cols.clear();
  report.rows_kept = m.rows;
  report.rows_rejected = m.rejected;
  report.records = m.rows + m.rejected;
  report.rejected = std::move(m.rejected_list);
  report.cells_invalid = m.cells_invalid;
  report.cell_issues = std::move(m.issues);
  return t;
}

}  // namespace seglens
