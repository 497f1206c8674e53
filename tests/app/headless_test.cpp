// The app's views driven headless: the real ImGui code with no window or renderer (a null
// backend), so frames are built, laid out and checked by ImGui's own assertions.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "app/app.hpp"
#include "imgui.h"
#include "platform/native.hpp"

static int g_check_failures = 0;
void seglens_imgui_check_failed(const char* expr, const char* file, int line) {
  ++g_check_failures;
  std::fprintf(stderr, "ImGui check failed: %s (%s:%d)\n", expr, file, line);
}

namespace {

struct Headless {
  explicit Headless(float w = 1280, float h = 800) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(w, h);
    io.DeltaTime = 1.0f / 60;
    unsigned char* pixels;
    int tw, th;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
    g_check_failures = 0;
  }
  ~Headless() { ImGui::DestroyContext(); }

  // Runs one frame; returns the number of vertices drawn.
  int frame(seglens::app::App& app) {
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
  }
  void mouse(float x, float y, bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, down);
  }
};

std::string csv_with_columns(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? ",c" : "c") + std::to_string(i);
  s += "\n";
  for (int r = 0; r < 3; ++r) {
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + std::to_string(r * i);
    s += "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("the demo draws: toolbar, columns, charts and rows") {
  Headless h;
  seglens::app::App app;
  app.init();
  int vtx = 0;
  for (int i = 0; i < 3; ++i) vtx = h.frame(app);
  CHECK(g_check_failures == 0);
  CHECK(vtx > 5000);  // a full screen of text, a table and two bar charts
  const auto& s = app.state();
  REQUIRE(s.current() != nullptr);
  CHECK(s.current()->table.name == "orders");
  // Defaults: the money column drives both charts, the date column the time axis.
  CHECK(s.current()->table.columns[static_cast<size_t>(s.column)].name == "amount");
  CHECK(s.current()->table.columns[static_cast<size_t>(s.date_column)].name == "order_date");
  CHECK(s.cache.column_dist.labels.size() == 24);
  CHECK(s.cache.time_series.labels.size() == 24);  // 24 months of orders
  CHECK(s.cache.time_series.labels.front() == "2024-01");
  CHECK(s.cache.time_series.labels.back() == "2025-12");
}

TEST_CASE("choosing another column or data set refreshes the chart from the core") {
  Headless h;
  seglens::app::App app;
  app.init();
  h.frame(app);
  auto& s = app.state();
  s.column = s.current()->table.index_of("channel");
  h.frame(app);
  CHECK(s.cache.column_dist.title == "channel");
  CHECK(s.cache.column_dist.labels.size() == 5);
  s.dataset = 1;  // customers
  s.column = s.date_column = s.value_column = -1;
  h.frame(app);
  h.frame(app);
  CHECK(s.current()->table.name == "customers");
  CHECK(s.cache.time_series.title == "signup_date (rows per month)");
  CHECK(g_check_failures == 0);
}

TEST_CASE("loading a CSV replaces the data; a bad file keeps it and shows the error") {
  Headless h;
  seglens::app::App app;
  app.init();
  h.frame(app);
  auto r = app.load_file("shop.csv", "id,when,total\n1,2024-01-05,10.5\n2,2024-02-01,3\n");
  CHECK(r.ok);
  h.frame(app);
  auto& s = app.state();
  CHECK(!s.ws.is_demo());
  CHECK(s.current()->table.rows() == 2);
  CHECK(s.current()->table.columns[static_cast<size_t>(s.value_column)].name == "total");
  r = app.load_file("empty.csv", "");
  CHECK(!r.ok);
  CHECK(s.error == "empty.csv: the file is empty");
  CHECK(s.current()->table.rows() == 2);
  h.frame(app);
  CHECK(g_check_failures == 0);
}

TEST_CASE("a file wider than the table widget can show still draws") {
  Headless h;
  seglens::app::App app;
  app.init();
  REQUIRE(app.load_file("wide.csv", csv_with_columns(700)).ok);
  for (int i = 0; i < 2; ++i) h.frame(app);
  CHECK(app.state().current()->table.columns.size() == 700);
  CHECK(g_check_failures == 0);
}

TEST_CASE("mouse input over every part of the screen never breaks a frame") {
  Headless h(1024, 700);
  seglens::app::App app;
  app.init();
  h.frame(app);
  const int before = seglens::platform::native_state_changes();
  // Sweep hover and clicks across the window: buttons, tables, headers, charts.
  for (float y = 14; y < 700; y += 37)
    for (float x = 5; x < 1024; x += 40) {
      h.mouse(x, y, false);
      h.frame(app);
      h.mouse(x, y, true);
      h.frame(app);
      h.mouse(x, y, false);
      h.frame(app);
    }
  CHECK(g_check_failures == 0);
  CHECK(seglens::platform::native_file_pickers() >= 1);   // the "Open file..." button was hit
  CHECK(seglens::platform::native_state_changes() > before);  // and "Demo data" reloaded
}

TEST_CASE("Chinese text shows: common characters at start, rarer ones added from the data") {
  Headless h;
  seglens::app::App app;
  app.init();
  h.frame(app);
  auto& fonts = app.fonts();
  CHECK(fonts.has_glyph(U'客'));
  CHECK(fonts.has_glyph(U'A'));
  CHECK(fonts.has_glyph(U'¥'));
  CHECK_FALSE(fonts.has_glyph(U'圳'));  // not among ImGui's 2,500 common characters
  REQUIRE(app.load_file("客户.csv", "客户ID,所在城市\nC1,深圳\nC2,北京\n").ok);
  CHECK(fonts.rebuild_pending());
  fonts.rebuild();  // what the host does before the next frame
  h.frame(app);
  CHECK(fonts.has_glyph(U'圳'));
  CHECK(fonts.extra_count() >= 1);
  CHECK(g_check_failures == 0);
}

TEST_CASE("the read report lists rejected rows and cells kept as missing, and draws") {
  Headless h;
  seglens::app::App app;
  app.init();
  seglens::IngestOptions opt;
  opt.sample_rows = 2;
  REQUIRE(app.load_file("messy.csv", "id,qty\n1,3\n2,4\n3,lots\n4\n5,6\n", opt).ok);
  for (int i = 0; i < 3; ++i) h.frame(app);
  const auto& r = app.state().current()->report;
  CHECK(r.rows_rejected == 1);
  CHECK(r.cells_invalid == 1);
  CHECK(app.state().read_options.sample_rows == 2);
  // Hover across the left panel, where the report's tables are.
  for (float y = 200; y < 800; y += 20) {
    h.mouse(120, y, false);
    h.frame(app);
  }
  CHECK(g_check_failures == 0);
}
