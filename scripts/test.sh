#!/usr/bin/env bash
# Sets up what is missing, builds both targets and runs every test: the native unit tests, the
# CLI and purity checks, the headless app tests, the core tests compiled to wasm under node, and
# the browser end-to-end tests in headless Chromium. usage: scripts/test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
t0=$SECONDS
bash scripts/setup.sh
echo "[test] set-up took $((SECONDS - t0)) s"
bash scripts/build.sh all
echo "[test] set-up and builds took $((SECONDS - t0)) s"
ctest --preset native
ctest --preset web
bash tests/e2e/run.sh
echo "[test] all tests passed in $((SECONDS - t0)) s"
