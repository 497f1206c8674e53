#include "app/app.hpp"

#include <algorithm>

#include "app/views/views.hpp"
#include "imgui.h"
#include "platform/platform.hpp"

namespace seglens::app {

const Dataset* AppState::current() const {
  const auto& d = ws.datasets();
  if (dataset < 0 || dataset >= static_cast<int>(d.size())) return nullptr;
  return &d[static_cast<size_t>(dataset)];
}

void App::init(float scale) {
  scale_ = scale;
  fonts_.build(kFontSize * scale);
  apply_theme(scale);
  load_demo();
}

void App::set_scale(float scale) {
  if (scale == scale_) return;
  scale_ = scale;
  fonts_.set_size(kFontSize * scale);
  apply_theme(scale);
}

void App::load_demo() {
  s_.ws.load_demo();
  s_.error.clear();
  s_.status = "Demo data: synthetic customers and orders, generated in your browser";
  sync();
  platform::state_changed();
}

LoadOutcome App::load_file(std::string_view name, std::string_view bytes, const IngestOptions& opt) {
  begin_load(std::string(name), bytes.size(), opt);
  feed_in_slices(bytes, [&](std::string_view s) { return feed(s); });
  return finish_load();
}

void App::begin_load(std::string name, uint64_t total_bytes, const IngestOptions& opt) {
  s_.loading.name = name;
  s_.loading.total_bytes = total_bytes;
  s_.loading.started = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0;
  s_.read_options = opt;
  s_.ws.begin_load(std::move(name), opt);
}

bool App::feed(std::string_view chunk) { return s_.ws.feed(chunk); }

void App::cancel_load() {
  s_.ws.cancel_load();
  s_.status = "Cancelled reading " + s_.loading.name;
  platform::state_changed();
}

LoadOutcome App::finish_load() {
  const std::string name = s_.loading.name;
  LoadOutcome r = s_.ws.finish_load();
  if (!r.ok) {
    s_.error = r.error;
    s_.status = "Could not load " + name;
  } else {
    s_.error.clear();
    const Dataset* d = &s_.ws.datasets().front();
    s_.status = "Loaded " + name + ": " + std::to_string(d->table.rows()) + " rows";
    if (d->report.rows_rejected)
      s_.status += ", " + std::to_string(d->report.rows_rejected) + " rejected (see Read report)";
  }
  sync();
  platform::state_changed();
  return r;
}

// Picks defaults after the data changed and refreshes what the charts show.
void App::sync() {
  if (s_.seen_generation != s_.ws.generation()) {
    s_.seen_generation = s_.ws.generation();
    fonts_.want_workspace(s_.ws);
    s_.dataset = 0;
    s_.column = -1;
    s_.date_column = s_.value_column = -1;
  }
  const Dataset* d = s_.current();
  if (!d) return;
  const auto& cols = d->table.columns;
  const int n = static_cast<int>(cols.size());
  if (s_.column >= n) s_.column = -1;
  if (s_.date_column >= n || (s_.date_column >= 0 && !is_temporal(cols[s_.date_column].type))) s_.date_column = -1;
  if (s_.value_column >= n || (s_.value_column >= 0 && !is_numeric(cols[s_.value_column].type))) s_.value_column = -1;
  // Defaults: the first date column by the first money (else numeric) column; the column chart
  // shows the value column, else the first column.
  for (int i = 0; i < n && s_.date_column < 0; ++i)
    if (is_temporal(cols[i].type)) s_.date_column = i;
  for (int i = 0; i < n && s_.value_column < 0; ++i)
    if (cols[i].type == ColumnType::Money) s_.value_column = i;
  for (int i = 0; i < n && s_.value_column < 0; ++i)
    if (cols[i].type == ColumnType::Decimal) s_.value_column = i;
  if (s_.column < 0 && n > 0) s_.column = s_.value_column >= 0 ? s_.value_column : 0;

  ChartCache& c = s_.cache;
  if (c.generation != s_.ws.generation() || c.dataset != s_.dataset) {
    c = ChartCache{};
    c.generation = s_.ws.generation();
    c.dataset = s_.dataset;
  }
  if (c.column != s_.column) {
    c.column = s_.column;
    c.column_dist = s_.column >= 0 ? column_distribution(cols[s_.column], 24) : Distribution{};
  }
  if (c.date_column != s_.date_column || c.value_column != s_.value_column) {
    c.date_column = s_.date_column;
    c.value_column = s_.value_column;
    c.time_series = Distribution{};
    if (s_.date_column >= 0 && s_.value_column >= 0)
      c.time_series = monthly_sum(cols[s_.date_column], cols[s_.value_column]);
    else if (s_.date_column >= 0)
      c.time_series = column_distribution(cols[s_.date_column]);
  }
}

void App::frame() {
  sync();  // cheap when nothing changed; views may have changed a selection last frame
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("Seglens", nullptr, flags);
  ImGui::PopStyleVar(2);

  draw_toolbar(*this);

  const float status_h = ImGui::GetFrameHeightWithSpacing();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float em = ImGui::GetFontSize();
  const float left_w = std::max(16 * em, std::min(24 * em, avail.x * 0.26f));
  const float body_h = avail.y - status_h;

  ImGui::BeginChild("##columns", ImVec2(left_w, body_h), ImGuiChildFlags_Border);
  draw_columns_panel(s_);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginGroup();
  const float charts_h = std::max(14 * em, body_h * 0.42f);
  ImGui::BeginChild("##charts", ImVec2(0, charts_h), ImGuiChildFlags_Border);
  draw_charts_panel(s_);
  ImGui::EndChild();
  ImGui::BeginChild("##rows", ImVec2(0, body_h - charts_h - ImGui::GetStyle().ItemSpacing.y), ImGuiChildFlags_Border);
  draw_data_view(s_);
  ImGui::EndChild();
  ImGui::EndGroup();

  draw_status_bar(s_);
  ImGui::End();
  draw_load_progress(*this);
}

}  // namespace seglens::app
