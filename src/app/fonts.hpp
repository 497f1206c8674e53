// Seglens app fonts: DejaVu Sans for Latin text merged with Droid Sans Fallback for Chinese,
// both compiled in (cmake/assets.cmake). The atlas starts with ImGui's common simplified Chinese
// set; characters a loaded file uses beyond it are added by rebuilding the atlas.
#pragma once
#include <cstdint>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "imgui.h"

namespace seglens {
class Workspace;
}

namespace seglens::app {

class Fonts {
 public:
  // Builds the atlas at `pixel_size` into the current ImGui context.
  void build(float pixel_size);
  // A new size (the display's pixel ratio changed): the host rebuilds before the next frame.
  void set_size(float pixel_size) { size_ = pixel_size; pending_ = true; }
  // Notes the characters of `utf8` the atlas lacks; true when it grew.
  bool want(std::string_view utf8);
  // Scans column names, categories and (the first rows of) text in the workspace.
  void want_workspace(const Workspace& ws);
  // The host rebuilds when this is set, then uploads the texture again.
  bool rebuild_pending() const { return pending_; }
  void rebuild();

  bool has_glyph(uint32_t codepoint) const;
  size_t extra_count() const { return extra_.size(); }

 private:
  float size_ = 16;
  bool pending_ = false;
  std::unordered_set<uint32_t> extra_;  // added from data, beyond the base ranges
  ImVector<ImWchar> ranges_;            // must outlive the atlas build
};

}  // namespace seglens::app
