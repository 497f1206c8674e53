#include "seglens/workspace.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "seglens/demo.hpp"
#include "seglens/version.hpp"

namespace seglens {

namespace {

std::string lower_extension(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  std::string ext(name.substr(dot + 1));
  for (char& ch : ext)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return ext;
}

nlohmann::json number_or_null(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(); }

nlohmann::json column_json(const ColumnStats& s) {
  nlohmann::json j = {{"name", s.name}, {"type", to_string(s.type)}, {"count", s.count},
                      {"missing", s.missing}, {"distinct", s.distinct}};
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
  return {{"name", d.table.name},
          {"source", d.source},
          {"rows", d.table.rows()},
          {"columns", std::move(cols)},
          {"read",
           {{"delimiter", std::string(1, r.delimiter)},
            {"records", r.records},
            {"rows_kept", r.rows_kept},
            {"rows_rejected", r.rows_rejected},
            {"blank_lines", r.blank_lines},
            {"rejected", std::move(rejected)},
            {"warnings", r.warnings}}}};
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

LoadOutcome Workspace::load(std::string_view file_name, std::string_view bytes) {
  const std::string ext = lower_extension(file_name);
  if (ext == "xlsx" || ext == "xls" || ext == "et" || ext == "json" || ext == "jsonl")
    return {false, std::string(file_name) + ": ." + ext +
                       " files cannot be read yet; save the sheet as CSV (UTF-8) and load that"};
  CsvOptions opt;
  if (ext == "tsv" || ext == "tab") opt.delimiter = '\t';
  ReadResult r = read_csv(bytes, file_name, opt);
  if (!r.ok) return {false, r.error};
  std::vector<Dataset> next;
  next.push_back(make_dataset(std::string(file_name), std::move(r.table), std::move(r.report)));
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
