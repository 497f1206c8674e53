// Seglens platform layer: what the app needs from its host, one file per platform
// (web.cpp for the browser, native.cpp for the native headless build).
#pragma once
#include <string>
#include <string_view>

namespace seglens::platform {

// Asks the host to let the user pick a file; the bytes arrive later through the
// load entry point (the browser's file input calls sl_load_file).
void open_file_picker();
// Offers bytes to the user as a download (browser) or writes them next to the binary (native).
void download(std::string_view file_name, std::string_view mime, std::string_view bytes);
// Tells the host that a frame was drawn (the page resolves window.seglens.ready on the first).
void frame_drawn(int frame_number);
// Tells the host that the analysis state changed (the page fires a "seglens:changed" event).
void state_changed();

}  // namespace seglens::platform
