// Seglens core: the analysis state shared by the app and the CLI.
//
// A Workspace holds the loaded tables and what was computed from them. The app and the CLI
// both load bytes through `load` and describe the state through `summary`, so the browser's
// window.seglens.summary() and `seglens inspect FILE --json` print the same thing.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "seglens/csv.hpp"
#include "seglens/ingest.hpp"
#include "seglens/profile.hpp"
#include "seglens/table.hpp"

namespace seglens {

struct Dataset {
  std::string source;      // file name, or "demo"
  Table table;
  ReadReport report;
  std::vector<ColumnStats> stats;  // one per column
};

struct LoadOutcome {
  bool ok = false;
  std::string error;
};

class Workspace {
 public:
  // Replaces the current data with the built-in demo (orders + customers).
  void load_demo();
  // Reads a file's bytes; on success it becomes the current data set. On failure the previous
  // state is kept and the error names the file (and row/column where it applies).
  LoadOutcome load(std::string_view file_name, std::string_view bytes, const IngestOptions& opt = {});

  // The same in chunks (the browser reads Blob slices): begin, feed each slice in order, finish.
  // The current data stays until finish succeeds; cancel drops the read.
  void begin_load(std::string file_name, const IngestOptions& opt = {});
  bool feed(std::string_view chunk);  // false once the read failed (finish_load reports it)
  LoadOutcome finish_load();
  void cancel_load();
  bool loading() const { return ingest_ != nullptr; }
  IngestProgress load_progress() const;

  const std::vector<Dataset>& datasets() const { return datasets_; }
  bool is_demo() const { return demo_; }
  uint64_t generation() const { return generation_; }  // bumps on every change

  // The analysis state as JSON (see docs in README: "summary").
  nlohmann::json summary() const;
  std::string summary_text(int indent = 2) const;

 private:
  std::vector<Dataset> datasets_;
  std::unique_ptr<Ingest> ingest_;
  std::string ingest_name_;
  bool demo_ = false;
  uint64_t generation_ = 0;
};

Dataset make_dataset(std::string source, Table table, ReadReport report);

}  // namespace seglens
