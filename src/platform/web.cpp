// The browser host: GLFW (Emscripten's) + WebGL2 window, the main loop, and the few C functions
// the page calls (web/CONTRACT.md). The page's glue (web/glue.js) defines the Module hooks.
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/app.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform/platform.hpp"

// [SECTION] Calls into the page

EM_JS(void, js_frame_drawn, (int n), { if (Module.seglensFrameDrawn) Module.seglensFrameDrawn(n); });
EM_JS(void, js_state_changed, (), { if (Module.seglensStateChanged) Module.seglensStateChanged(); });
EM_JS(void, js_open_file_picker, (), { if (Module.seglensOpenFilePicker) Module.seglensOpenFilePicker(); });
EM_JS(void, js_cancel_load, (), { if (Module.seglensCancelLoad) Module.seglensCancelLoad(); });
EM_JS(void, js_reload, (const char* options), { if (Module.seglensReload) Module.seglensReload(UTF8ToString(options)); });
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, size_t len), {
  if (Module.seglensDownload)
    Module.seglensDownload(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
});
EM_JS(int, js_window_width, (), { return window.innerWidth | 0; });
EM_JS(int, js_window_height, (), { return window.innerHeight | 0; });
EM_JS(double, js_pixel_ratio, (), { return window.devicePixelRatio || 1; });
// Sets the drawing buffer to w x h device pixels; the page's CSS keeps the canvas at the window's
// size. (glfwSetWindowSize would ask for fullscreen when the size equals the screen's.)
EM_JS(void, js_set_canvas_size, (int w, int h), { Module.setCanvasSize(w, h); });
EM_JS(void, js_console_error, (const char* msg), { console.error(UTF8ToString(msg)); });

namespace {

GLFWwindow* g_window = nullptr;
seglens::app::App* g_app = nullptr;
std::string g_error, g_summary;
int g_frame = 0;
int g_width = 0, g_height = 0;
double g_ratio = 0;

// Idle frames are skipped: the canvas keeps showing the last one. Any input, a resize or a state
// change keeps drawing for a while (ImGui needs a few frames to settle hovers and animations).
double g_awake_until = 0;
void wake(double seconds = 1.0) { g_awake_until = std::max(g_awake_until, emscripten_get_now() + seconds * 1000); }
void on_cursor(GLFWwindow*, double, double) { wake(); }
void on_button(GLFWwindow*, int, int, int) { wake(); }
void on_scroll(GLFWwindow*, double, double) { wake(); }
void on_key(GLFWwindow*, int, int, int, int) { wake(); }
void on_char(GLFWwindow*, unsigned int) { wake(); }
void on_focus(GLFWwindow*, int) { wake(); }

void main_loop() {
  const double ratio = js_pixel_ratio();
  const int w = static_cast<int>(js_window_width() * ratio + 0.5), h = static_cast<int>(js_window_height() * ratio + 0.5);
  if (w != g_width || h != g_height || ratio != g_ratio) {
    g_width = w;
    g_height = h;
    js_set_canvas_size(w, h);
    if (ratio != g_ratio && g_ratio != 0) g_app->set_scale(static_cast<float>(ratio));
    g_ratio = ratio;
    wake();
  }
  const double now = emscripten_get_now();
  if (now > g_awake_until && g_frame > 2) return;
  // While a file is read, ten frames a second show the progress and keep Cancel responsive;
  // the rest of the time goes to parsing.
  static double last_frame = 0;
  if (g_app->state().ws.loading() && now - last_frame < 100) return;
  last_frame = now;
  glfwPollEvents();
  if (g_app->fonts().rebuild_pending()) {  // a file brought characters the atlas lacked
    g_app->fonts().rebuild();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  g_app->frame();
  ImGui::Render();
  int fw, fh;
  glfwGetFramebufferSize(g_window, &fw, &fh);
  glViewport(0, 0, fw, fh);
  glClearColor(0.105f, 0.115f, 0.135f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  seglens::platform::frame_drawn(++g_frame);
}

}  // namespace

void seglens_imgui_check_failed(const char* expr, const char* file, int line) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "ImGui check failed: %s (%s:%d)", expr, file, line);
  js_console_error(buf);
}

