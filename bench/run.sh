#!/usr/bin/env bash
# Seglens side by side with the anchors (/work/shared/anchors), measured in the same run, as ratios.
# usage: bench/run.sh [ROWS...] [--big]     ROWS defaults to 1000000 (e.g. bench/run.sh 1000000 10000000)
#   --big  also (or, given alone, only) the ~1 GB file (22,000,000 rows): one native run for peak
#          RSS, one pandas run, one browser loadBlob run. Takes minutes.
# Needs the builds (scripts/build.sh all), Debian's chromium, python3-pandas, python3-sklearn, GNU
# time (/usr/bin/time) and tests/e2e/node_modules (scripts/setup.sh). Data is generated into
# bench/out/ once and reused. The report goes to stdout and bench/out/results-<date>.md; progress
# goes to stderr. See bench/README.md for what each number includes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
shared=${SEGLENS_SHARED:-/work/shared}
cli=build/native/seglens
out=bench/out
runs=3
big_rows=22000000
# Upper bounds for each browser script (seconds): the anchors' script waits forever if the page
# crashes (PapaParse on 10M rows runs the tab out of memory).
bench_timeout=${BENCH_TIMEOUT:-1800}
anchors_timeout=${ANCHORS_TIMEOUT:-600}

# [SECTION] arguments and checks ------------------------------------------------------------------
sizes=() big=0
for a in "$@"; do
  case "$a" in
    --big) big=1 ;;
    ''|*[!0-9]*) echo "usage: bench/run.sh [ROWS...] [--big]" >&2; exit 2 ;;
    *) sizes+=("$a") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || [ $big = 1 ] || sizes=(1000000)

if [ ! -x "$cli" ] || [ ! -f dist/web/index.html ]; then
  echo "no build: run scripts/build.sh all first (needs $cli and dist/web/)" >&2; exit 2
