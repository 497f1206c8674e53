# The browser app (Emscripten), in two forms linked from the same objects:
#   dist/web/        index.html + seglens.js + seglens.wasm   (hosted: any static file server)
#   dist/seglens.html  one self-contained file (-sSINGLE_FILE): works from file:// with no network
# The page side is web/shell.html (HTML + CSS) and web/glue.js (--pre-js: Module hooks and
# window.seglens); web/CONTRACT.md is the boundary between them and src/platform/web.cpp.

set(SEGLENS_DIST_DIR "${CMAKE_SOURCE_DIR}/dist")
set(_shell "${CMAKE_SOURCE_DIR}/web/shell.html")
set(_glue "${CMAKE_SOURCE_DIR}/web/glue.js")

# The C functions the page calls (web/CONTRACT.md). Keep in step with src/platform/web.cpp.
set(SEGLENS_WEB_EXPORTED_FUNCTIONS
  _main
  _malloc
  _free
  _sl_begin_load
  _sl_feed
  _sl_finish_load
  _sl_cancel_load
  _sl_last_error
  _sl_summary
  _sl_load_demo
)
# Runtime helpers web/glue.js uses through Module.
set(SEGLENS_WEB_EXPORTED_RUNTIME_METHODS
  UTF8ToString
  HEAPU8
)
list(JOIN SEGLENS_WEB_EXPORTED_FUNCTIONS "," _exported_functions)
list(JOIN SEGLENS_WEB_EXPORTED_RUNTIME_METHODS "," _exported_runtime)

set(SEGLENS_WEB_LINK_OPTIONS
  -O2
  -sUSE_GLFW=3
  -sMIN_WEBGL_VERSION=2
  -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1
  -sMAXIMUM_MEMORY=4GB
  -sMINIFY_HTML=0            # emcc 3.1.6 crashes running its HTML minifier
  -sEXPORTED_FUNCTIONS=${_exported_functions}
  -sEXPORTED_RUNTIME_METHODS=${_exported_runtime}
  "SHELL:--shell-file ${_shell}"
  "SHELL:--pre-js ${_glue}"
)

# The app's own objects (src/platform/web.cpp), compiled once for both links.
add_library(seglens_web_objects OBJECT src/platform/web.cpp)
target_link_libraries(seglens_web_objects PRIVATE seglens_ui imgui_backend)
target_compile_options(seglens_web_objects PRIVATE -Wall -Wextra)

# seglens_app_target(<target> <output dir> [extra link options...])
function(seglens_app_target target out_dir)
  add_executable(${target} $<TARGET_OBJECTS:seglens_web_objects>)
  target_link_libraries(${target} PRIVATE seglens_ui imgui_backend)
  target_link_options(${target} PRIVATE ${SEGLENS_WEB_LINK_OPTIONS} ${ARGN})
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME seglens
    SUFFIX .html
    RUNTIME_OUTPUT_DIRECTORY "${out_dir}"
    LINK_DEPENDS "${_shell};${_glue}")
endfunction()

# Hosted: build/web/hosted/seglens.{html,js,wasm} -> dist/web/{index.html,seglens.js,seglens.wasm}
seglens_app_target(seglens_app "${CMAKE_BINARY_DIR}/hosted")
add_custom_command(TARGET seglens_app POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E make_directory "${SEGLENS_DIST_DIR}/web"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_BINARY_DIR}/hosted/seglens.html" "${SEGLENS_DIST_DIR}/web/index.html"
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_BINARY_DIR}/hosted/seglens.js" "${CMAKE_BINARY_DIR}/hosted/seglens.wasm"
          "${SEGLENS_DIST_DIR}/web/"
  COMMENT "dist/web/: index.html, seglens.js, seglens.wasm"
  VERBATIM)

# Offline: one file, the wasm inlined as base64 and the JS inlined in the page.
seglens_app_target(seglens_offline "${CMAKE_BINARY_DIR}/offline" -sSINGLE_FILE=1)
add_custom_command(TARGET seglens_offline POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy "${CMAKE_BINARY_DIR}/offline/seglens.html" "${SEGLENS_DIST_DIR}/seglens.html"
  COMMENT "dist/seglens.html (single file, offline)"
  VERBATIM)
