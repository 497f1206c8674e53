// seglens: the command-line tool on the same core as the app.
//   seglens inspect FILE [--json]     read a file, print its columns, types and read report
//   seglens demo [--json] [--out DIR] the built-in demo data: summary, or write it as CSV files
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "seglens/csv.hpp"
#include "seglens/ingest.hpp"
#include "seglens/demo.hpp"
#include "seglens/version.hpp"
#include "seglens/workspace.hpp"

namespace {

int usage() {
  std::cerr << "seglens " << seglens::kVersion << " - privacy-first target-customer analysis\n"
               "usage:\n"
               "  seglens inspect FILE [--json] [read options]\n"
               "                                     columns, detected types and the read report of FILE\n"
               "  seglens demo [--json] [--out DIR]  the built-in demo data (summary, or CSV files in DIR)\n"
               "read options (the same as the app's, see ingest.hpp):\n"
               "  --format auto|csv|xlsx|json   --encoding NAME (UTF-8, GBK, GB18030, Big5, UTF-16LE, ...)\n"
               "  --delimiter C (or tab)        --no-header        --sheet NAME\n"
               "  --date-order YMD|DMY|MDY\n";
  return 2;
}

// Reads the file in slices into the workspace (the browser's path: the file is never held whole).
seglens::LoadOutcome load_file(seglens::Workspace& ws, const std::string& path, const seglens::IngestOptions& opt) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return {false, path + ": cannot open the file"};
  ws.begin_load(path, opt);
  std::vector<char> buf(4 << 20);
  while (f) {
    f.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto got = static_cast<size_t>(f.gcount());
    if (got == 0) break;
    if (!ws.feed(std::string_view(buf.data(), got))) break;
  }
  if (f.bad()) {
    ws.cancel_load();
    return {false, path + ": cannot read the file (is it a directory?)"};
  }
  return ws.finish_load();
}

void print_human(const seglens::Workspace& ws) {
  for (const auto& d : ws.datasets()) {
    std::printf("%s (%s): %zu rows, %zu columns\n", d.table.name.c_str(), d.source.c_str(), d.table.rows(),
                d.table.columns.size());
    for (const auto& s : d.stats) {
      std::printf("  %-24s %-9s missing %-8zu distinct %-8zu", s.name.c_str(),
                  std::string(seglens::to_string(s.type)).c_str(), s.missing, s.distinct);
      if (!s.min_text.empty()) std::printf(" %s .. %s", s.min_text.c_str(), s.max_text.c_str());
      else if (!s.top.empty()) std::printf(" top: %s (%zu)", s.top[0].value.c_str(), s.top[0].count);
      std::printf("\n");
    }
    const auto& r = d.report;
    if (d.source != "demo") {
      std::printf("  read as %s, %s (%s)%s%s\n", r.format.c_str(), r.encoding.c_str(), r.encoding_reason.c_str(),
                  r.sheet.empty() ? "" : ", sheet ", r.sheet.c_str());
      std::printf("  read: %zu records, %zu kept, %zu rejected, %zu blank lines, %zu cells not of their column's type\n",
                  r.records, r.rows_kept, r.rows_rejected, r.blank_lines, r.cells_invalid);
    }
    for (const auto& x : r.rejected)
      std::printf("  rejected line %zu, column %zu: %s\n", x.row, x.column, x.reason.c_str());
    for (const auto& x : r.cell_issues)
      std::printf("  line %zu, column %zu: '%s' is not a %s (kept as missing)\n", x.row, x.column, x.raw.c_str(),
                  x.expected.c_str());
    for (const auto& w : r.warnings) std::printf("  warning: %s\n", w.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  bool json = false;
  std::string out_dir, file;
  nlohmann::json read_opts = nlohmann::json::object();  // decoded by the core, as the page's are
  static const std::vector<std::pair<std::string, std::string>> kReadFlags = {
      {"--format", "format"}, {"--encoding", "encoding"}, {"--delimiter", "delimiter"},
      {"--sheet", "sheet"},   {"--date-order", "date_order"}};
  for (size_t i = 1; i < args.size(); ++i) {
    bool matched = false;
    for (const auto& [flag, key] : kReadFlags)
      if (args[i] == flag && i + 1 < args.size()) {
        read_opts[key] = args[++i];
        matched = true;
      }
    if (matched) continue;
    if (args[i] == "--json") json = true;
    else if (args[i] == "--no-header") read_opts["header"] = false;
    else if (args[i] == "--out" && i + 1 < args.size()) out_dir = args[++i];
    else if (!args[i].empty() && args[i][0] == '-') return usage();
    else if (file.empty()) file = args[i];
    else return usage();
  }
  seglens::Workspace ws;
  if (args[0] == "inspect") {
    if (file.empty()) return usage();
    std::string err;
    seglens::IngestOptions opt;
    if (!seglens::parse_ingest_options(read_opts.dump(), opt, err)) {
      std::cerr << "seglens: " << err << "\n";
      return 2;
    }
    auto res = load_file(ws, file, opt);
    if (!res.ok) {
      std::cerr << "seglens: " << res.error << "\n";
      return 1;
    }
  } else if (args[0] == "demo") {
    ws.load_demo();
    if (!out_dir.empty()) {
      for (const auto& d : ws.datasets()) {
        std::string path = out_dir + "/" + d.table.name + ".csv";
        std::ofstream f(path, std::ios::binary);
        f << seglens::write_csv(d.table);
        if (!f) {
          std::cerr << "seglens: " << path << ": cannot write\n";
          return 1;
        }
        std::cerr << "wrote " << path << " (" << d.table.rows() << " rows)\n";
      }
      return 0;
    }
  } else {
    return usage();
  }
  if (json) std::cout << ws.summary_text(2) << "\n";
  else print_human(ws);
  return 0;
}
