# Dear ImGui 1.90.1, compiled from Debian's source package (scripts/setup.sh unpacks it).
if(NOT EXISTS "${SEGLENS_IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "Dear ImGui not found in ${SEGLENS_IMGUI_DIR}: run scripts/setup.sh")
endif()
add_library(imgui_core STATIC
  ${SEGLENS_IMGUI_DIR}/imgui.cpp
  ${SEGLENS_IMGUI_DIR}/imgui_draw.cpp
  ${SEGLENS_IMGUI_DIR}/imgui_tables.cpp
  ${SEGLENS_IMGUI_DIR}/imgui_widgets.cpp
)
target_include_directories(imgui_core SYSTEM PUBLIC ${SEGLENS_IMGUI_DIR})
target_compile_definitions(imgui_core PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_KEYIO
  IMGUI_USER_CONFIG="${CMAKE_SOURCE_DIR}/src/app/imconfig_seglens.h")

if(EMSCRIPTEN)
  add_library(imgui_backend STATIC
    ${SEGLENS_IMGUI_DIR}/backends/imgui_impl_glfw.cpp
    ${SEGLENS_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  )
  target_include_directories(imgui_backend SYSTEM PUBLIC ${SEGLENS_IMGUI_DIR}/backends)
  target_compile_definitions(imgui_backend PUBLIC IMGUI_IMPL_OPENGL_ES3)
  target_compile_options(imgui_backend PRIVATE -sUSE_GLFW=3)
  target_link_libraries(imgui_backend PUBLIC imgui_core)
endif()
