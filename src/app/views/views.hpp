// Seglens app views: one function per panel, each over the app state.
#pragma once
#include "app/app.hpp"

namespace seglens::app {

void draw_toolbar(App& app);          // load_view.cpp: open / demo buttons, data set tabs, errors
void draw_columns_panel(AppState& s); // profile_view.cpp: columns with type and statistics
void draw_charts_panel(AppState& s);  // profile_view.cpp: distribution and time-series charts
void draw_data_view(AppState& s);     // data_view.cpp: the rows, virtualized
void draw_status_bar(AppState& s);    // load_view.cpp
void draw_load_progress(App& app);    // load_view.cpp: progress, speed, Cancel while a file is read

}  // namespace seglens::app
