// Seglens app: the state behind the ImGui front-end, and one frame of it.
//
// Views are functions over AppState (src/app/views/*.cpp). They read what the core computed;
// derived results (distributions for the charts) are asked from the core when their inputs
// change and cached here, never recomputed per frame.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "app/fonts.hpp"
#include "seglens/profile.hpp"
#include "seglens/workspace.hpp"

namespace seglens::app {

struct ChartCache {
  uint64_t generation = ~uint64_t{0};
  int dataset = -1, column = -1, date_column = -1, value_column = -1;
  Distribution column_dist;   // distribution of the selected column
  Distribution time_series;   // sum of value_column per month of date_column
};

struct AppState {
  Workspace ws;
  int dataset = 0;           // index into ws.datasets()
  int column = -1;           // selected column of that data set, -1 none
  int date_column = -1;      // inputs of the time-series chart
  int value_column = -1;
  std::string status;        // last message for the status bar
  std::string error;         // last load error, shown until dismissed
  // The read in progress (for the progress bar): its name, size and when it started.
  struct Loading {
    std::string name;
    uint64_t total_bytes = 0;
    double started = 0;      // ImGui::GetTime() seconds
  } loading;
  IngestOptions read_options;  // what the current file was read with (the read options panel edits it)
  ChartCache cache;
  uint64_t seen_generation = ~uint64_t{0};

  const Dataset* current() const;
};

class App {
 public:
  // Fonts, theme and the demo data; `scale` is the display's device pixel ratio.
  void init(float scale = 1);
  // The pixel ratio changed (window moved to another screen, zoom): fonts and sizes follow.
  void set_scale(float scale);
  float scale() const { return scale_; }
  void frame();  // builds one ImGui frame (between NewFrame and Render)

  LoadOutcome load_file(std::string_view name, std::string_view bytes, const IngestOptions& opt = {});
  // Chunked loading, driven by the host: begin, feed slices, finish (or cancel).
  void begin_load(std::string name, uint64_t total_bytes, const IngestOptions& opt = {});
  bool feed(std::string_view chunk);
  LoadOutcome finish_load();
  void cancel_load();
  void load_demo();
  AppState& state() { return s_; }
  Fonts& fonts() { return fonts_; }  // the host rebuilds the atlas when rebuild_pending()

 private:
  void sync();  // picks defaults after the data changed and refreshes the chart cache
  AppState s_;
  Fonts fonts_;
  float scale_ = 1;
  static constexpr float kFontSize = 16;
};

// Applies Seglens' colours and spacing to the current ImGui context, sizes scaled by `scale`
// (the display's device pixel ratio).
void apply_theme(float scale = 1);

}  // namespace seglens::app
