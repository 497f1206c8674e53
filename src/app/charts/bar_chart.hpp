// Seglens charts: bar chart drawn with ImDrawList.
#pragma once
#include <string>
#include <vector>

#include "imgui.h"
#include "seglens/profile.hpp"

namespace seglens::app::charts {

struct BarChartOptions {
  ImU32 color = IM_COL32(64, 128, 204, 255);
  ImU32 hover_color = IM_COL32(240, 150, 40, 255);
  bool money = false;        // value axis and tooltips as money
  const char* unit = "";     // prefix for money values
  const char* value_name = "rows";
};

// Draws `d` into a region of `size` (negative or zero components take the available space).
// Returns the index of the hovered bar, or -1.
int bar_chart(const char* id, const Distribution& d, ImVec2 size, const BarChartOptions& opt = {});

// "Nice" axis ticks (1, 2, 5 x 10^k steps) covering [0, max].
std::vector<double> nice_ticks(double max, int target_count);
std::string short_number(double v);

}  // namespace seglens::app::charts
