#include "seglens/workspace.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "seglens/demo.hpp"
#include "seglens/version.hpp"

namespace seglens {

namespace {

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

nlohmann::json column_json(const ColumnStats& s) {
  nlohmann::json j = {{"name", s.name}, {"type", to_string(s.type)}, {"count", s.count},
                      {"missing", s.missing}, {"distinct", s.distinct}, {"distinct_exact", s.distinct_exact}};
  if (is_numeric(s.type) || is_temporal(s.type)) {
    if (s.count) {
      j["min"] = s.min_text;
      j["max"] = s.max_text;
    }
    if (is_numeric(s.type) && s.count) {
      j["mean"] = number_or_null(s.mean);
      j["sum"] = number_or_null(s.sum);
    }
  } else {
    nlohmann::json top = nlohmann::json::array();
    for (const auto& t : s.top) top.push_back({{"value", t.value}, {"count", t.count}});
    j["top"] = std::move(top);
  }
  return j;
}

nlohmann::json dataset_json(const Dataset& d) {
  nlohmann::json cols = nlohmann::json::array();
  for (const auto& s : d.stats) cols.push_back(column_json(s));
  const ReadReport& r = d.report;
  nlohmann::json rejected = nlohmann::json::array();
  for (size_t i = 0; i < std::min<size_t>(r.rejected.size(), 20); ++i) {
    const auto& x = r.rejected[i];
    rejected.push_back({{"row", x.row}, {"column", x.column}, {"raw", x.raw}, {"reason", x.reason}});
  }
  nlohmann::json issues = nlohmann::json::array();
  for (size_t i = 0; i < std::min<size_t>(r.cell_issues.size(), 20); ++i) {
    const auto& x = r.cell_issues[i];
    issues.push_back({{"row", x.row}, {"column", x.column}, {"raw", x.raw}, {"expected", x.expected}});
  }
  nlohmann::json read = {{"format", r.format},
                         {"encoding", r.encoding},
                         {"encoding_reason", r.encoding_reason},
                         {"bytes", r.bytes},
                         {"records", r.records},
                         {"rows_kept", r.rows_kept},
                         {"rows_rejected", r.rows_rejected},
                         {"blank_lines", r.blank_lines},
                         {"rejected", std::move(rejected)},
                         {"cells_invalid", r.cells_invalid},
                         {"cell_issues", std::move(issues)},
                         {"invalid_bytes", r.invalid_bytes},
                         {"warnings", r.warnings}};
  if (r.format == "csv") read["delimiter"] = std::string(1, r.delimiter);
  if (r.format == "xlsx") {
    read["sheet"] = r.sheet;
    read["sheets"] = r.sheets;
  }
  return {{"name", d.table.name},
          {"source", d.source},
          {"rows", d.table.rows()},
          {"columns", std::move(cols)},
          {"read", std::move(read)}};
}

}  // namespace

Dataset make_dataset(std::string source, Table table, ReadReport report) {
  Dataset d;
  d.source = std::move(source);
  d.table = std::move(table);
  d.report = std::move(report);
  d.stats.reserve(d.table.columns.size());
  for (const auto& c : d.table.columns) d.stats.push_back(column_stats(c));
  return d;
}

void Workspace::load_demo() {
  DemoData demo = make_demo();
  auto report_for = [](const Table& t) {
    ReadReport r;
    r.file = "demo";
    r.format = "demo";
    r.records = r.rows_kept = t.rows();
    return r;
  };
  ReadReport ro = report_for(demo.orders), rc = report_for(demo.customers);
  datasets_.clear();
  datasets_.push_back(make_dataset("demo", std::move(demo.orders), std::move(ro)));
  datasets_.push_back(make_dataset("demo", std::move(demo.customers), std::move(rc)));
  demo_ = true;
  ++generation_;
}

LoadOutcome Workspace::load(std::string_view file_name, std::string_view bytes, const IngestOptions& opt) {
  begin_load(std::string(file_name), opt);
  feed_in_slices(bytes, [&](std::string_view s) { return feed(s); });
  return finish_load();
}

void Workspace::begin_load(std::string file_name, const IngestOptions& opt) {
  ingest_name_ = file_name;
  ingest_ = std::make_unique<Ingest>(std::move(file_name), opt);
}

bool Workspace::feed(std::string_view chunk) { return ingest_ && ingest_->feed(chunk); }

IngestProgress Workspace::load_progress() const { return ingest_ ? ingest_->progress() : IngestProgress{}; }

void Workspace::cancel_load() { ingest_.reset(); }

LoadOutcome Workspace::finish_load() {
  if (!ingest_) return {false, "no file is being read"};
  std::unique_ptr<Ingest> in = std::move(ingest_);
  in->finish();
  ReadResult r = in->take();
  if (!r.ok) return {false, r.error};
  std::vector<Dataset> next;
  next.push_back(make_dataset(ingest_name_, std::move(r.table), std::move(r.report)));
  datasets_ = std::move(next);
  demo_ = false;
  ++generation_;
  return {true, {}};
}

nlohmann::json Workspace::summary() const {
  nlohmann::json j = {{"seglens", kVersion}, {"demo", demo_}};
  nlohmann::json sets = nlohmann::json::array();
  for (const auto& d : datasets_) sets.push_back(dataset_json(d));
  if (!datasets_.empty()) {
    // The current data set's shape at the top level, for quick checks.
    j["source"] = datasets_.front().source;
    j["rows"] = datasets_.front().table.rows();
    j["columns"] = sets.front()["columns"];
  } else {
    j["rows"] = 0;
    j["columns"] = nlohmann::json::array();
  }
  j["datasets"] = std::move(sets);
  return j;
}

std::string Workspace::summary_text(int indent) const {
  return summary().dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace seglens
