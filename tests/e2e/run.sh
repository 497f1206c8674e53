#!/usr/bin/env bash
# Runs the browser end-to-end tests (tests/e2e/*.test.mjs) against dist/ from the repo root.
# Build first: cmake --preset web && cmake --build --preset web. Screenshots land in build/e2e/.
# usage: tests/e2e/run.sh [extra node --test options]   env: SEGLENS_DIST=dir, E2E_TIMEOUT=seconds
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  echo "tests/e2e/node_modules is missing: run scripts/setup.sh" >&2
  exit 2
fi
dist=${SEGLENS_DIST:-dist}
if [ ! -f "$dist/web/index.html" ] || [ ! -f "$dist/seglens.html" ]; then
  echo "no web build in $dist/: run cmake --preset web && cmake --build --preset web" >&2
  exit 2
fi
exec timeout --kill-after=10 "${E2E_TIMEOUT:-600}" node --test --test-reporter=spec "$@" tests/e2e/