fi
[ -d tests/e2e/node_modules/playwright-core ] || { echo "tests/e2e/node_modules is missing: run scripts/setup.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }
[ -x /usr/bin/chromium ] || { echo "Debian's chromium is missing: apt-get install -y chromium" >&2; exit 2; }
/usr/bin/python3 -c 'import pandas, sklearn' 2>/dev/null ||
  { echo "install python3-pandas and python3-sklearn (Debian) first" >&2; exit 2; }

mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
report=$out/results-$(date +%Y-%m-%dT%H%M).md
say() { echo "[bench] $*" >&2; }

# [SECTION] helpers -------------------------------------------------------------------------------
# gen ROWS [--gbk-chinese] -> path of the orders file, generated once
gen() {
  local f=$out/orders_$1${2:+_gbk}.csv
  if [ ! -s "$f" ]; then
    say "generating $f"
    /usr/bin/python3 "$shared/bench/gen_orders.py" "$1" "$f.tmp" ${2:-} && mv "$f.tmp" "$f"
  fi
  echo "$f"
}
median() { [ $# = 0 ] || printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
calc() { awk "BEGIN { x = $1; printf \"%.${2:-2}f\", x }"; }  # calc EXPR [DECIMALS]
# jget KEY <JSON -> value of a top-level key ('' when absent or not JSON)
jget() { node -e 'let o = {}; try { o = JSON.parse(require("fs").readFileSync(0, "utf8")); } catch {}
  console.log(o[process.argv[1]] ?? "")' "$1"; }
# kv LINE KEY -> the value of KEY=value in a line like pandas_anchor.py's
kv() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p" | head -1; }
# ratio A B -> A/B, or '—' when either is missing
ratio() { if [ -n "$1" ] && [ -n "$2" ]; then calc "$1 / $2"; else echo '—'; fi; }
mbps() { if [ -n "$1" ]; then calc "$mb / $1" 1; else echo '—'; fi; }  # SECONDS -> MB/s of the file
runs_txt() { if [ "$1" = 1 ]; then echo "1 run"; else echo "median of $1 runs"; fi; }
mb_of() { if [ -n "$1" ]; then calc "$1 / 1e6" 0; else echo '—'; fi; }  # BYTES -> MB
kb_bytes() { [ -z "$1" ] || echo $(($1 * 1024)); }  # GNU time's KB (KiB) -> bytes

# The CLI prints a "read_s=..." line on stderr with --timing once it has that option.
timing_flag=
case "$("$cli" 2>&1 || true)" in *--timing*) timing_flag=--timing ;; esac

# seglens FILE -> one run; sets s_wall s_rss_kb s_read s_rows s_err
seglens() {
  s_err=
  if /usr/bin/time -f '%e %M' -o "$tmp/time" "$cli" inspect "$1" --json $timing_flag >"$tmp/sl.json" 2>"$tmp/sl.err"; then
    read -r s_wall s_rss_kb <"$tmp/time"
    s_read=$(sed -n 's/^read_s=\([0-9.]*\).*/\1/p' "$tmp/sl.err" | head -1)
    s_rows=$(jget rows <"$tmp/sl.json")
  else  # GNU time's -o file says how it ended ("exited with non-zero status 1", "terminated by signal 9")
    s_err="failed ($(head -1 "$tmp/time" | sed 's/^Command //')): $(head -3 "$tmp/sl.err" | tr '\n' ' ')"
  fi
}
# pandas FILE -> one run of the anchor; sets p_parse p_rss_kb p_rows p_err
pandas() {
  p_err=
  if /usr/bin/time -f '%e %M' -o "$tmp/ptime" /usr/bin/python3 "$shared/anchors/pandas_anchor.py" "$1" >"$tmp/pd.txt" 2>"$tmp/pd.err"; then
    p_parse=$(kv "$(tail -1 "$tmp/pd.txt")" parse_s)
    p_rows=$(kv "$(head -1 "$tmp/pd.txt")" rows)
    read -r _ p_rss_kb <"$tmp/ptime"
  else
    p_err="failed ($(head -1 "$tmp/ptime" | sed 's/^Command //')): $(tail -1 "$tmp/pd.err")"
  fi
}

# native FILE N -> N interleaved runs of seglens and pandas (PANDAS=0: seglens only); medians in
# nat_* (seglens) and pd_* (pandas)
native() {
  local walls=() rsss=() reads=() parses=() prss=() i
  nat_err= pd_err=
  for ((i = 1; i <= $2; i++)); do
    seglens "$1"
    if [ -n "$s_err" ]; then nat_err=$s_err; else walls+=("$s_wall"); rsss+=("$s_rss_kb"); [ -z "$s_read" ] || reads+=("$s_read"); fi
    say "seglens run $i/$2: ${s_err:-wall ${s_wall} s, RSS ${s_rss_kb} KB${s_read:+, read_s $s_read}}"
    [ "${PANDAS:-1}" = 1 ] || continue
    pandas "$1"
    if [ -n "$p_err" ]; then pd_err=$p_err; else parses+=("$p_parse"); prss+=("$p_rss_kb"); fi
    say "pandas  run $i/$2: ${p_err:-parse_s ${p_parse}, RSS ${p_rss_kb} KB}"
  done
  nat_wall=$(median "${walls[@]}") nat_rss=$(median "${rsss[@]}") nat_read=$(median "${reads[@]}") nat_rows=${s_rows:-}
  [ "${PANDAS:-1}" = 0 ] || pd_parse=$(median "${parses[@]}") pd_rss=$(median "${prss[@]}") pd_rows=${p_rows:-}
}

# [SECTION] one file size -------------------------------------------------------------------------
bench_size() {  # ROWS [big]
  local n=$1 mode=${2:-} f n_runs=$runs
  [ "$mode" != big ] || n_runs=1
  f=$(gen "$n")
  bytes=$(stat -c %s "$f")
  mb=$(calc "$bytes / 1e6" 1)

  local g_wall='' g_rss='' g_rows='' g_err='' g_mb='' g_bytes='' g_note=''
  if [ "$mode" != big ] && [ "$n" = "${sizes[0]:-}" ]; then  # one native row for the GBK Chinese variant
    local gf; gf=$(gen "$n" --gbk-chinese)
    g_bytes=$(stat -c %s "$gf") g_mb=$(calc "$g_bytes / 1e6" 1)
    say "== $gf (GBK): $g_mb MB, Seglens only"
    PANDAS=0 native "$gf" "$n_runs"
    g_wall=$nat_wall g_rss=$nat_rss g_rows=$nat_rows g_err=$nat_err
    # did the header come out as Chinese (订单号 = order_id), raw or \u-escaped in the JSON?
    if grep -q -e '订单号' -e '\\u8ba2\\u5355\\u53f7' "$tmp/sl.json" 2>/dev/null; then g_note='whole process; header decoded from GBK'
    else g_note='whole process; **header not decoded from GBK** (订单号 missing from the output)'; fi
  fi

  say "== $f: $mb MB, $n_runs run(s) each"
  native "$f" "$n_runs"
  local sl_s=${nat_read:-$nat_wall} sl_what="whole process: start-up, read, type detection, statistics, JSON out"
  [ -z "$nat_read" ] || sl_what="read_s from --timing (whole process: ${nat_wall} s)"

  say "browser: Seglens (bench/browser_bench.mjs)"
  local b a='' a_err=''
  b=$(timeout --kill-after=30 "$bench_timeout" node bench/browser_bench.mjs "$f" "$n_runs" ${mode:+--big}) ||
    say "browser_bench reported a failure (exit $?; kept in the table)"
  if [ "$mode" != big ]; then
    say "browser: anchors ($shared/anchors/run.sh, at most $anchors_timeout s)"
    local rc=0
    timeout --kill-after=30 "$anchors_timeout" "$shared/anchors/run.sh" "$f" >"$tmp/anchors.txt" 2>"$tmp/anchors.err" || rc=$?
    a=$(sed -n 's/^browser: *//p' "$tmp/anchors.txt")
    if [ $rc = 124 ]; then a_err="no result within $anchors_timeout s (ANCHORS_TIMEOUT)"
    elif [ -z "$a" ]; then a_err="no result (exit $rc): $(grep -v '^npm warn' "$tmp/anchors.err" | tail -2 | tr '\n' ' ')"; fi
    [ -z "$a_err" ] || say "anchors: $a_err"
  fi
  local lf_s lb_s
  lf_s=$(jget loadfile_s <<<"$b") lb_s=$(jget loadblob_s <<<"$b")
  local duck papa papaf udsv
  duck=$(jget duckdb_ingest_s <<<"$a") papa=$(jget papaparse_s <<<"$a") papaf=$(jget papaparse_fast_s <<<"$a") udsv=$(jget udsv_typedcols_s <<<"$a")
  # A browser ratio: the anchor's seconds / Seglens' seconds on the same file = Seglens MB/s / anchor MB/s
  br() { echo "$(ratio "$1" "$lf_s") | $(ratio "$1" "$lb_s")"; }
  err_or() { if [ -n "$1" ]; then echo "${1//|/\\|}"; else echo "${2:-}"; fi; }  # an error message, or the value

  {
    echo "## $n rows, $mb MB ($(basename "$f"))"
    echo
    echo "### Native ($(runs_txt "$n_runs"))"
    echo
    echo "| tool | what the time includes | rows | seconds | MB/s | peak RSS MB | RSS ÷ file | Seglens speed ÷ tool |"
    echo "|---|---|---|---|---|---|---|---|"
    if [ -n "$nat_err" ] && [ -z "$nat_wall" ]; then
      echo "| seglens inspect --json | $(err_or "$nat_err") | | | | | | |"
    else
      echo "| seglens inspect --json | $sl_what | $nat_rows | $sl_s | $(mbps "$sl_s") | $(mb_of "$(kb_bytes "$nat_rss")") | $(ratio "$(kb_bytes "$nat_rss")" "$bytes") | 1 |"
    fi
    echo "| pandas read_csv | read_csv alone (parse_dates); RSS: the whole anchor script (read, RFM, k-means) | $pd_rows | $(err_or "$pd_err" "$pd_parse") | $(mbps "$pd_parse") | $(mb_of "$(kb_bytes "$pd_rss")") | $(ratio "$(kb_bytes "$pd_rss")" "$bytes") | $(ratio "$pd_parse" "$sl_s") |"
    if [ -n "$g_mb" ]; then
      if [ -n "$g_err" ] && [ -z "$g_wall" ]; then
        echo "| seglens inspect --json, GBK Chinese variant ($g_mb MB) | $(err_or "$g_err") | | | | | | — |"
      else
        echo "| seglens inspect --json, GBK Chinese variant ($g_mb MB) | $g_note | $g_rows | $g_wall | $(calc "$g_bytes / 1e6 / $g_wall" 1) | $(mb_of "$(kb_bytes "$g_rss")") | $(ratio "$(kb_bytes "$g_rss")" "$g_bytes") | — |"
      fi
    fi
    echo
    echo "### Browser: headless Chromium, software WebGL ($(runs_txt "$n_runs"))"
    echo
    echo "| tool | what is timed | rows | seconds | MB/s | Seglens loadFile speed ÷ tool | Seglens loadBlob speed ÷ tool |"
    echo "|---|---|---|---|---|---|---|"
    [ "$mode" = big ] ||
      echo "| Seglens loadFile | \`await seglens.loadFile(name, bytes)\`: copy into wasm, read, type detection, statistics, summary JSON | $(jget rows <<<"$b") | $(err_or "$(jget loadfile_error <<<"$b")" "${lf_s:-$(jget error <<<"$b")}") | $(mbps "$lf_s") | $(br "$lf_s") |"
    echo "| Seglens loadBlob | \`await seglens.loadBlob(blob)\`: as loadFile, plus reading the Blob's slices | $(jget loadblob_rows <<<"$b") | $(err_or "$(jget loadblob_error <<<"$b")" "${lb_s:-$(jget error <<<"$b")}") | $(mbps "$lb_s") | $(br "$lb_s") |"
    if [ "$mode" != big ]; then
      echo "| DuckDB-WASM ingest | \`CREATE TABLE t AS SELECT * FROM read_csv_auto(...)\` (file registered in memory) | $(jget duckdb_rows <<<"$a") | $(err_or "$a_err" "$duck") | $(mbps "$duck") | $(br "$duck") |"
      echo "| PapaParse | header + dynamicTyping on the decoded string (UTF-8 decode not timed) | $(jget rows <<<"$a") | $(err_or "$a_err" "$papa") | $(mbps "$papa") | $(br "$papa") |"
      echo "| PapaParse fastMode | header, no typing | | $(err_or "$a_err" "$papaf") | $(mbps "$papaf") | $(br "$papaf") |"
      echo "| uDSV | inferSchema + typedCols on the decoded string | $(jget udsv_rows <<<"$a") | $(err_or "$a_err" "$udsv") | $(mbps "$udsv") | $(br "$udsv") |"
    fi
    echo
    echo "### Browser memory (wasm heap = Module.HEAPU8.length; it never shrinks, so it is the peak)"
    echo
    echo "| when | wasm heap MB | heap ÷ file |"
    echo "|---|---|---|"
    local h
    echo "| at start (demo data) | $(mb_of "$(jget heap_start_bytes <<<"$b")") | |"
    h=$(jget heap_after_loadfile_bytes <<<"$b")
    [ -z "$h" ] || echo "| after the loadFile runs | $(mb_of "$h") | $(ratio "$h" "$bytes") |"
    h=$(jget heap_after_loadblob_bytes <<<"$b")
    [ -z "$h" ] || echo "| after the loadBlob runs (a fresh page) | $(mb_of "$h") | $(ratio "$h" "$bytes") |"
    echo
    echo "Raw: browser_bench \`$b\`"
    [ -z "$a" ] || echo "anchors \`$a\`"
    echo
  } | tee -a "$report"
}

# [SECTION] main ----------------------------------------------------------------------------------
{
  echo "# Seglens benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.0f GB RAM", $2 / 1e6}' /proc/meminfo);" \
    "$(/usr/bin/chromium --version 2>/dev/null | head -1); node $(node --version); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') (plus any uncommitted changes)."
  echo
  echo "Timings here are noisy (a shared machine): every number is a median of the runs shown, and Seglens"
  echo "and the anchors ran in the same invocation. Trust the ratios more than the absolute seconds."
  echo "Speed ratios are Seglens MB/s ÷ the tool's MB/s (above 1: Seglens is faster); MB = 10^6 bytes."
  echo "Native Seglens is timed as a whole process (start-up and statistics included); pandas is read_csv alone."
  echo
} | tee "$report"
for n in "${sizes[@]}"; do bench_size "$n"; done
[ $big = 0 ] || bench_size "$big_rows" big
say "report written to $report"
