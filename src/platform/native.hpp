// Counters of the native (headless) host, for tests.
#pragma once
namespace seglens::platform {
int native_frames();
int native_state_changes();
int native_file_pickers();
int native_cancels();
int native_reloads();
}  // namespace seglens::platform
