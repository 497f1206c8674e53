// Tests of src/core/json_reader.cpp: the shapes read (array, JSON Lines, {"data": [...]}, values
// one after another), cells as text (numbers as written, escapes, nested values), rejected
// records, and the errors for text that is not JSON (truncated, scalar, too deeply nested).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "fixtures.hpp"
#include "recording_sink.hpp"
#include "seglens/json_reader.hpp"

using namespace seglens;
using namespace seglens::test;

namespace {

struct Read {
  bool ok = false;
  std::string error;
  RecordingSink sink;
};

Read read(std::string_view text) {
  Read r;
  r.ok = read_json(text, r.sink, r.error);
  if (r.ok) {
    CHECK(r.error.empty());
    CHECK(r.sink.set_columns_calls == 1);
  } else {
    // Nothing reaches the sink from text that is not JSON.
    CHECK(r.sink.set_columns_calls == 0);
    CHECK(r.sink.rows.empty());
    CHECK(r.sink.rejects.empty());
  }
  return r;
}

using Rows = std::vector<std::vector<std::string>>;
using Names = std::vector<std::string>;
using Numbers = std::vector<size_t>;

}  // namespace

TEST_CASE("looks_like_json") {
  CHECK(looks_like_json("[1]"));
  CHECK(looks_like_json("  \r\n\t{\"a\":1}"));
  CHECK(looks_like_json("\xEF\xBB\xBF[]"));  // a UTF-8 BOM is skipped
  CHECK_FALSE(looks_like_json(""));
  CHECK_FALSE(looks_like_json("   "));
  CHECK_FALSE(looks_like_json("id,name\n1,Ann\n"));
  CHECK_FALSE(looks_like_json("\"just a string\""));
  CHECK_FALSE(looks_like_json("42"));
}

TEST_CASE("read_json: an array of objects") {
  Read r = read(R"J([{"id":1,"name":"Ann","vip":true,"note":null},
                     {"id":2,"name":"Bob","vip":false}])J");
  REQUIRE(r.ok);
  CHECK(r.sink.columns == Names{"id", "name", "vip", "note"});
  CHECK(r.sink.rows == Rows{{"1", "Ann", "true", ""}, {"2", "Bob", "false", ""}});
  CHECK(r.sink.source_rows == Numbers{1, 2});
  CHECK(r.sink.rejects.empty());
}

TEST_CASE("read_json: columns are the union of keys, in first-seen order") {
  Read r = read(R"J([{"a":1},{"b":2,"a":3},{},{"c":4,"b":5}])J");
  REQUIRE(r.ok);
  CHECK(r.sink.columns == Names{"a", "b", "c"});
  CHECK(r.sink.rows == Rows{{"1", "", ""}, {"3", "2", ""}, {"", "", ""}, {"", "5", "4"}});
  CHECK(r.sink.source_rows == Numbers{1, 2, 3, 4});

  // A key repeated in one object: the last value wins (as in nlohmann::json and JavaScript).
  Read d = read(R"J([{"a":1,"a":2}])J");
  REQUIRE(d.ok);
  CHECK(d.sink.columns == Names{"a"});
  CHECK(d.sink.rows == Rows{{"2"}});
}

TEST_CASE("read_json: elements that are not objects are rejected") {
  Read r = read(R"J([{"a":1}, 5, "x", [1, 2], true, null, {"a":2}])J");
  REQUIRE(r.ok);
  CHECK(r.sink.columns == Names{"a"});
  CHECK(r.sink.rows == Rows{{"1"}, {"2"}});
  CHECK(r.sink.source_rows == Numbers{1, 7});
  REQUIRE(r.sink.rejects.size() == 5);
  const std::vector<std::string> raws = {"5", "\"x\"", "[1, 2]", "true", "null"};
  const std::vector<std::string> reasons = {
      "element 2 is a number, not an object", "element 3 is a string, not an object",
      "element 4 is an array, not an object", "element 5 is a boolean, not an object",
      "element 6 is null, not an object"};
  for (size_t i = 0; i < 5; ++i) {
    CHECK(r.sink.rejects[i].row == i + 2);
    CHECK(r.sink.rejects[i].column == 0);
    CHECK(r.sink.rejects[i].raw == raws[i]);
    CHECK(r.sink.rejects[i].reason == reasons[i]);
  }

  // The raw text is cut to 512 bytes without splitting a UTF-8 character.
  std::string big = "\"";
  for (int i = 0; i < 300; ++i) big += "你";
  big += "\"";
  Read b = read("[" + big + "]");
  REQUIRE(b.ok);
  REQUIRE(b.sink.rejects.size() == 1);
  CHECK(b.sink.rejects[0].raw.size() == 511);  // the quote and 170 three-byte characters
  CHECK(b.sink.rejects[0].raw == big.substr(0, 511));
}

