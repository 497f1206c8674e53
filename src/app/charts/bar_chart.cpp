#include "app/charts/bar_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace seglens::app::charts {

std::vector<double> nice_ticks(double max, int target_count) {
  std::vector<double> ticks;
  if (!(max > 0) || target_count < 1) return {0};
  const double raw = max / target_count;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * mag;
    if (step >= raw) break;
  }
  for (double v = 0; v <= max + step * 0.999; v += step) ticks.push_back(v);
  return ticks;
}

std::string short_number(double v) {
  char buf[48];
  const double a = std::fabs(v);
  if (a >= 1e9) std::snprintf(buf, sizeof buf, "%.3gB", v / 1e9);
  else if (a >= 1e6) std::snprintf(buf, sizeof buf, "%.3gM", v / 1e6);
  else if (a >= 1e4) std::snprintf(buf, sizeof buf, "%.3gk", v / 1e3);
  else if (a == std::floor(a)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

int bar_chart(const char* id, const Distribution& d, ImVec2 size, const BarChartOptions& opt) {
  ImVec2 avail = ImGui::GetContentRegionAvail();
  const float em = ImGui::GetFontSize();
  if (size.x <= 0) size.x = std::max(avail.x, 8 * em);
  if (size.y <= 0) size.y = std::max(avail.y, 6 * em);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Separator, 0.35f);
  const float lh = ImGui::GetTextLineHeight();

  const size_t n = std::min(d.labels.size(), d.values.size());
  if (n == 0) {
    dl->AddText(ImVec2(p0.x + 8, p0.y + size.y * 0.5f - lh * 0.5f), axis, "no values to chart");
    return -1;
  }
  double vmax = 0;
  bool counts = true;  // whole numbers only: the axis needs no fractional ticks
  for (size_t i = 0; i < n; ++i) {
    vmax = std::max(vmax, d.values[i]);
    counts = counts && d.values[i] == std::floor(d.values[i]);
  }
  int target = std::max(2, static_cast<int>(size.y / (lh * 3)));
  if (counts) target = std::max(1, std::min(target, static_cast<int>(vmax)));
  const std::vector<double> ticks = nice_ticks(vmax, target);
  const double top = ticks.back() > 0 ? ticks.back() : 1;
  auto tick_label = [&](double v) { return (opt.money ? std::string(opt.unit) : std::string()) + short_number(v); };
  float yw = 0;
  for (double t : ticks) yw = std::max(yw, ImGui::CalcTextSize(tick_label(t).c_str()).x);

  const ImVec2 a(p0.x + yw + 8, p0.y + lh * 0.5f);               // plot top-left
  const ImVec2 b(p0.x + size.x - 4, p0.y + size.y - lh - 6);       // plot bottom-right
  if (b.x - a.x < em || b.y - a.y < em) return -1;
  auto y_of = [&](double v) { return b.y - static_cast<float>(v / top) * (b.y - a.y); };

  for (double t : ticks) {
    const float y = y_of(t);
    dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), grid);
    const std::string s = tick_label(t);
    dl->AddText(ImVec2(a.x - 6 - ImGui::CalcTextSize(s.c_str()).x, y - lh * 0.5f), axis, s.c_str());
  }
  dl->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, b.y), axis);

  const float slot = (b.x - a.x) / static_cast<float>(n);
  const float gap = slot > 6 ? std::min(slot * 0.18f, 8.0f) : 0.0f;
  int hovered_bar = -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (hovered && mouse.x >= a.x && mouse.x < b.x)
    hovered_bar = std::clamp(static_cast<int>((mouse.x - a.x) / slot), 0, static_cast<int>(n) - 1);
  for (size_t i = 0; i < n; ++i) {
    const float x0 = a.x + slot * static_cast<float>(i) + gap * 0.5f;
    const float x1 = x0 + std::max(1.0f, slot - gap);
    const float y = y_of(std::max(0.0, d.values[i]));
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, b.y), static_cast<int>(i) == hovered_bar ? opt.hover_color : opt.color,
                      slot > 10 ? 2.0f : 0.0f, ImDrawFlags_RoundCornersTop);
  }
  // x labels: as many as fit without overlapping, evenly spaced
  float lw = 0;
  for (size_t i = 0; i < n; ++i) lw = std::max(lw, ImGui::CalcTextSize(d.labels[i].c_str()).x);
  const size_t step = std::max<size_t>(1, static_cast<size_t>(std::ceil((lw + 10) / slot)));
  for (size_t i = 0; i < n; i += step) {
    const float cx = a.x + slot * (static_cast<float>(i) + 0.5f);
    const float tw = ImGui::CalcTextSize(d.labels[i].c_str()).x;
    const float x = std::clamp(cx - tw * 0.5f, p0.x, p0.x + size.x - tw);
    dl->AddText(ImVec2(x, b.y + 4), axis, d.labels[i].c_str());
  }
  if (hovered_bar >= 0) {
    const size_t i = static_cast<size_t>(hovered_bar);
    double total = 0;
    for (size_t k = 0; k < n; ++k) total += d.values[k];
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(d.labels[i].c_str());
    ImGui::Text("%s%s %s", opt.money ? opt.unit : "", short_number(d.values[i]).c_str(), opt.value_name);
    if (total > 0) ImGui::TextDisabled("%.1f%% of the total", 100.0 * d.values[i] / total);
    ImGui::EndTooltip();
  }
  return hovered_bar;
}

}  // namespace seglens::app::charts
