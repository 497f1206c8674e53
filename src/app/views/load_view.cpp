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

namespace seglens::app {

// A centred panel over everything while a file is read: progress, speed, time left, Cancel.
void draw_load_progress(App& app) {
  AppState& s = app.state();
  if (!s.ws.loading()) return;
  const IngestProgress p = s.ws.load_progress();
  const double elapsed = std::max(1e-3, ImGui::GetTime() - s.loading.started);
  const double frac = s.loading.total_bytes ? std::min(1.0, double(p.bytes_in) / double(s.loading.total_bytes)) : 0.0;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.4f),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x - 2 * em, 30 * em), 0));
  ImGui::Begin("Reading##progress", nullptr,
               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextWrapped("Reading %s", s.loading.name.c_str());
  char overlay[64];
  std::snprintf(overlay, sizeof overlay, "%.0f%%", frac * 100);
  ImGui::ProgressBar(static_cast<float>(frac), ImVec2(-1, 0), overlay);
  const double mb = double(p.bytes_in) / 1e6, total_mb = double(s.loading.total_bytes) / 1e6;
  ImGui::Text("%.1f of %.1f MB   %.1f MB/s", mb, total_mb, mb / elapsed);
  ImGui::Text("%llu rows   %.0f rows/s", static_cast<unsigned long long>(p.rows), double(p.rows) / elapsed);
  if (p.rejected) ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.35f, 1), "%llu rows rejected so far",
                                     static_cast<unsigned long long>(p.rejected));
  if (frac > 0.02) {
    const double left = elapsed * (1 - frac) / frac;
    ImGui::Text("about %.0f s left", left);
  } else {
    ImGui::TextDisabled("estimating time left...");
  }
  if (ImGui::Button("Cancel")) platform::cancel_load();
  ImGui::End();
}

}  // namespace seglens::app
