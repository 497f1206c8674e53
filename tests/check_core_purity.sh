#!/usr/bin/env bash
# The core (src/core, include/seglens) is pure C++ over byte buffers: it must not include ImGui,
# emscripten or GLFW, nor open files itself (<fstream>, <filesystem>, fopen). The app, the
# platform layer and the CLI do those things and hand the core bytes.
# usage: tests/check_core_purity.sh REPO_ROOT    (exits non-zero and names each offending line)
set -u
if [ $# -ne 1 ] || [ ! -d "$1/src/core" ] || [ ! -d "$1/include/seglens" ]; then
  echo "usage: $0 REPO_ROOT (with src/core and include/seglens)" >&2
  exit 2
fi
cd "$1" || exit 2

# reason|extended regex, matched on each line with // comments removed
rules=(
  'includes ImGui|^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?(imgui|implot)[^>"]*[>"]'
  'includes emscripten|^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?emscripten[^>"]*[>"]'
  'includes GLFW|^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?(GLFW|glfw)[^>"]*[>"]'
  'includes <fstream>|^[[:space:]]*#[[:space:]]*include[[:space:]]*<fstream>'
  'includes <filesystem>|^[[:space:]]*#[[:space:]]*include[[:space:]]*<filesystem>'
  'file I/O|(^|[^[:alnum:]_])(fopen|freopen|fdopen|tmpfile)[[:space:]]*\('
  'file I/O|(^|[^[:alnum:]_<])(std::)?(i|o)?fstream([^[:alnum:]_]|$)'
  'file I/O|std::filesystem'
  'uses ImGui|(^|[^[:alnum:]_])ImGui::'
  'uses emscripten|(^|[^[:alnum:]_])(EM_ASM|EM_JS|EMSCRIPTEN_KEEPALIVE|__EMSCRIPTEN__)'
  'uses GLFW|(^|[^[:alnum:]_])glfw[A-Z][[:alnum:]_]*[[:space:]]*\('
)

files=$(find src/core include/seglens -type f \( -name '*.cpp' -o -name '*.cc' -o -name '*.c' -o -name '*.hpp' \
  -o -name '*.h' -o -name '*.inl' -o -name '*.ipp' \) | sort)
if [ -z "$files" ]; then
  echo "check_core_purity: no sources found under src/core and include/seglens" >&2
  exit 1
fi

found=0
offenders=()
for f in $files; do
  hit=0
  for rule in "${rules[@]}"; do
    reason=${rule%%|*}
    regex=${rule#*|}
    # strip // comments, keep line numbers
    matches=$(sed 's://.*$::' "$f" | grep -nE "$regex") || continue
    while IFS= read -r m; do
      echo "$f:${m%%:*}: $reason: ${m#*:}" >&2
    done <<<"$matches"
    hit=1
  done
  if [ "$hit" -eq 1 ]; then
    found=1
    offenders+=("$f")
  fi
done

if [ "$found" -ne 0 ]; then
  echo "check_core_purity: the core must stay pure; offending files: ${offenders[*]}" >&2
  exit 1
fi
echo "check_core_purity: $(echo "$files" | wc -l) files in src/core and include/seglens are pure"
