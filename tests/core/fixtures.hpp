// Shared by the core tests: reading a fixture of tests/data (the core itself never opens files),
// and printing vectors and optionals in failure messages (doctest shows {?} otherwise).
#pragma once
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "seglens/table.hpp"

#ifndef SEGLENS_TEST_DATA
#error "SEGLENS_TEST_DATA must name the tests/data directory"
#endif

namespace seglens::test {

inline std::string read_fixture(const std::string& name) {
  std::ifstream f(std::string(SEGLENS_TEST_DATA) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(f.good(), "cannot open fixture " << name);
  std::ostringstream ss;
  ss << f.rdbuf();
  return std::move(ss).str();
}

}  // namespace seglens::test

namespace doctest {

template <class T>
struct StringMaker<std::vector<T>> {
  static String convert(const std::vector<T>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ", ";
      out += toString(v[i]).c_str();
    }
    out += "}";
    return String(out.c_str());
  }
};

template <class T>
struct StringMaker<std::optional<T>> {
  static String convert(const std::optional<T>& v) {
    return v ? toString(*v) : String("nullopt");
  }
};

template <>
struct StringMaker<std::nullopt_t> {
  static String convert(std::nullopt_t) { return "nullopt"; }
};

template <>
struct StringMaker<std::string> {
  static String convert(const std::string& s) { return String(("\"" + s + "\"").c_str()); }
};

template <>
struct StringMaker<seglens::ColumnType> {
  static String convert(seglens::ColumnType t) { return String(std::string(seglens::to_string(t)).c_str()); }
};

}  // namespace doctest
