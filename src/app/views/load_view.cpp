// The toolbar (open a file, the demo, which data set) and the status bar.
#include <algorithm>
#include <cstdio>

#include "app/views/views.hpp"
#include "imgui.h"
#include "platform/platform.hpp"

namespace seglens::app {

void draw_toolbar(App& app) {
  AppState& s = app.state();
  if (ImGui::Button("Open file...")) platform::open_file_picker();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("CSV or TSV, UTF-8. You can also drop files anywhere on the page.\n"
                      "Files are read in this browser tab and never uploaded.");
  ImGui::SameLine();
  if (ImGui::Button("Demo data")) app.load_demo();
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  const auto& sets = s.ws.datasets();
  for (int i = 0; i < static_cast<int>(sets.size()); ++i) {
    ImGui::SameLine();
    char label[256];
    std::snprintf(label, sizeof label, "%s (%zu rows)##ds%d", sets[i].table.name.c_str(), sets[i].table.rows(), i);
    if (ImGui::RadioButton(label, s.dataset == i)) {
      s.dataset = i;
      s.column = s.date_column = s.value_column = -1;
    }
  }
  const char* badge = "Private: your data never leaves this browser";
  const float w = ImGui::CalcTextSize(badge).x;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + ImGui::GetFontSize(), ImGui::GetWindowContentRegionMax().x - w));
  ImGui::TextColored(ImVec4(0.30f, 0.65f, 0.40f, 1), "%s", badge);

  if (!s.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(120, 30, 30, 255));
    const float h = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().WindowPadding.y * 2;
    ImGui::BeginChild("##error", ImVec2(0, h), ImGuiChildFlags_Border);
    ImGui::TextUnformatted("Could not load the file");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize("Dismiss").x - ImGui::GetStyle().FramePadding.x * 2);
    if (ImGui::SmallButton("Dismiss")) s.error.clear();
    ImGui::TextWrapped("%s", s.error.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
  }
}

void draw_status_bar(AppState& s) {
  ImGui::Separator();
  const Dataset* d = s.current();
  if (d)
    ImGui::Text("%s  |  %zu rows x %zu columns  |  %s", d->source.c_str(), d->table.rows(), d->table.columns.size(),
                s.status.c_str());
  else
    ImGui::TextUnformatted(s.status.c_str());
}

}  // namespace seglens::app
