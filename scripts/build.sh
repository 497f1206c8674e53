#!/usr/bin/env bash
# Configures and builds one or both targets with the CMake presets. usage: scripts/build.sh [native|web|all]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export NODE_PATH=/usr/share/nodejs
build() {
  local t0=$SECONDS
  [ -f "build/$1/build.ninja" ] || cmake --preset "$1" >/dev/null
  cmake --build --preset "$1"
  echo "[build] $1 built in $((SECONDS - t0)) s" >&2
}
case "${1:-all}" in
  native) build native ;;
  web) build web ;;
  all) build native; build web ;;
  *) echo "usage: scripts/build.sh [native|web|all]" >&2; exit 2 ;;
esac