namespace seglens::platform {
void open_file_picker() { js_open_file_picker(); }
void download(std::string_view name, std::string_view mime, std::string_view bytes) {
  js_download(std::string(name).c_str(), std::string(mime).c_str(), bytes.data(), bytes.size());
}
void frame_drawn(int n) { js_frame_drawn(n); }
void cancel_load() { js_cancel_load(); }
void reload(const std::string& options_json) { js_reload(options_json.c_str()); }
void state_changed() {
  wake(2.0);
  js_state_changed();
}
}  // namespace seglens::platform

// [SECTION] Entry points for the page

extern "C" {

// Starts reading a file of `total` bytes with read options (JSON, see ingest.hpp); 0 on success.
EMSCRIPTEN_KEEPALIVE int sl_begin_load(const char* name, const char* options_json, double total) {
  if (!g_app) return 1;
  seglens::IngestOptions opt;
  std::string err;
  if (options_json && *options_json && !seglens::parse_ingest_options(options_json, opt, err)) {
    g_error = std::string(name ? name : "file") + ": " + err;
    return 1;
  }
  g_app->begin_load(name ? name : "file", static_cast<uint64_t>(total), opt);
  wake();
  return 0;
}

// Feeds the next slice; 0 to go on, 1 when the read has failed (sl_finish_load says why).
EMSCRIPTEN_KEEPALIVE int sl_feed(const uint8_t* data, size_t len) {
  if (!g_app) return 1;
  wake();
  return g_app->feed(std::string_view(reinterpret_cast<const char*>(data), len)) ? 0 : 1;
}

EMSCRIPTEN_KEEPALIVE int sl_finish_load() {
  if (!g_app) return 1;
  auto r = g_app->finish_load();
  g_error = r.ok ? std::string() : r.error;
  return r.ok ? 0 : 1;
}

EMSCRIPTEN_KEEPALIVE void sl_cancel_load() {
  if (g_app) g_app->cancel_load();
}

EMSCRIPTEN_KEEPALIVE const char* sl_last_error() { return g_error.c_str(); }

EMSCRIPTEN_KEEPALIVE const char* sl_summary() {
  g_summary = g_app ? g_app->state().ws.summary_text(0) : std::string("{}");
  return g_summary.c_str();
}

EMSCRIPTEN_KEEPALIVE void sl_load_demo() {
  if (g_app) g_app->load_demo();
}

}  // extern "C"

int main() {
  if (!glfwInit()) {
    js_console_error("Seglens: GLFW could not start");
    return 1;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  g_ratio = js_pixel_ratio();
  g_width = static_cast<int>(js_window_width() * g_ratio + 0.5);
  g_height = static_cast<int>(js_window_height() * g_ratio + 0.5);
  g_window = glfwCreateWindow(g_width, g_height, "Seglens", nullptr, nullptr);
  if (!g_window) {
    js_console_error("Seglens: WebGL2 is not available in this browser");
    return 1;
  }
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no settings file: nothing is written anywhere
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  // Ours first: the ImGui backend chains to callbacks installed before it.
  glfwSetCursorPosCallback(g_window, on_cursor);
  glfwSetMouseButtonCallback(g_window, on_button);
  glfwSetScrollCallback(g_window, on_scroll);
  glfwSetKeyCallback(g_window, on_key);
  glfwSetCharCallback(g_window, on_char);
  glfwSetWindowFocusCallback(g_window, on_focus);
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  static seglens::app::App app;
  g_app = &app;
  app.init(static_cast<float>(g_ratio));
  emscripten_set_main_loop(main_loop, 0, false);
  return 0;
}