TEST_CASE("read_json: nested objects and arrays become compact JSON text") {
  Read r = read(R"J([{"o": {"k": [1, 2 , {"z" : "a b"}]}, "e": { }, "arr": [ ], "t": [true,null],
                      "esc": {"t": "\u4f60 \"q\""}}])J");
  REQUIRE(r.ok);
  CHECK(r.sink.columns == Names{"o", "e", "arr", "t", "esc"});
  // Whitespace between tokens goes; strings, numbers and escapes stay as written.
  CHECK(r.sink.rows == Rows{{R"J({"k":[1,2,{"z":"a b"}]})J", "{}", "[]", "[true,null]", R"J({"t":"\u4f60 \"q\""})J"}});
}

TEST_CASE("read_json: strings and escapes") {
  Read r = read(R"J([{"s":"\u4f60\u597d","emoji":"\ud83d\ude00","esc":"a\\b\"c\/d\n\t\r\b\f",
                      "raw":"价格 ✓","lone":"x\ud800y","low":"\udc00","\u540d":"key escaped","":"empty key"}])J");
  REQUIRE(r.ok);
  CHECK(r.sink.columns == Names{"s", "emoji", "esc", "raw", "lone", "low", "名", ""});
  REQUIRE(r.sink.rows.size() == 1);
  const auto& row = r.sink.rows[0];
  CHECK(row[0] == "你好");
  CHECK(row[1] == "\xF0\x9F\x98\x80");  // U+1F600 from its surrogate pair
  CHECK(row[2] == "a\\b\"c/d\n\t\r\b\f");
  CHECK(row[3] == "价格 ✓");
  CHECK(row[4] == "x\xEF\xBF\xBDy");  // a lone surrogate becomes U+FFFD
  CHECK(row[5] == "\xEF\xBF\xBD");
  CHECK(row[6] == "key escaped");
  CHECK(row[7] == "empty key");

  Read z = read(R"J([{"nul":"a\u0000b"}])J");
  REQUIRE(z.ok);
  CHECK(z.sink.rows[0][0] == std::string("a\0b", 3));
}

TEST_CASE("read_json: numbers are kept as written") {
  Read r = read(R"J([{"a":1.10,"b":1e3,"c":-0,"d":12345678901234567890,"e":-1.5E-7,
                      "f":123456789012345678901234567890,"g":0,"h":-0.0,"i":2E+2}])J");
  REQUIRE(r.ok);
  CHECK(r.sink.rows == Rows{{"1.10", "1e3", "-0", "12345678901234567890", "-1.5E-7",
                             "123456789012345678901234567890", "0", "-0.0", "2E+2"}});
  for (const char* bad : {"[{\"a\":01}]", "[{\"a\":1.}]", "[{\"a\":.5}]", "[{\"a\":1e}]", "[{\"a\":+1}]",
                          "[{\"a\":-}]", "[{\"a\":NaN}]", "[{\"a\":0x10}]"}) {
    CAPTURE(bad);
    CHECK_FALSE(read(bad).ok);
  }
}

