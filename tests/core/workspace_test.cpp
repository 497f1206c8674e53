// Tests of src/core/workspace.cpp: loading bytes, keeping the previous state on failure, and the
// summary JSON that the browser (window.seglens.summary()) and `seglens inspect --json` print.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "seglens/version.hpp"
#include "seglens/workspace.hpp"

using namespace seglens;
using nlohmann::json;
using seglens::test::read_fixture;

namespace {

std::vector<std::string> column_types(const json& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.push_back(c.at("type").get<std::string>());
  return out;
}

std::vector<std::string> column_names(const json& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.push_back(c.at("name").get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("Workspace: empty") {
  Workspace ws;
  CHECK(ws.datasets().empty());
  CHECK_FALSE(ws.is_demo());
  CHECK(ws.generation() == 0);
  json s = ws.summary();
  CHECK(s.at("seglens") == kVersion);
  CHECK(s.at("demo") == false);
  CHECK(s.at("rows") == 0);
  CHECK(s.at("columns") == json::array());
  CHECK(s.at("datasets") == json::array());
  CHECK_FALSE(s.contains("source"));
}

TEST_CASE("Workspace::load: a good file becomes the data set") {
  Workspace ws;
  LoadOutcome out = ws.load("types.csv", read_fixture("types.csv"));
  REQUIRE(out.ok);
  CHECK(out.error.empty());
  CHECK(ws.generation() == 1);
  CHECK_FALSE(ws.is_demo());
  REQUIRE(ws.datasets().size() == 1);
  const Dataset& d = ws.datasets()[0];
  CHECK(d.source == "types.csv");
  CHECK(d.table.rows() == 24);
  CHECK(d.stats.size() == d.table.columns.size());

  json s = ws.summary();
  CHECK(s.at("source") == "types.csv");
  CHECK(s.at("rows") == 24);
  CHECK(column_names(s.at("columns")) ==
        std::vector<std::string>{"id", "code", "price", "signup", "last_seen", "active", "city", "note"});
  CHECK(column_types(s.at("columns")) == std::vector<std::string>{"integer", "text", "decimal", "date", "datetime",
                                                                  "boolean", "category", "text"});
  const json& id = s.at("columns")[0];
  CHECK(id.at("count") == 24);
  CHECK(id.at("missing") == 0);
  CHECK(id.at("distinct") == 24);
  CHECK(id.at("min") == "1");
  CHECK(id.at("max") == "24");
  CHECK(id.at("sum") == 300.0);
  CHECK(id.at("mean") == 12.5);
  const json& price = s.at("columns")[2];
  CHECK(price.at("missing") == 1);
  CHECK(price.at("min") == "1.25");
  CHECK(price.at("max") == "30");
  const json& signup = s.at("columns")[3];
  CHECK(signup.at("min") == "2024-01-01");
  CHECK_FALSE(signup.contains("mean"));  // dates have a range, not a mean
  const json& city = s.at("columns")[6];
  CHECK_FALSE(city.contains("min"));
  REQUIRE(city.at("top").size() == 4);
  CHECK(city.at("top")[0] == json{{"value", "Beijing"}, {"count", 6}});  // ties by label: Beijing first

  REQUIRE(s.at("datasets").size() == 1);
  const json& ds = s.at("datasets")[0];
  CHECK(ds.at("name") == "types.csv");
  CHECK(ds.at("rows") == 24);
  CHECK(ds.at("columns") == s.at("columns"));
  const json& read = ds.at("read");
  CHECK(read.at("delimiter") == ",");
  CHECK(read.at("records") == 24);
  CHECK(read.at("rows_kept") == 24);
  CHECK(read.at("rows_rejected") == 0);
  CHECK(read.at("blank_lines") == 0);
  CHECK(read.at("rejected") == json::array());
  CHECK(read.at("warnings") == json::array());
}

TEST_CASE("Workspace::load: rejected rows in the summary") {
  Workspace ws;
  REQUIRE(ws.load("ragged.csv", read_fixture("ragged.csv")).ok);
  json s = ws.summary();
  CHECK(s.at("rows") == 3);
  const json& read = s.at("datasets")[0].at("read");
  CHECK(read.at("records") == 6);
  CHECK(read.at("rows_kept") == 3);
  CHECK(read.at("rows_rejected") == 3);
  CHECK(read.at("blank_lines") == 1);
  REQUIRE(read.at("rejected").size() == 3);
  CHECK(read.at("rejected")[0] ==
        json{{"row", 3}, {"column", 3}, {"raw", "4,5"}, {"reason", "expected 3 fields, found 2"}});
  CHECK(read.at("rejected")[2].at("row") == 7);
}

TEST_CASE("Workspace::load: at most 20 rejected rows are listed") {
  std::string csv = "a,b\n";
  for (int i = 0; i < 25; ++i) csv += "1\n";
  Workspace ws;
  REQUIRE(ws.load("bad_rows.csv", csv).ok);
  const json s = ws.summary();
  const json& read = s.at("datasets")[0].at("read");
  CHECK(read.at("rows_rejected") == 25);
  CHECK(read.at("rejected").size() == 20);
  CHECK(read.at("rejected")[19].at("row") == 21);
  CHECK(ws.datasets()[0].report.rejected.size() == 25);
}

TEST_CASE("Workspace::load: a failed load keeps the previous state") {
  Workspace ws;
  REQUIRE(ws.load("quoted.csv", read_fixture("quoted.csv")).ok);
  const std::string before = ws.summary_text();
  const uint64_t gen = ws.generation();

  LoadOutcome e = ws.load("empty.csv", read_fixture("empty.csv"));
  CHECK_FALSE(e.ok);
  CHECK(e.error == "empty.csv: the file is empty");

  LoadOutcome nul = ws.load("photo.csv", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  CHECK_FALSE(nul.ok);
  CHECK(nul.error == "photo.csv: the file holds NUL bytes: it looks like a binary file, not text (CSV, TSV or JSON)");

  LoadOutcome hq = ws.load("hq.csv", "\"id,name\n1,2\n");
  CHECK_FALSE(hq.ok);
  CHECK(hq.error == "hq.csv: line 1: the header has an unterminated quote");

  LoadOutcome x = ws.load("Sales.XLSX", "PK\x03\x04");
  CHECK_FALSE(x.ok);
  CHECK(x.error == "Sales.XLSX: not an xlsx workbook: truncated zip archive: only 4 bytes");
  CHECK_FALSE(ws.load("a.json", "{}").ok);

  CHECK(ws.generation() == gen);
  CHECK(ws.summary_text() == before);
  REQUIRE(ws.datasets().size() == 1);
  CHECK(ws.datasets()[0].source == "quoted.csv");
}

TEST_CASE("Workspace::load: .tsv files are read as tab-separated") {
  const std::string bytes = "a\tb,c\n1\t2,3\n";  // as much evidence for the comma as for the tab
  Workspace tsv;
  REQUIRE(tsv.load("x.tsv", bytes).ok);
  CHECK(column_names(tsv.summary().at("columns")) == std::vector<std::string>{"a", "b,c"});
  CHECK(tsv.summary().at("datasets")[0].at("read").at("delimiter") == "\t");
  Workspace csv;
  REQUIRE(csv.load("x.csv", bytes).ok);
  CHECK(column_names(csv.summary().at("columns")) == std::vector<std::string>{"a\tb", "c"});
}

TEST_CASE("Workspace::load_demo") {
  Workspace ws;
  ws.load_demo();
  CHECK(ws.is_demo());
  CHECK(ws.generation() == 1);
  REQUIRE(ws.datasets().size() == 2);
  json s = ws.summary();
  CHECK(s.at("demo") == true);
  CHECK(s.at("source") == "demo");
  const json& orders = s.at("datasets")[0];
  const json& customers = s.at("datasets")[1];
  CHECK(orders.at("name") == "orders");
  CHECK(customers.at("name") == "customers");
  CHECK(s.at("rows") == orders.at("rows"));
  CHECK(orders.at("rows") == ws.datasets()[0].table.rows());
  CHECK(customers.at("rows") == 8000);
  CHECK(column_types(orders.at("columns")) ==
        std::vector<std::string>{"text", "category", "date", "money", "integer", "category", "category"});
  CHECK(column_types(customers.at("columns")) == std::vector<std::string>{
                                                     "category", "date", "integer", "category", "category",
                                                     "category", "category", "category"});
  CHECK(orders.at("read").at("records") == orders.at("rows"));
  CHECK(orders.at("read").at("rows_kept") == orders.at("rows"));
  CHECK(orders.at("read").at("rows_rejected") == 0);
  CHECK(customers.at("read").at("rows_kept") == 8000);
  const json& amount = orders.at("columns")[3];
  CHECK(amount.at("name") == "amount");
  CHECK(amount.at("missing") == 0);
  CHECK(amount.at("min").get<std::string>().rfind("¥", 0) == 0);
  const json& date = orders.at("columns")[2];
  CHECK(date.at("min") == "2024-01-01");
  CHECK(date.at("max").get<std::string>() < "2026-01-01");

  // Loading a file replaces the demo; a failed load keeps it.
  CHECK_FALSE(ws.load("empty.csv", "").ok);
  CHECK(ws.is_demo());
  CHECK(ws.datasets().size() == 2);
  REQUIRE(ws.load("header_only.csv", read_fixture("header_only.csv")).ok);
  CHECK_FALSE(ws.is_demo());
  CHECK(ws.generation() == 2);
  CHECK(ws.summary().at("rows") == 0);
  CHECK(ws.summary().at("datasets")[0].at("read").at("warnings") ==
        json::array({"the file has a header but no data rows"}));
}

TEST_CASE("Workspace::summary_text survives bytes that are not UTF-8") {
  Workspace ws;
  REQUIRE(ws.load("latin1.csv", "name\nM\xFCller\n").ok);
  std::string text;
  CHECK_NOTHROW(text = ws.summary_text());
  CHECK(text.find("M\xC3\xBCller") != std::string::npos);  // read as Windows-1252: Müller
  REQUIRE(ws.load("bad.csv", "name\nM\xFCller\n", IngestOptions{.encoding = "UTF-8"}).ok);
  CHECK_NOTHROW(text = ws.summary_text());
  CHECK(text.find("M\xEF\xBF\xBDller") != std::string::npos);  // U+FFFD in place of the bad byte
  CHECK(json::parse(text).at("rows") == 1);
  CHECK(ws.summary_text(-1).find('\n') == std::string::npos);
}

TEST_CASE("make_dataset computes one stats entry per column") {
  Table t;
  t.name = "t";
  t.columns.emplace_back("a", ColumnType::Integer);
  t.columns.emplace_back("b", ColumnType::Text);
  t.columns[0].push_int(4);
  t.columns[1].push_text("x");
  Dataset d = make_dataset("src.csv", t, ReadReport{});
  CHECK(d.source == "src.csv");
  REQUIRE(d.stats.size() == 2);
  CHECK(d.stats[0].name == "a");
  CHECK(d.stats[0].sum == 4);
  CHECK(d.stats[1].top.size() == 1);
}
