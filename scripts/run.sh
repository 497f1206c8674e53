#!/usr/bin/env bash
# Sets up what is missing, builds the web app and serves it on http://127.0.0.1:8080 with the
# demo data. usage: scripts/run.sh [PORT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${1:-8080}
bash scripts/setup.sh --no-browser
bash scripts/build.sh web
echo
echo "Seglens is at   http://127.0.0.1:$port/"
echo "Offline file:   $root/dist/seglens.html  (open it from disk; it needs no network)"
echo "Ctrl-C stops the server."
exec /usr/bin/python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root/dist/web"