TEST_CASE("read_json: JSON Lines, with a line that does not parse") {
  const std::string text =
      "{\"id\":1,\"name\":\"Ann\"}\n"
      "\n"
      "{\"id\":2,\"zip\":}\n"
      "{\"id\":3,\"city\":\"Paris\"}\r\n"
      "   \t\n"
      "{\"id\":4} trailing\n"
      "[1,2]\n"
      "\xEF\xBB\xBF{\"id\":5}";  // a BOM starting a line (files joined with cat) is skipped
  Read r = read(text);
  REQUIRE(r.ok);
  // "zip" (only on the line rejected) is no column.
  CHECK(r.sink.columns == Names{"id", "name", "city"});
  CHECK(r.sink.rows == Rows{{"1", "Ann", ""}, {"3", "", "Paris"}, {"5", "", ""}});
  CHECK(r.sink.source_rows == Numbers{1, 4, 8});  // source rows are line numbers
  REQUIRE(r.sink.rejects.size() == 3);
  CHECK(r.sink.rejects[0].row == 3);
  CHECK(r.sink.rejects[0].column == 0);
  CHECK(r.sink.rejects[0].raw == "{\"id\":2,\"zip\":}");
  CHECK(r.sink.rejects[0].reason == "line 3, column 15: unexpected '}'; expected a value");
  CHECK(r.sink.rejects[1].row == 6);
  CHECK(r.sink.rejects[1].raw == "{\"id\":4} trailing");
  CHECK(r.sink.rejects[1].reason ==
        "line 6, column 10: unexpected 't'; expected the end of the line after the value");
  CHECK(r.sink.rejects[2].row == 7);
  CHECK(r.sink.rejects[2].raw == "[1,2]");
  CHECK(r.sink.rejects[2].reason == "line 7 is an array, not an object");
}

TEST_CASE("read_json: JSON Lines whose first line is broken") {
  // Cut short inside a string: the string does not close on its line.
  Read a = read("{\"id\":1,\"na\n{\"id\":2}\n");
  REQUIRE(a.ok);
  CHECK(a.sink.rows == Rows{{"2"}});
  CHECK(a.sink.source_rows == Numbers{2});
  REQUIRE(a.sink.rejects.size() == 1);
  CHECK(a.sink.rejects[0].row == 1);
  CHECK(a.sink.rejects[0].raw == "{\"id\":1,\"na");
  CHECK(a.sink.rejects[0].reason == "line 1, column 12: a string is not closed on its line");

  // Cut short between members: the next line starts a new object.
  Read b = read("{\"id\":1,\n{\"id\":2}\n{\"id\":3}\n");
  REQUIRE(b.ok);
  CHECK(b.sink.rows == Rows{{"2"}, {"3"}});
  REQUIRE(b.sink.rejects.size() == 1);
  CHECK(b.sink.rejects[0].reason == "line 1, column 9: unexpected end of the line; expected a string key");

  // Every line bad: not JSON.
  Read c = read("{oops}\n{nope}\n");
  CHECK_FALSE(c.ok);
  CHECK(c.error == "line 1, column 2: unexpected 'o'; expected a string key");
}

TEST_CASE("read_json: one record per top-level value, over several lines (jq output)") {
  const std::string text =
      "{\n  \"a\": 1\n}\n"
      "{\n  \"a\": 2,\n  \"b\": [\n    1\n  ]\n}\n"
      "{\n  \"a\": oops\n}\n"
      "{\"a\": 4}\n";
  Read r = read(text);
  REQUIRE(r.ok);
  CHECK(r.sink.columns == Names{"a", "b"});
  CHECK(r.sink.rows == Rows{{"1", ""}, {"2", "[1]"}, {"4", ""}});
  CHECK(r.sink.source_rows == Numbers{1, 4, 13});
  REQUIRE(r.sink.rejects.size() == 1);
  CHECK(r.sink.rejects[0].row == 10);
  CHECK(r.sink.rejects[0].raw == "{\n  \"a\": oops\n}");
  CHECK(r.sink.rejects[0].reason == "line 11, column 8: invalid literal 'oops'; expected a value");

  // A record is read up to the next line starting with '{' or '[' at most.
  Read cut = read("{\n  \"a\": 1\n}\n{\n  \"a\": [\n{\"a\": 3}\n");
  REQUIRE(cut.ok);
  CHECK(cut.sink.rows == Rows{{"1"}, {"3"}});
  CHECK(cut.sink.source_rows == Numbers{1, 6});
  REQUIRE(cut.sink.rejects.size() == 1);
  CHECK(cut.sink.rejects[0].row == 4);
  CHECK(cut.sink.rejects[0].raw == "{\n  \"a\": [");
  CHECK(cut.sink.rejects[0].reason ==
        "line 6, column 1: the value is not closed before the next line starting with '{' or '['; expected a value");
}

