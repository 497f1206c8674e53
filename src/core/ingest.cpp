// Ingest: detects a file's format and encoding from its first bytes, then streams it through
// the decoder and the format's reader into a TableBuilder (see ingest.hpp).
#include "seglens/ingest.hpp"

#include <cstring>

#include <nlohmann/json.hpp>

#include "seglens/encoding.hpp"
#include "seglens/json_reader.hpp"
#include "seglens/xlsx.hpp"

namespace seglens {

std::string_view to_string(FileFormat f) {
  switch (f) {
    case FileFormat::Auto: return "auto";
    case FileFormat::Csv: return "csv";
    case FileFormat::Xlsx: return "xlsx";
    case FileFormat::Json: return "json";
  }
  return "auto";
}

namespace {

constexpr size_t kHeadBytes = 64 * 1024;

std::string lower_extension(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(name.substr(dot + 1));
  for (char& ch : ext)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return ext;
}

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

}  // namespace

struct Ingest::Impl {
  std::string name;
  IngestOptions opt;
  enum class Stage { Head, Stream, Buffer, Done, Failed } stage = Stage::Head;
  FileFormat format = FileFormat::Auto;
  Encoding encoding = Encoding::Utf8;
  std::string head;     // the first bytes, until the format and encoding are decided
  std::string whole;    // xlsx and JSON are read whole
  std::string utf8;     // decoder output for one chunk
  std::unique_ptr<Utf8Decoder> decoder;
  std::unique_ptr<TableBuilder> builder;
  std::unique_ptr<CsvReader> csv;
  IngestProgress progress;
  std::string error;
  ReadResult result;
  ReadReport report;

