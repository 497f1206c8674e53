// The rows of the current data set: a virtualized table (only visible rows are formatted).
#include <algorithm>
#include <string>

#include "app/views/views.hpp"
#include "imgui.h"

namespace seglens::app {

namespace {
// ImGui tables hold at most this many columns; wider files show the first ones and say so.
constexpr int kMaxShownColumns = 500;
}

void draw_data_view(AppState& s) {
  const Dataset* d = s.current();
  if (!d) return;
  const Table& t = d->table;
  const int ncols = static_cast<int>(t.columns.size());
  const int shown = std::min(ncols, kMaxShownColumns);
  if (shown < ncols) ImGui::TextDisabled("Showing the first %d of %d columns.", shown, ncols);
  if (shown == 0) {
    ImGui::TextDisabled("No columns.");
    return;
  }
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_BordersV | ImGuiTableFlags_BordersOuterH |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##rows", shown + 1, flags)) return;
  ImGui::TableSetupScrollFreeze(1, 1);
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_NoHide);
  const float char_w = ImGui::CalcTextSize("0").x;
  for (int c = 0; c < shown; ++c) {
    const Column& col = t.columns[static_cast<size_t>(c)];
    float w = char_w * static_cast<float>(std::clamp<size_t>(col.name.size() + 2, 8, 28));
    if (is_temporal(col.type)) w = std::max(w, char_w * (col.type == ColumnType::DateTime ? 20.f : 11.f));
    ImGui::TableSetupColumn(col.name.c_str(), ImGuiTableColumnFlags_WidthFixed, w);
  }
  // Header row by hand, so a click on a header selects that column for the charts.
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  ImGui::TableSetColumnIndex(0);
  ImGui::TableHeader("#");
  for (int c = 0; c < shown; ++c) {
    ImGui::TableSetColumnIndex(c + 1);
    ImGui::PushID(c);
    ImGui::TableHeader(t.columns[static_cast<size_t>(c)].name.c_str());
    if (ImGui::IsItemClicked()) s.column = c;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", t.columns[static_cast<size_t>(c)].name.c_str(),
                                                  std::string(to_string(t.columns[static_cast<size_t>(c)].type)).c_str());
    ImGui::PopID();
  }
  const ImU32 selected_bg = ImGui::GetColorU32(ImGuiCol_Header, 0.35f);
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(t.rows()));
  std::string cell;
  while (clip.Step()) {
    for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextDisabled("%d", r + 1);
      for (int c = 0; c < shown; ++c) {
        if (!ImGui::TableSetColumnIndex(c + 1)) continue;  // scrolled out of view
        const Column& col = t.columns[static_cast<size_t>(c)];
        if (c == s.column) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, selected_bg);
        if (col.is_missing(static_cast<size_t>(r))) {
          ImGui::TextDisabled("-");
          continue;
        }
        cell = col.format(static_cast<size_t>(r));
        if (is_numeric(col.type)) {  // numbers right-aligned
          float pad = ImGui::GetColumnWidth() - ImGui::CalcTextSize(cell.c_str()).x;
          if (pad > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad);
        }
        ImGui::TextUnformatted(cell.c_str(), cell.c_str() + cell.size());
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace seglens::app