TEST_CASE("read_json: an object holding the records ({\"data\": [...]})") {
  Read r = read(R"J({"meta":{"page":1},"tags":["x"],"empty":[],
                     "data":[{"id":1},{"id":2,"n":"b"},7],"more":[{"z":1}]})J");
  REQUIRE(r.ok);
  // The first array member that holds an object; other members are not read.
  CHECK(r.sink.columns == Names{"id", "n"});
  CHECK(r.sink.rows == Rows{{"1", ""}, {"2", "b"}});
  CHECK(r.sink.source_rows == Numbers{1, 2});
  REQUIRE(r.sink.rejects.size() == 1);
  CHECK(r.sink.rejects[0].row == 3);
  CHECK(r.sink.rejects[0].raw == "7");
  CHECK(r.sink.rejects[0].reason == "element 3 is a number, not an object");

  // Non-objects before the first object are rejected elements of that array too.
  Read m = read(R"J({"rows":[1,{"a":2}]})J");
  REQUIRE(m.ok);
  CHECK(m.sink.rows == Rows{{"2"}});
  CHECK(m.sink.source_rows == Numbers{2});
  REQUIRE(m.sink.rejects.size() == 1);
  CHECK(m.sink.rejects[0].row == 1);
}

TEST_CASE("read_json: an object with no array of objects is one record") {
  Read r = read(R"J({"name":"Ann","tags":["a","b"],"data":[]})J");
  REQUIRE(r.ok);
  CHECK(r.sink.columns == Names{"name", "tags", "data"});
  CHECK(r.sink.rows == Rows{{"Ann", R"J(["a","b"])J", "[]"}});
  CHECK(r.sink.source_rows == Numbers{1});

  Read e = read("{}");
  REQUIRE(e.ok);
  CHECK(e.sink.columns.empty());
  CHECK(e.sink.rows == Rows{{}});
}

TEST_CASE("read_json: an empty array is no columns and no rows") {
  for (const char* text : {"[]", "  [ \n ]\n", "\xEF\xBB\xBF[]", "{\"data\":[{}]}"}) {
    CAPTURE(text);
    Read r = read(text);
    REQUIRE(r.ok);
    CHECK(r.sink.set_columns_calls == 1);
    CHECK(r.sink.columns.empty());
    CHECK(r.sink.rejects.empty());
  }
  CHECK(read("[]").sink.rows.empty());
  CHECK(read("{\"data\":[{}]}").sink.rows == Rows{{}});  // one record without fields
}

