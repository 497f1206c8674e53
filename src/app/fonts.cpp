#include "app/fonts.hpp"

#include <cmath>
#include <cstdio>

#include "seglens/workspace.hpp"

extern const unsigned char seglens_font_latin[];
extern const unsigned long seglens_font_latin_size;
extern const unsigned char seglens_font_cjk[];
extern const unsigned long seglens_font_cjk_size;

namespace seglens::app {

namespace {

// Decodes UTF-8; invalid bytes are skipped.
template <class F>
void for_each_codepoint(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* e = p + s.size();
  while (p < e) {
    uint32_t c = *p;
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || p + len > e) { ++p; continue; }
    if (len > 1) {
      c &= 0x3F >> (len - 1);
      bool ok = true;
      for (int i = 1; i < len; ++i) {
        if ((p[i] & 0xC0) != 0x80) { ok = false; break; }
        c = (c << 6) | (p[i] & 0x3F);
      }
      if (!ok) { ++p; continue; }
    }
    p += len;
    f(c);
  }
}

// What the embedded CJK font covers (cmake/assets.cmake): ideographs, CJK and fullwidth punctuation.
bool in_cjk_font(uint32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

}  // namespace

void Fonts::build(float pixel_size) {
  size_ = pixel_size;
  rebuild();
}

bool Fonts::has_glyph(uint32_t c) const {
  ImFont* f = ImGui::GetIO().Fonts->Fonts.empty() ? nullptr : ImGui::GetIO().Fonts->Fonts[0];
  return f && c <= IM_UNICODE_CODEPOINT_MAX && f->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
}

bool Fonts::want(std::string_view utf8) {
  bool grew = false;
  for_each_codepoint(utf8, [&](uint32_t c) {
    if (c < 0x3000 || !in_cjk_font(c) || extra_.count(c) || has_glyph(c)) return;
    extra_.insert(c);
    grew = true;
  });
  pending_ = pending_ || grew;
  return grew;
}

void Fonts::want_workspace(const Workspace& ws) {
  constexpr size_t kTextRowsScanned = 20000;
  for (const auto& d : ws.datasets()) {
    want(d.table.name);
    for (const auto& c : d.table.columns) {
      want(c.name);
      want(c.unit);
      for (const auto& v : c.dict) want(v);
      if (c.type == ColumnType::Text)
        for (size_t i = 0; i < c.size() && i < kTextRowsScanned; ++i) want(c.text[i]);
    }
  }
}

void Fonts::rebuild() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  ImFontConfig latin;
  latin.FontDataOwnedByAtlas = false;  // the bytes are static
  latin.OversampleH = 2;
  std::snprintf(latin.Name, sizeof latin.Name, "DejaVu Sans + Droid Sans Fallback, %.0fpx", size_);
  static const ImWchar latin_ranges[] = {0x0020, 0x017F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2199,
                                         0x2212, 0x2212, 0x25A0, 0x25FF, 0x2713, 0x2715, 0};
  atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(seglens_font_latin), static_cast<int>(seglens_font_latin_size),
                              size_, &latin, latin_ranges);

  ImFontGlyphRangesBuilder b;
  b.AddRanges(atlas->GetGlyphRangesChineseSimplifiedCommon());
  for (uint32_t c : extra_) b.AddChar(static_cast<ImWchar>(c));
  ranges_.clear();
  b.BuildRanges(&ranges_);
  ImFontConfig cjk;
  cjk.MergeMode = true;
  cjk.FontDataOwnedByAtlas = false;
  cjk.OversampleH = 1;  // ideographs are dense: no horizontal oversampling keeps the atlas small
  cjk.PixelSnapH = true;
  // Droid's ideographs are drawn small for their em: a larger size matches DejaVu's cap height,
  // and the offset keeps them on the same baseline.
  cjk.GlyphOffset = ImVec2(0, std::round(size_ * 0.06f));
  atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(seglens_font_cjk), static_cast<int>(seglens_font_cjk_size),
                              std::round(size_ * 1.15f), &cjk, ranges_.Data);
  atlas->Build();
  pending_ = false;
}

}  // namespace seglens::app
