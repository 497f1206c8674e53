#!/usr/bin/env bash
# Builds and runs the fuzz targets: every fuzz/fuzz_<name>.cpp is a libFuzzer target.
#
# usage: fuzz/run.sh [SECONDS] [TARGET...]
#   SECONDS  fuzzing time per target (default 60); 0 only builds
#   TARGET   a name like json (or fuzz_json); default: every fuzz/fuzz_*.cpp, one after another
# examples: fuzz/run.sh              every target, 60 s each
#           fuzz/run.sh 180 json     only fuzz_json, 3 minutes
#           fuzz/run.sh 0            build everything, run nothing
#
# Build: fuzz/CMakeLists.txt (a project of its own) with clang++ -fsanitize=fuzzer,address,undefined
# -O1 -g into build/fuzz/. A target links all of src/core/*.cpp and zlib, unless its source names
# the core files it needs in a "// fuzz-sources: ..." line. A target that does not build is
# reported and skipped; the others still run.
# Run: -max_len=1048576 -timeout=10 -rss_limit_mb=4096, with fuzz/<name>.dict when present.
# Corpus: fuzz/corpus/<name>/ holds the seeds (kept in git; created if absent; only read), the
# inputs libFuzzer finds go to build/fuzz/corpus/<name>/ and are reused by the next run. To keep
# the interesting ones as seeds:
#   build/fuzz/fuzz_json -merge=1 fuzz/corpus/json build/fuzz/corpus/json
# Stops at the first crash (or timeout, out-of-memory, leak) and prints where the input is saved:
# build/fuzz/crashes/<name>/. Reproduce with: build/fuzz/fuzz_<name> <that file>.
# FUZZ_ARGS adds libFuzzer flags (e.g. FUZZ_ARGS="-jobs=4 -workers=4").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=build/fuzz

secs=60
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then
  secs=$1
  shift
fi
targets=()
if [ $# -eq 0 ]; then
  for f in fuzz/fuzz_*.cpp; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .cpp)
    targets+=("${n#fuzz_}")
  done
else
  for t in "$@"; do
    t=${t#fuzz_}
    t=${t%.cpp}
    if [ ! -f "fuzz/fuzz_$t.cpp" ]; then
      echo "[fuzz] no fuzz/fuzz_$t.cpp" >&2
      exit 2
    fi
    targets+=("$t")
  done
fi
if [ ${#targets[@]} -eq 0 ]; then
  echo "[fuzz] no fuzz/fuzz_*.cpp" >&2
  exit 2
fi

if [ ! -f "$out/build.ninja" ]; then
  cmake -S fuzz -B "$out" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
fi
built=()
broken=()
for t in "${targets[@]}"; do
  echo "[fuzz] building fuzz_$t" >&2
  if cmake --build "$out" --target "fuzz_$t"; then
    built+=("$t")
  else
    broken+=("$t")
    echo "[fuzz] fuzz_$t does not build: skipped" >&2
  fi
done

status=0
if [ "$secs" -gt 0 ]; then
  for t in "${built[@]}"; do
    seeds=fuzz/corpus/$t
    corpus=$out/corpus/$t
    crashes=$out/crashes/$t
    log=$out/fuzz_$t.log
    mkdir -p "$seeds" "$corpus" "$crashes"
    args=(-max_len=1048576 -timeout=10 -rss_limit_mb=4096 -max_total_time="$secs"
          -artifact_prefix="$crashes/" -print_final_stats=1)
    [ -f "fuzz/$t.dict" ] && args+=(-dict="fuzz/$t.dict")
    # shellcheck disable=SC2206
    args+=(${FUZZ_ARGS:-})
    echo "[fuzz] fuzz_$t for $secs s (log: $log)" >&2
    set +e
    # The log gets everything; the terminal skips libFuzzer's line per new input.
    "$out/fuzz_$t" "${args[@]}" "$corpus" "$seeds" 2>&1 | tee "$log" | grep -Ev '^#[0-9]+[[:space:]]+(NEW|REDUCE|RELOAD)'
    rc=${PIPESTATUS[0]}
    set -e
    if [ "$rc" -ne 0 ]; then
      saved=$(grep -Eo '(Test unit written to|written to) [^ ]+' "$log" | tail -1 | awk '{print $NF}')
      echo "[fuzz] fuzz_$t FAILED (exit $rc). Input saved to: ${saved:-see $log}" >&2
      [ -n "$saved" ] && echo "[fuzz] reproduce: $out/fuzz_$t $saved" >&2
      exit 1
    fi
    echo "[fuzz] fuzz_$t: no crash in $secs s; corpus $corpus has $(ls "$corpus" | wc -l) inputs" >&2
  done
fi
if [ ${#broken[@]} -gt 0 ]; then
  echo "[fuzz] did not build: ${broken[*]}" >&2
  status=1
fi
exit $status
