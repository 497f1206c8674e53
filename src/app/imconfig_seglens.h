// Seglens' ImGui build options (IMGUI_USER_CONFIG): ImGui's own checks stay on in release builds,
// reported through seglens_imgui_check_failed (web: console; tests: counted and failed).
#pragma once
void seglens_imgui_check_failed(const char* expr, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : seglens_imgui_check_failed(#_EXPR, __FILE__, __LINE__))