TEST_CASE("read_json: text that is not JSON") {
  auto error_of = [](std::string_view text) {
    Read r = read(text);
    CHECK_FALSE(r.ok);
    return r.error;
  };
  CHECK(error_of("") == "line 1, column 1: no JSON value (the text is empty)");
  CHECK(error_of(" \n ") == "line 2, column 2: no JSON value (the text is empty)");
  CHECK(error_of("id,name\n1,Ann\n") == "line 1, column 1: invalid literal 'id'; expected a value");
  CHECK(error_of("42") == "line 1, column 1: the top level is a number, not an array or an object");
  CHECK(error_of("\n  \"text\"\n") == "line 2, column 3: the top level is a string, not an array or an object");
  CHECK(error_of("true") == "line 1, column 1: the top level is a boolean, not an array or an object");
  CHECK(error_of("null") == "line 1, column 1: the top level is null, not an array or an object");
  // Truncated files.
  CHECK(error_of("{\"meta\":") == "line 1, column 9: unexpected end of input; expected a value");  // found by fuzz_json
  CHECK(error_of("[{\"a\":1},\n{\"a\":2") == "line 2, column 7: unexpected end of input; expected ',' or '}'");
  CHECK(error_of("[\n  {\"名前\": \"山田\"},\n  {\"名前\": \"田") == "line 3, column 12: a string is never closed");
  CHECK(error_of("[\n  {\"a\": 1},\n  {\"a\": 2},\n") == "line 4, column 1: unexpected end of input; expected a value");
  CHECK(error_of("{\n  \"data\": [\n    {\"a\": 1}\n") ==
        "line 4, column 1: unexpected end of input; expected ',' or ']'");
  // Broken in the middle; columns count characters, not bytes.
  CHECK(error_of("[{\"城市\":\"北京\" \"x\":1}]") == "line 1, column 13: unexpected '\"'; expected ',' or '}'");
  CHECK(error_of("[{\"a\":1},]") == "line 1, column 10: unexpected ']'; expected a value");
  CHECK(error_of("[{\"a\":\"tab\there\"}]") ==
        "line 1, column 11: control character 0x09 in a string (it must be escaped)");
  CHECK(error_of("[{\"a\":\"\\x\"}]") == "line 1, column 8: invalid escape '\\x' in a string");
  CHECK(error_of("[{\"a\":\"\\u12g4\"}]") == "line 1, column 8: invalid \\u escape: expected four hex digits");
  // A whole value and more on its line: read as JSON Lines, where that line is bad.
  CHECK(error_of("[{\"a\":1}] x") ==
        "line 1, column 11: unexpected 'x'; expected the end of the line after the value");
  CHECK(error_of("[{\"a\":tru}]") == "line 1, column 7: invalid literal 'tru'; expected a value");
  CHECK(error_of("[{\"a\":1} {\"a\":2}]") == "line 1, column 10: unexpected '{'; expected ',' or ']'");
  CHECK(error_of("[\xC3\xA9]") == "line 1, column 2: unexpected 'é'; expected a value");
  CHECK(error_of("[\xFF]") == "line 1, column 2: unexpected byte 0xFF; expected a value");
}

TEST_CASE("read_json: records x columns beyond 250 million cells is an error") {
  // A small text can ask for a huge table when records bring new keys: refused before any row.
  std::string text = "{";
  for (int i = 0; i < 20000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
  text += "}\n";
  for (int i = 0; i < 12500; ++i) text += "{}\n";
  Read r = read(text);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "too many cells for one table: 12501 records x 20000 columns (at most 250000000 cells)");
  // One record less: 250 million cells exactly, read (into a sink that only counts them).
  struct Counting final : RowSink {
    size_t columns = 0, rows = 0;
    void set_columns(std::vector<std::string> names) override { columns = names.size(); }
    void add_row(const std::string_view*, size_t, size_t) override { ++rows; }
    void reject(size_t, size_t, std::string_view, std::string) override {}
  } counting;
  text.resize(text.size() - 3);
  std::string error;
  CHECK(read_json(text, counting, error));
  CHECK(counting.columns * counting.rows == 250000000);
}

TEST_CASE("read_json: deep nesting is an error, not a crash") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Read r = read(deep);
  CHECK_FALSE(r.ok);
  CHECK(r.error == "line 1, column 513: nesting deeper than 512 levels");

  Read open = read(std::string(100000, '['));
  CHECK_FALSE(open.ok);
  CHECK(open.error == "line 1, column 513: nesting deeper than 512 levels");

  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  CHECK(read(objects).error == "line 1, column 2561: nesting deeper than 512 levels");

  // Up to the limit is fine: a record at level 2 holding 510 more levels.
  const std::string ok_value = std::string(510, '[') + std::string(510, ']');
  Read fits = read("[{\"v\":" + ok_value + "}]");
  REQUIRE(fits.ok);
  CHECK(fits.sink.rows == Rows{{ok_value}});
  CHECK_FALSE(read("[{\"v\":[" + ok_value + "]}]").ok);

  // In JSON Lines only the deep line is rejected.
  Read lines = read("{\"a\":1}\n{\"b\":" + std::string(1000, '[') + "}\n{\"a\":3}\n");
  REQUIRE(lines.ok);
  CHECK(lines.sink.columns == Names{"a"});
  CHECK(lines.sink.rows == Rows{{"1"}, {"3"}});
  REQUIRE(lines.sink.rejects.size() == 1);
  CHECK(lines.sink.rejects[0].row == 2);
  CHECK(lines.sink.rejects[0].raw.size() == 512);
  CHECK(lines.sink.rejects[0].reason == "line 2, column 517: nesting deeper than 512 levels");
}
