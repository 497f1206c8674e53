// Counters of the native (headless) host, for tests.
#pragma once
namespace seglens::platform {
int native_frames();
int native_state_changes();
int native_file_pickers();
}  // namespace seglens::platform
