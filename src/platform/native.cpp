// The native host: no window. Used by the headless app tests (null backend) and by tools that
// render frames without a screen; downloads are written to the current directory.
#include <cstdio>
#include <fstream>
#include <string>

#include "platform/platform.hpp"

namespace seglens::platform {

namespace {
int g_frames = 0, g_changes = 0, g_pickers = 0, g_cancels = 0, g_reloads = 0;
}

void open_file_picker() { ++g_pickers; }
void download(std::string_view name, std::string_view, std::string_view bytes) {
  std::ofstream f(std::string(name), std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}
void frame_drawn(int n) { g_frames = n; }
void state_changed() { ++g_changes; }
void cancel_load() { ++g_cancels; }
void reload(const std::string&) { ++g_reloads; }

// Counters for tests.
int native_frames() { return g_frames; }
int native_state_changes() { return g_changes; }
int native_file_pickers() { return g_pickers; }
int native_cancels() { return g_cancels; }
int native_reloads() { return g_reloads; }

}  // namespace seglens::platform
