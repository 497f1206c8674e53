#!/usr/bin/env bash
# Installs what Seglens needs on a Debian 12 machine, skipping what is present.
# Idempotent; safe to run before every build. usage: scripts/setup.sh [--no-browser]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$root/.cache"
mkdir -p "$cache"

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log() { printf '[setup] %s\n' "$*" >&2; }

# --- Debian packages --------------------------------------------------------
pkgs=(build-essential cmake ninja-build pkg-config dpkg-dev
      emscripten libeigen3-dev nlohmann-json3-dev doctest-dev libfast-float-dev liblbfgspp-dev zlib1g-dev
      chromium
      python3-pandas python3-sklearn python3-scipy python3-statsmodels python3-jieba python3-fonttools
      fonts-droid-fallback fonts-dejavu-core libclang-rt-14-dev python3-openpyxl time)
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
apt_updated=0
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  sudo_ apt-get update -qq
  apt_updated=1
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Dear ImGui 1.90.1 from Debian's source package (trixie deb-src) ---------
imgui_ver=1.90.1
imgui_dir="$cache/imgui-$imgui_ver"
if [ ! -f "$imgui_dir/imgui.h" ]; then
  src_list=/etc/apt/sources.list.d/seglens-trixie-src.sources
  if [ ! -f "$src_list" ]; then
    log "adding a deb-src entry for trixie (source packages only)"
    sudo_ tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt_updated=0
  fi
  [ "$apt_updated" = 1 ] || sudo_ apt-get update -qq
  tmp=$(mktemp -d)
  log "fetching the imgui source package"
  (cd "$tmp" && apt-get source --download-only -qq imgui >/dev/null 2>&1)
  orig=$(ls "$tmp"/imgui_*.orig.tar.* | head -1)
  mkdir -p "$imgui_dir.tmp"
  tar -xf "$orig" -C "$imgui_dir.tmp" --strip-components=1
  grep -Eq "define IMGUI_VERSION +\"$imgui_ver\"" "$imgui_dir.tmp/imgui.h" || { log "unexpected imgui version in $orig"; exit 1; }
  rm -rf "$imgui_dir"; mv "$imgui_dir.tmp" "$imgui_dir"; rm -rf "$tmp"
fi
ln -sfn "imgui-$imgui_ver" "$cache/imgui"

# --- zlib 1.3.1 from Debian's source package (trixie deb-src), for the wasm build ------------
# Natively the system zlib (zlib1g-dev) is linked; Emscripten's own zlib port downloads from the
# internet, so cmake/zlib.cmake compiles these C sources with emcc instead.
zlib_ver=1.3.1
zlib_dir="$cache/zlib-$zlib_ver"
if [ ! -f "$zlib_dir/inflate.c" ]; then
  src_list=/etc/apt/sources.list.d/seglens-trixie-src.sources
  if [ ! -f "$src_list" ]; then
    log "adding a deb-src entry for trixie (source packages only)"
    sudo_ tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  sudo_ apt-get update -qq
  tmp=$(mktemp -d)
  log "fetching the zlib source package"
  # Only the upstream tarball is needed. apt may fail on the Debian revision's own files (a
  # security update listed before the mirror has it) after the shared .orig tarball arrived.
  (cd "$tmp" && apt-get source --download-only -qq zlib >/dev/null 2>&1) || true
  orig=$(ls "$tmp"/zlib_*.orig.tar.* 2>/dev/null | head -1)
  [ -n "$orig" ] || { log "could not download Debian's zlib source package"; exit 1; }
  rm -rf "$zlib_dir.tmp"; mkdir -p "$zlib_dir.tmp"
  tar -xf "$orig" -C "$zlib_dir.tmp" --strip-components=1 --no-same-owner
  grep -Eq "define ZLIB_VERSION +\"$zlib_ver\"" "$zlib_dir.tmp/zlib.h" || { log "unexpected zlib version in $orig"; exit 1; }
  [ -f "$zlib_dir.tmp/inflate.c" ] || { log "inflate.c missing from $orig"; exit 1; }
  rm -rf "$zlib_dir"; mv "$zlib_dir.tmp" "$zlib_dir"; rm -rf "$tmp"
fi
ln -sfn "zlib-$zlib_ver" "$cache/zlib"

# --- npm: playwright-core for the browser tests (pinned by package-lock) ----
if [ "${1:-}" != "--no-browser" ]; then
  e2e="$root/tests/e2e"
  if ! cmp -s "$e2e/package-lock.json" "$e2e/node_modules/.seglens-lock" 2>/dev/null; then
    log "installing playwright-core (npm ci)"
    (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$e2e/package-lock.json" "$e2e/node_modules/.seglens-lock"
  fi
fi
log "ready"
