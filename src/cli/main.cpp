// seglens: the command-line tool on the same core as the app.
//   seglens inspect FILE [--json]     read a file, print its columns, types and read report
//   seglens demo [--json] [--out DIR] the built-in demo data: summary, or write it as CSV files
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "seglens/csv.hpp"
#include "seglens/demo.hpp"
#include "seglens/version.hpp"
#include "seglens/workspace.hpp"

namespace {

int usage() {
  std::cerr << "seglens " << seglens::kVersion << " - privacy-first target-customer analysis\n"
               "usage:\n"
               "  seglens inspect FILE [--json]      columns, detected types and the read report of FILE\n"
               "  seglens demo [--json] [--out DIR]  the built-in demo data (summary, or CSV files in DIR)\n";
  return 2;
}

bool read_file(const std::string& path, std::string& out, std::string& err) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    err = path + ": cannot open the file";
    return false;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  out = std::move(ss).str();
  return true;
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
    if (d.source != "demo")
      std::printf("  read: %zu records, %zu kept, %zu rejected, %zu blank lines\n", r.records, r.rows_kept,
                  r.rows_rejected, r.blank_lines);
    for (const auto& x : r.rejected)
      std::printf("  rejected line %zu, column %zu: %s\n", x.row, x.column, x.reason.c_str());
    for (const auto& w : r.warnings) std::printf("  warning: %s\n", w.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  bool json = false;
  std::string out_dir, file;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--json") json = true;
    else if (args[i] == "--out" && i + 1 < args.size()) out_dir = args[++i];
    else if (!args[i].empty() && args[i][0] == '-') return usage();
    else if (file.empty()) file = args[i];
    else return usage();
  }
  seglens::Workspace ws;
  if (args[0] == "inspect") {
    if (file.empty()) return usage();
    std::string bytes, err;
    if (!read_file(file, bytes, err)) {
      std::cerr << "seglens: " << err << "\n";
      return 1;
    }
    auto res = ws.load(file, bytes);
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
