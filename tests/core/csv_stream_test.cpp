// The streaming CSV reader: records may span chunks of any size, and the result must not depend
// on where the input is cut.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "seglens/csv.hpp"
#include "seglens/ingest.hpp"

namespace {

// Records what a reader emits, as text.
struct Recorder : seglens::RowSink {
  std::vector<std::string> log;
  void set_columns(std::vector<std::string> names) override {
    std::string s = "H";
    for (auto& n : names) s += "|" + n;
    log.push_back(s);
  }
  void add_row(const std::string_view* cells, size_t n, size_t row) override {
    std::string s = "R" + std::to_string(row);
    for (size_t i = 0; i < n; ++i) s += "|" + std::string(cells[i]);
    log.push_back(s);
  }
  void reject(size_t row, size_t column, std::string_view raw, std::string reason) override {
    log.push_back("X" + std::to_string(row) + ":" + std::to_string(column) + ":" + std::string(raw) + ":" + reason);
  }
};

std::vector<std::string> read_in_chunks(std::string_view text, std::vector<size_t> cuts, char delim = ',') {
  Recorder rec;
  seglens::CsvReader r(rec, delim, true);
  size_t at = 0;
  for (size_t c : cuts) {
    r.feed(text.substr(at, c - at));
    at = c;
  }
  r.feed(text.substr(at));
  r.finish();
  return rec.log;
}

}  // namespace

TEST_CASE("records are the same wherever the input is cut") {
  const std::string text =
      "id,name,note\r\n"
      "1,\"Li, Wei\",\"said \"\"hi\"\"\"\r\n"
      "2,张三,\"two\nlines\"\n"
      "\n"
      "3,x,\"\"\r"
      "4,\"a\"\"\",tail\r\n"
      "5,too,many,fields\n"
      "6,last,row";
  const auto whole = read_in_chunks(text, {});
  const std::vector<std::string> expected = {
      "H|id|name|note",
      "R2|1|Li, Wei|said \"hi\"",
      "R3|2|张三|two\nlines",
      "R6|3|x|",
      "R7|4|a\"|tail",
      "X8:4:5,too,many,fields:expected 3 fields, found 4",
      "R9|6|last|row",
  };
  CHECK(whole == expected);
  for (size_t cut = 1; cut < text.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK(read_in_chunks(text, {cut}) == expected);
  }
  // every byte its own chunk
  std::vector<size_t> all;
  for (size_t i = 1; i < text.size(); ++i) all.push_back(i);
  CHECK(read_in_chunks(text, all) == expected);
}

TEST_CASE("a quote never closed takes the rest of the file, and is rejected with its line") {
  const std::string text = "a,b\n1,2\n3,\"open\n4,5\n6,7\n";
  const std::vector<std::string> expected = {
      "H|a|b", "R2|1|2", "X3:2:3,\"open\n4,5\n6,7:a quoted field is never closed: it runs from here to the end of the file"};
  CHECK(read_in_chunks(text, {}) == expected);
  for (size_t cut = 1; cut < text.size(); ++cut) CHECK(read_in_chunks(text, {cut}) == expected);
}

TEST_CASE("a CR at the end of a chunk and an LF at the start of the next are one line end") {
  const std::string text = "a\r\n1\r\n2\r\n";
  const std::vector<std::string> expected = {"H|a", "R2|1", "R3|2"};
  CHECK(read_in_chunks(text, {2}) == expected);
  CHECK(read_in_chunks(text, {5}) == expected);
  CHECK(read_in_chunks(text, {2, 5}) == expected);
}

TEST_CASE("a huge record in many small chunks is read in linear time and intact") {
  std::string cell(3'000'000, 'x');
  std::string text = "a,b\n1,\"" + cell + "\"\n2,y\n";
  Recorder rec;
  seglens::CsvReader r(rec, ',', true);
  for (size_t at = 0; at < text.size(); at += 1000) r.feed(std::string_view(text).substr(at, 1000));
  r.finish();
  REQUIRE(rec.log.size() == 3);
  CHECK(rec.log[1].size() == 3 + 1 + 1 + cell.size());
  CHECK(rec.log[2] == "R3|2|y");
}

TEST_CASE("tab and semicolon delimiters, no header") {
  Recorder rec;
  seglens::CsvReader r(rec, ';', false);
  r.feed("\n1;2\n3;4");
  r.finish();
  const std::vector<std::string> expected = {"H|column_1|column_2", "R2|1|2", "R3|3|4"};
  CHECK(rec.log == expected);
  CHECK(r.blank_lines() == 1);
  CHECK(r.records() == 2);
}

TEST_CASE("a record completed by the next chunk at a bare CR keeps the line end after it") {
  // Found by fuzz_csv: "...jing\r" completes the carried record, and the \n after the next record
  // must not be taken for the second half of that \r.
  const std::string text = "a,b\n1,Beijing\r3,2\n4,5\n";
  const std::vector<std::string> expected = {"H|a|b", "R2|1|Beijing", "R3|3|2", "R4|4|5"};
  CHECK(read_in_chunks(text, {}) == expected);
  for (size_t cut = 1; cut < text.size(); ++cut)
    for (size_t cut2 = cut + 1; cut2 < text.size(); ++cut2) {
      INFO("cuts " << cut << ", " << cut2);
      CHECK(read_in_chunks(text, {cut, cut2}) == expected);
    }
}

TEST_CASE("stray quotes (text after a closing quote, quotes inside fields) read the same across cuts") {
  // Found by fuzz_csv: quote parity and the reader disagree on such records; the result must not.
  for (const std::string text : {std::string("a,b\n1,\"Chen \"J\"C\"\"x\n2,\"Smith, A\nb\"\n3,4\n"),
                                 std::string("a,b\nx\"y,\"z\n\"\n5,6\n7,\"8\n"),
                                 std::string("h\n\"a\"b\"\nc\"\nd\n")}) {
    const auto whole = read_in_chunks(text, {});
    for (size_t cut = 1; cut < text.size(); ++cut)
      for (size_t cut2 = cut + 1; cut2 < text.size(); ++cut2) {
        INFO("text " << text << " cuts " << cut << ", " << cut2);
        CHECK(read_in_chunks(text, {cut, cut2}) == whole);
      }
  }
}
