// Seglens' look: a calm dark theme with rounded controls and roomy spacing.
#include "app/app.hpp"
#include "imgui.h"

namespace seglens::app {

void apply_theme(float scale) {
  ImGuiStyle& st = ImGui::GetStyle();
  st = ImGuiStyle();
  ImGui::StyleColorsDark();
  st.WindowPadding = ImVec2(10, 8);
  st.FramePadding = ImVec2(8, 4);
  st.ItemSpacing = ImVec2(8, 6);
  st.CellPadding = ImVec2(6, 3);
  st.FrameRounding = 4;
  st.ChildRounding = 4;
  st.PopupRounding = 4;
  st.GrabRounding = 4;
  st.TabRounding = 4;
  st.ScrollbarRounding = 6;
  st.ScrollbarSize = 13;
  ImVec4* c = st.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.105f, 0.115f, 0.135f, 1);
  c[ImGuiCol_ChildBg] = ImVec4(0.125f, 0.135f, 0.155f, 1);
  c[ImGuiCol_PopupBg] = ImVec4(0.14f, 0.15f, 0.17f, 0.98f);
  c[ImGuiCol_Border] = ImVec4(0.22f, 0.24f, 0.28f, 1);
  c[ImGuiCol_FrameBg] = ImVec4(0.18f, 0.19f, 0.22f, 1);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.23f, 0.25f, 0.29f, 1);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.26f, 0.28f, 0.33f, 1);
  c[ImGuiCol_Button] = ImVec4(0.20f, 0.36f, 0.58f, 1);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.25f, 0.44f, 0.70f, 1);
  c[ImGuiCol_ButtonActive] = ImVec4(0.18f, 0.32f, 0.52f, 1);
  c[ImGuiCol_Header] = ImVec4(0.22f, 0.38f, 0.60f, 0.75f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.44f, 0.68f, 0.85f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.26f, 0.44f, 0.68f, 1);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.17f, 0.18f, 0.21f, 1);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.025f);
  c[ImGuiCol_CheckMark] = ImVec4(0.45f, 0.70f, 1.00f, 1);
  c[ImGuiCol_Text] = ImVec4(0.90f, 0.91f, 0.93f, 1);
  c[ImGuiCol_TextDisabled] = ImVec4(0.52f, 0.55f, 0.60f, 1);
  st.ScaleAllSizes(scale);
}

}  // namespace seglens::app
