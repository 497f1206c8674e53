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
// Asks the host to stop the read in progress (the page stops feeding slices and cancels it).
void cancel_load();
// Asks the host to read the last file again with these read options (JSON, see ingest.hpp).
void reload(const std::string& options_json);

}  // namespace seglens::platform
