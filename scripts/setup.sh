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

# --- Debian source packages (trixie deb-src): Dear ImGui for both builds, zlib for the wasm one ---
# debian_source PKG VERSION FILE: unpacks the upstream tarball of Debian's source package PKG into
# .cache/PKG-VERSION (and the link .cache/PKG), checking that FILE defines that version. Only the
# .orig tarball is needed: apt may fail on a Debian revision's own files (a security update listed
# before the mirror has it) after the shared tarball arrived, so its exit status is not trusted.
debian_source() {
  local pkg=$1 ver=$2 file=$3 dir="$cache/$1-$2"
  if [ ! -f "$dir/$file" ]; then
    local src_list=/etc/apt/sources.list.d/seglens-trixie-src.sources
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
    if [ "$apt_updated" != 1 ]; then sudo_ apt-get update -qq; apt_updated=1; fi
    local tmp orig
    tmp=$(mktemp -d)
    log "fetching the $pkg source package"
    (cd "$tmp" && apt-get source --download-only -qq "$pkg" >/dev/null 2>&1) || true
    orig=$(ls "$tmp/${pkg}_"*.orig.tar.* 2>/dev/null | head -1)
    [ -n "$orig" ] || { log "could not download Debian's $pkg source package"; exit 1; }
    rm -rf "$dir.tmp"; mkdir -p "$dir.tmp"
    tar -xf "$orig" -C "$dir.tmp" --strip-components=1 --no-same-owner
    grep -Eq "define [A-Z_]*VERSION +\"$ver\"" "$dir.tmp/$file" || { log "unexpected $pkg version in $orig"; exit 1; }
    rm -rf "$dir"; mv "$dir.tmp" "$dir"; rm -rf "$tmp"
  fi
  ln -sfn "$pkg-$ver" "$cache/$pkg"
}
debian_source imgui 1.90.1 imgui.h   # IMGUI_VERSION "1.90.1"
debian_source zlib 1.3.1 zlib.h      # ZLIB_VERSION "1.3.1"; natively the system zlib is linked

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
