// The columns panel (types and statistics, the read report) and the charts panel.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app/charts/bar_chart.hpp"
#include "app/views/views.hpp"
#include "imgui.h"
#include "platform/platform.hpp"
#include "seglens/ingest.hpp"

namespace seglens::app {

namespace {

ImVec4 type_color(ColumnType t) {
  switch (t) {
    case ColumnType::Integer: case ColumnType::Decimal: return ImVec4(0.45f, 0.70f, 1.00f, 1);
    case ColumnType::Money: case ColumnType::Percent: return ImVec4(0.40f, 0.85f, 0.55f, 1);
    case ColumnType::Date: case ColumnType::DateTime: return ImVec4(0.95f, 0.70f, 0.35f, 1);
    case ColumnType::Boolean: return ImVec4(0.85f, 0.55f, 0.90f, 1);
    case ColumnType::Category: return ImVec4(0.95f, 0.85f, 0.45f, 1);
    case ColumnType::Text: return ImVec4(0.70f, 0.70f, 0.70f, 1);
  }
  return ImVec4(1, 1, 1, 1);
}

void column_details(const ColumnStats& st) {
  ImGui::SeparatorText(st.name.c_str());
  ImGui::TextColored(type_color(st.type), "%s", std::string(to_string(st.type)).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%zu values", st.count);
  ImGui::TextDisabled("%zu missing, %zu distinct", st.missing, st.distinct);
  if (!st.min_text.empty()) {
    ImGui::Text("min %s   max %s", st.min_text.c_str(), st.max_text.c_str());
    if (is_numeric(st.type)) ImGui::Text("mean %.4g   sum %s", st.mean, charts::short_number(st.sum).c_str());
  }
  if (!st.top.empty() && ImGui::BeginTable("##top", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    for (const auto& t : st.top) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(t.value.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%zu", t.count);
    }
    ImGui::EndTable();
  }
}

// A scrolling, clipped table of report entries that have `row` and `column`; `rest` draws the
// remaining columns of one entry (the third column stretches).
template <class Entry, class Rest>
void issue_table(const char* id, const std::vector<Entry>& entries, std::initializer_list<const char*> heads,
                 Rest rest) {
  if (entries.empty() ||
      !ImGui::BeginTable(id, static_cast<int>(heads.size()),
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                             ImGuiTableFlags_SizingFixedFit,
                         ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 8)))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  int k = 0;
  for (const char* h : heads) ImGui::TableSetupColumn(h, k++ == 2 ? ImGuiTableColumnFlags_WidthStretch : 0);
  ImGui::TableHeadersRow();
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(entries.size()));
  while (clip.Step())
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const Entry& x = entries[static_cast<size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%zu", x.row);
      ImGui::TableNextColumn();
      ImGui::Text("%zu", x.column);
      ImGui::TableNextColumn();
      rest(x);
    }
  ImGui::EndTable();
}

// How the file was read, and the options to read it again differently.
void read_options(AppState& s, const Dataset& d) {
  const ReadReport& r = d.report;
  IngestOptions& o = s.read_options;
  ImGui::Text("%s, %s", r.format.c_str(), r.encoding.c_str());
  if (!r.encoding_reason.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", r.encoding_reason.c_str());
  }
  const float w = 9 * ImGui::GetFontSize();
  if (r.format != "xlsx") {
    static const char* encodings[] = {"auto", "UTF-8", "GB18030", "Big5", "UTF-16LE", "UTF-16BE"};
    const char* cur = o.encoding.empty() ? "auto" : o.encoding.c_str();
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("encoding", cur)) {
      for (const char* e : encodings)
        if (ImGui::Selectable(e, std::string(cur) == e)) o.encoding = std::string(e) == "auto" ? "" : e;
      ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("GB18030 also reads GBK and GB2312 (Excel on Chinese Windows).");
  }
  if (r.format == "csv") {
    static const char* names[] = {"auto", "comma ,", "semicolon ;", "tab", "pipe |"};
    static const char delims[] = {0, ',', ';', '\t', '|'};
    int cur = 0;
    for (int i = 0; i < 5; ++i)
      if (o.delimiter == delims[i]) cur = i;
    ImGui::SetNextItemWidth(w);
    if (ImGui::Combo("delimiter", &cur, names, 5)) o.delimiter = delims[cur];
    ImGui::Checkbox("first line is the header", &o.header);
  }
  if (r.format == "xlsx" && !r.sheets.empty()) {
    const std::string cur = o.sheet.empty() ? r.sheet : o.sheet;
    ImGui::SetNextItemWidth(w);
    if (ImGui::BeginCombo("sheet", cur.c_str())) {
      for (const auto& sh : r.sheets)
        if (ImGui::Selectable(sh.c_str(), sh == cur)) o.sheet = sh;
      ImGui::EndCombo();
    }
  }
  static const char* orders[] = {"auto", "year-month-day", "day/month/year", "month/day/year"};
  int ord = o.date_order ? 1 + static_cast<int>(*o.date_order) : 0;
  ImGui::SetNextItemWidth(w);
  if (ImGui::Combo("dates", &ord, orders, 4))
    o.date_order = ord == 0 ? std::optional<DateOrder>() : std::optional<DateOrder>(static_cast<DateOrder>(ord - 1));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("For dates like 01/05/2024 when the file does not make the order clear.");
  if (ImGui::Button("Read again with these options")) platform::reload(ingest_options_json(o));
}

void read_report(AppState& s, const Dataset& d) {
  const ReadReport& r = d.report;
  char title[128];
  std::snprintf(title, sizeof title, "Read report: %zu kept, %zu rejected###report", r.rows_kept, r.rows_rejected);
  ImGuiTreeNodeFlags flags = r.rows_rejected || !r.warnings.empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0;
  if (!ImGui::CollapsingHeader(title, flags)) return;
  if (d.source == "demo") {
    ImGui::TextWrapped("Generated by Seglens: no file was read.");
    return;
  }
  ImGui::Text("%zu records = %zu kept + %zu rejected", r.records, r.rows_kept, r.rows_rejected);
  if (r.format == "csv")
    ImGui::Text("delimiter '%s', %zu blank lines skipped", r.delimiter == '\t' ? "\\t" : std::string(1, r.delimiter).c_str(),
                r.blank_lines);
  if (r.cells_invalid)
    ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.35f, 1), "%zu cells did not fit their column's type (kept as missing)",
                       r.cells_invalid);
  read_options(s, d);
  for (const auto& w : r.warnings) ImGui::TextWrapped("warning: %s", w.c_str());
  // Rejected rows, then cells kept as missing: line, column, and what went wrong.
  issue_table("##rejected", r.rejected, {"line", "col", "reason"}, [](const RejectedRow& x) {
    ImGui::TextUnformatted(x.reason.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", x.raw.c_str());
  });
  issue_table("##cells", r.cell_issues, {"line", "col", "text", "expected"}, [](const CellIssue& x) {
    ImGui::TextUnformatted(x.raw.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(x.expected.c_str());
  });
}

// A combo over the columns that pass `ok`.
template <class Pred>
void column_combo(const char* label, const Table& t, int& index, Pred ok) {
  const char* preview = index >= 0 ? t.columns[static_cast<size_t>(index)].name.c_str() : "(none)";
  ImGui::SetNextItemWidth(10 * ImGui::GetFontSize());
  if (ImGui::BeginCombo(label, preview)) {
    for (int i = 0; i < static_cast<int>(t.columns.size()); ++i) {
      if (!ok(t.columns[static_cast<size_t>(i)])) continue;
      if (ImGui::Selectable(t.columns[static_cast<size_t>(i)].name.c_str(), i == index)) index = i;
    }
    ImGui::EndCombo();
  }
}

}  // namespace

void draw_columns_panel(AppState& s) {
  const Dataset* d = s.current();
  if (!d) {
    ImGui::TextDisabled("No data loaded.");
    return;
  }
  ImGui::Text("%zu columns", d->table.columns.size());
  const float list_h = std::min(ImGui::GetContentRegionAvail().y * 0.5f,
                                ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(d->stats.size()) + 1.5f));
  if (ImGui::BeginTable("##cols", 3,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
                        ImVec2(0, list_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("column", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("type", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("missing", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(d->stats.size()));
    while (clip.Step())
      for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
        const ColumnStats& st = d->stats[static_cast<size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        if (ImGui::Selectable(st.name.c_str(), s.column == i, ImGuiSelectableFlags_SpanAllColumns)) s.column = i;
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextColored(type_color(st.type), "%s", std::string(to_string(st.type)).c_str());
        ImGui::TableNextColumn();
        if (st.missing) ImGui::Text("%zu", st.missing);
        else ImGui::TextDisabled("0");
      }
    ImGui::EndTable();
  }
  if (s.column >= 0 && s.column < static_cast<int>(d->stats.size())) column_details(d->stats[static_cast<size_t>(s.column)]);
  ImGui::Spacing();
  read_report(s, *d);
}

void draw_charts_panel(AppState& s) {
  const Dataset* d = s.current();
  if (!d) return;
  const Table& t = d->table;
  const float w = ImGui::GetContentRegionAvail().x;
  const float half = (w - ImGui::GetStyle().ItemSpacing.x) * 0.5f;

  ImGui::BeginChild("##dist", ImVec2(half, 0));
  if (s.column >= 0) {
    const Column& c = t.columns[static_cast<size_t>(s.column)];
    ImGui::Text("Distribution of %s", c.name.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Pick a column on the left, or click a header in the table.");
    charts::BarChartOptions o;
    o.value_name = "rows";
    charts::bar_chart("##distchart", s.cache.column_dist, ImVec2(0, 0), o);
  }
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##time", ImVec2(0, 0));
  if (s.date_column < 0) {
    ImGui::TextDisabled("No date column: the time chart needs one.");
  } else {
    ImGui::TextUnformatted("Sum of");
    ImGui::SameLine();
    column_combo("##value", t, s.value_column, [](const Column& c) { return is_numeric(c.type); });
    ImGui::SameLine();
    ImGui::TextUnformatted("per month of");
    ImGui::SameLine();
    column_combo("##date", t, s.date_column, [](const Column& c) { return is_temporal(c.type); });
    charts::BarChartOptions o;
    o.color = IM_COL32(60, 170, 130, 255);
    const Column* v = s.value_column >= 0 ? &t.columns[static_cast<size_t>(s.value_column)] : nullptr;
    o.money = v && v->type == ColumnType::Money;
    o.unit = v ? v->unit.c_str() : "";
    o.value_name = v ? v->name.c_str() : "rows";
    charts::bar_chart("##timechart", s.cache.time_series, ImVec2(0, 0), o);
  }
  ImGui::EndChild();
}

}  // namespace seglens::app