  bool fail(std::string msg) {
    stage = Stage::Failed;
    error = name + ": " + std::move(msg);
    return false;
  }
  bool start();
  bool choose_encoding(std::string_view sample);
  void stream(std::string_view bytes) {
    utf8.clear();
    decoder->feed(bytes, utf8);
    csv->feed(utf8);
  }
};

Ingest::Ingest(std::string file_name, IngestOptions opt) : impl_(std::make_unique<Impl>()) {
  impl_->name = std::move(file_name);
  impl_->opt = std::move(opt);
  impl_->builder = std::make_unique<TableBuilder>(impl_->opt, impl_->name);
  impl_->report.file = impl_->name;
}
Ingest::~Ingest() = default;

bool Ingest::Impl::choose_encoding(std::string_view sample) {
  Encoding enc = Encoding::Utf8;
  size_t bom = 0;
  if (!opt.encoding.empty()) {
    if (!parse_encoding(opt.encoding, enc)) return fail("unknown encoding '" + opt.encoding + "'");
    report.encoding_reason = "chosen by the user";
    // A BOM of the chosen encoding is still skipped.
    EncodingGuess g = detect_encoding(sample);
    if (g.from_bom && g.encoding == enc) bom = g.bom_length;
  } else {
    EncodingGuess g = detect_encoding(sample);
    enc = g.encoding;
    bom = g.bom_length;
    report.encoding_reason = g.reason;
  }
  encoding = enc;
  report.encoding = std::string(to_string(enc));
  decoder = std::make_unique<Utf8Decoder>(enc);
  head.erase(0, bom);
  if (head.empty()) return fail("the file is empty");  // nothing but a byte-order mark
  return true;
}

// Decides the format and encoding from `head`, then starts reading.
bool Ingest::Impl::start() {
  const std::string ext = lower_extension(name);
  if (head.empty()) return fail("the file is empty");
  if (starts_with(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return fail("this is a legacy Excel 97-2003 (.xls) or other OLE file, which cannot be read: "
                "save it as .xlsx or CSV and load that");
  format = opt.format;
  if (format == FileFormat::Auto) {
    if (looks_like_zip(head)) format = FileFormat::Xlsx;
    else if (ext == "xlsx" || ext == "xlsm")
      return fail("the file is named ." + ext + " but is not an Excel workbook (an .xlsx is a zip archive); "
                  "if it is a CSV, rename it to .csv");
  }
  if (format == FileFormat::Xlsx) {
    report.format = "xlsx";
    report.encoding = "UTF-8";
    report.encoding_reason = "xlsx is always Unicode";
    stage = Stage::Buffer;
    whole = std::move(head);
    return true;
  }
  if (!choose_encoding(head)) return false;
  // Binary files: NUL bytes in a file that is not UTF-16.
  const bool utf16 = encoding == Encoding::Utf16LE || encoding == Encoding::Utf16BE;
  if (!utf16 && std::memchr(head.data(), '\0', head.size()))
    return fail("the file holds NUL bytes: it looks like a binary file, not text (CSV, TSV or JSON)");
  std::string sample;  // the head as UTF-8: to recognise JSON, sniff the delimiter, then read
  decoder->feed(head, sample);
  if (format == FileFormat::Auto) format = looks_like_json(sample) ? FileFormat::Json : FileFormat::Csv;
  if (format == FileFormat::Json) {
    report.format = "json";
    stage = Stage::Buffer;
    whole = std::move(head);
    return true;
  }
  report.format = "csv";
  char delim = opt.delimiter;
  if (!delim && (ext == "tsv" || ext == "tab")) delim = '\t';
  if (!delim) delim = sniff_delimiter(sample);
  report.delimiter = delim;
  csv = std::make_unique<CsvReader>(*builder, delim, opt.header);
  stage = Stage::Stream;
  csv->feed(sample);
  std::string().swap(head);
  return true;
}

bool Ingest::feed(std::string_view chunk) {
  Impl& m = *impl_;
  if (m.stage == Impl::Stage::Failed || m.stage == Impl::Stage::Done) return false;
  m.progress.bytes_in += chunk.size();
  switch (m.stage) {
    case Impl::Stage::Head:
      m.head.append(chunk);
      if (m.head.size() >= kHeadBytes) return m.start();
      return true;
    case Impl::Stage::Stream: m.stream(chunk); break;
    case Impl::Stage::Buffer: m.whole.append(chunk); break;
    default: break;
  }
  m.progress.rows = m.builder->rows();
  m.progress.rejected = m.builder->rejected();
  return true;
}

bool Ingest::finish() {
  Impl& m = *impl_;
  if (m.stage == Impl::Stage::Head && !m.start()) return false;
  if (m.stage == Impl::Stage::Failed) return false;
  if (m.stage == Impl::Stage::Done) return true;
  if (m.stage == Impl::Stage::Stream) {
    m.utf8.clear();
    m.decoder->finish(m.utf8);
    m.csv->feed(m.utf8);
    m.csv->finish();
    m.report.blank_lines = m.csv->blank_lines();
  } else if (m.format == FileFormat::Xlsx) {
    XlsxInfo info;
    std::string err;
    if (!read_xlsx(m.whole, m.opt.sheet, *m.builder, info, err)) return m.fail(err);
    m.report.sheets = info.sheets;
    m.report.sheet = info.sheet_read;
    for (auto& w : info.warnings) m.report.warnings.push_back(w);
  } else {  // JSON: read whole; the decoder starts again on all of it (the head included)
    m.decoder = std::make_unique<Utf8Decoder>(m.encoding);
    std::string text;
    m.decoder->feed(m.whole, text);
    m.decoder->finish(text);
    std::string().swap(m.whole);
    std::string err;
    if (!read_json(text, *m.builder, err)) return m.fail(err);
  }
  if (m.decoder) m.report.invalid_bytes = m.decoder->invalid_count();
  m.report.bytes = m.progress.bytes_in;
  const size_t blank = m.report.blank_lines;
  Table t = m.builder->finish(m.report);
  m.report.blank_lines = blank;
  if (t.columns.empty()) {
    if (m.report.rows_rejected)  // e.g. an unterminated quote in the header
      return m.fail("line " + std::to_string(m.report.rejected.front().row) + ": " + m.report.rejected.front().reason);
    return m.fail(m.format == FileFormat::Json ? "the JSON holds no records" : "the file has no header line");
  }
  if (m.report.invalid_bytes)
    m.report.warnings.push_back(std::to_string(m.report.invalid_bytes) + " bytes are not valid " + m.report.encoding +
                                " and show as U+FFFD; if the text looks wrong, choose the file's encoding");
  if (m.report.records == 0) m.report.warnings.push_back("the file has a header but no data rows");
  m.progress.rows = m.report.rows_kept;
  m.progress.rejected = m.report.rows_rejected;
  m.result.ok = true;
  m.result.table = std::move(t);
  m.result.report = std::move(m.report);
  m.stage = Impl::Stage::Done;
  return true;
}

const std::string& Ingest::error() const { return impl_->error; }
IngestProgress Ingest::progress() const { return impl_->progress; }

ReadResult Ingest::take() {
  Impl& m = *impl_;
  if (m.stage != Impl::Stage::Done) {
    ReadResult r;
    r.ok = false;
    r.error = m.error.empty() ? m.name + ": the read did not finish" : m.error;
    return r;
  }
  return std::move(m.result);
}

bool parse_ingest_options(std::string_view text, IngestOptions& out, std::string& error) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    error = "read options must be a JSON object";
    return false;
  }
  IngestOptions o;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& k = it.key();
    const auto& v = it.value();
    auto bad = [&](const char* what) {
      error = "read option '" + k + "': " + what;
      return false;
    };
    if (k == "format") {
      if (!v.is_string()) return bad("expected a string");
      std::string f = v.get<std::string>();
      if (f == "auto") o.format = FileFormat::Auto;
      else if (f == "csv" || f == "tsv") o.format = FileFormat::Csv;
      else if (f == "xlsx") o.format = FileFormat::Xlsx;
      else if (f == "json" || f == "jsonl") o.format = FileFormat::Json;
      else return bad("expected auto, csv, xlsx or json");
    } else if (k == "encoding") {
      if (!v.is_string()) return bad("expected a string");
      Encoding e;
      std::string name = v.get<std::string>();
      if (!name.empty() && name != "auto" && !parse_encoding(name, e)) return bad("unknown encoding");
      o.encoding = name == "auto" ? std::string() : name;
    } else if (k == "delimiter") {
      if (!v.is_string()) return bad("expected a string");
      std::string d = v.get<std::string>();
      if (d == "\\t" || d == "tab") d = "\t";
      if (d.size() > 1) return bad("expected one character");
      o.delimiter = d.empty() ? 0 : d[0];
    } else if (k == "header") {
      if (!v.is_boolean()) return bad("expected true or false");
      o.header = v.get<bool>();
    } else if (k == "sheet") {
      if (!v.is_string()) return bad("expected a string");
      o.sheet = v.get<std::string>();
    } else if (k == "date_order") {
      if (!v.is_string()) return bad("expected a string");
      std::string d = v.get<std::string>();
      if (d == "auto" || d.empty()) o.date_order.reset();
      else if (d == "YMD") o.date_order = DateOrder::YMD;
      else if (d == "DMY") o.date_order = DateOrder::DMY;
      else if (d == "MDY") o.date_order = DateOrder::MDY;
      else return bad("expected auto, YMD, DMY or MDY");
    } else {
      return bad("unknown option");
    }
  }
  out = std::move(o);
  return true;
}

std::string ingest_options_json(const IngestOptions& o) {
  nlohmann::json j = nlohmann::json::object();
  if (o.format != FileFormat::Auto) j["format"] = std::string(to_string(o.format));
  if (!o.encoding.empty()) j["encoding"] = o.encoding;
  if (o.delimiter) j["delimiter"] = std::string(1, o.delimiter);
  if (!o.header) j["header"] = false;
  if (!o.sheet.empty()) j["sheet"] = o.sheet;
  if (o.date_order)
    j["date_order"] = *o.date_order == DateOrder::YMD ? "YMD" : *o.date_order == DateOrder::DMY ? "DMY" : "MDY";
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ReadResult read_file_bytes(std::string_view bytes, std::string_view file_name, const IngestOptions& opt) {
  Ingest in(std::string(file_name), opt);
  feed_in_slices(bytes, [&](std::string_view s) { return in.feed(s); });
  in.finish();
  return in.take();
}

}  // namespace seglens
