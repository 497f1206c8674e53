#!/usr/bin/env bash
# Checks the seglens command on the fixtures of tests/data, with exact expected values.
# usage: tests/cli_test.sh SEGLENS_BINARY TESTS_DATA_DIR
# Prints each failed check and exits non-zero if there was any.
set -u
if [ $# -ne 2 ] || [ ! -x "$1" ] || [ ! -d "$2" ]; then
  echo "usage: $0 SEGLENS_BINARY TESTS_DATA_DIR" >&2
  exit 2
fi
seglens=$1
data=$2
py=/usr/bin/python3
[ -x "$py" ] || py=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# check_json FILE PYTHON_EXPR...: each expression, evaluated with `j` the parsed JSON, must be true.
check_json() {
  local json=$1
  shift
  "$py" - "$json" "$@" <<'PY' || fail "JSON checks on $json (see above)"
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    j = json.load(f)
bad = 0
for expr in sys.argv[2:]:
    try:
        ok = eval(expr, {"j": j})
    except Exception as e:  # a missing field is a failed check, not a crash
        ok, expr = False, f"{expr}  ({type(e).__name__}: {e})"
    if not ok:
        print(f"  not true: {expr}", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
PY
}

types='[c["type"] for c in j["columns"]]'
names='[c["name"] for c in j["columns"]]'

# --- inspect FILE --json on fixtures -----------------------------------------------------------
if "$seglens" inspect "$data/types.csv" --json >"$tmp/types.json" 2>"$tmp/err"; then
  check_json "$tmp/types.json" \
    'j["rows"] == 24' \
    'j["demo"] is False' \
    "$names == ['id', 'code', 'price', 'signup', 'last_seen', 'active', 'city', 'note']" \
    "$types == ['integer', 'text', 'decimal', 'date', 'datetime', 'boolean', 'category', 'text']" \
    'j["columns"][0]["sum"] == 300 and j["columns"][0]["min"] == "1" and j["columns"][0]["max"] == "24"' \
    'j["columns"][2]["missing"] == 1 and j["columns"][2]["max"] == "30"' \
    'j["columns"][4]["min"] == "2025-01-01 08:01:00" and j["columns"][4]["max"] == "2025-02-12 00:00:00"' \
    'j["datasets"][0]["read"]["records"] == 24 and j["datasets"][0]["read"]["rows_rejected"] == 0'
else
  fail "inspect types.csv exited non-zero: $(cat "$tmp/err")"
fi

if "$seglens" inspect "$data/ragged.csv" --json >"$tmp/ragged.json" 2>"$tmp/err"; then
  check_json "$tmp/ragged.json" \
    'j["rows"] == 3' \
    "$types == ['integer', 'integer', 'integer']" \
    'j["datasets"][0]["read"]["records"] == 6' \
    'j["datasets"][0]["read"]["rows_kept"] == 3' \
    'j["datasets"][0]["read"]["rows_rejected"] == 3' \
    'j["datasets"][0]["read"]["blank_lines"] == 1' \
    '[r["row"] for r in j["datasets"][0]["read"]["rejected"]] == [3, 4, 7]' \
    '[r["column"] for r in j["datasets"][0]["read"]["rejected"]] == [3, 4, 2]'
else
  fail "inspect ragged.csv exited non-zero: $(cat "$tmp/err")"
fi

if "$seglens" inspect "$data/bom_chinese.csv" --json >"$tmp/bom.json" 2>"$tmp/err"; then
  check_json "$tmp/bom.json" \
    'j["rows"] == 4' \
    "$names == ['客户ID', '下单日期', '订单金额', '是否会员']" \
    "$types == ['category', 'date', 'decimal', 'boolean']" \
    'j["columns"][1]["min"] == "2024-01-05" and j["columns"][1]["max"] == "2024-03-01"'
else
  fail "inspect bom_chinese.csv exited non-zero: $(cat "$tmp/err")"
fi

if "$seglens" inspect "$data/tabs.tsv" --json >"$tmp/tabs.json" 2>"$tmp/err"; then
  check_json "$tmp/tabs.json" \
    'j["rows"] == 3' \
    'j["datasets"][0]["read"]["delimiter"] == "\t"' \
    "$types == ['category', 'decimal', 'category']"
else
  fail "inspect tabs.tsv exited non-zero: $(cat "$tmp/err")"
fi

# The human-readable form names the rejected lines.
if "$seglens" inspect "$data/ragged.csv" >"$tmp/ragged.txt" 2>"$tmp/err"; then
  grep -q "rejected line 4, column 4: expected 3 fields, found 4" "$tmp/ragged.txt" ||
    fail "inspect ragged.csv (text) does not report line 4: $(cat "$tmp/ragged.txt")"
else
  fail "inspect ragged.csv (text) exited non-zero: $(cat "$tmp/err")"
fi

# --- files that cannot be read: non-zero exit, a message naming the file -----------------------
expect_error() {  # FILE EXPECTED_MESSAGE
  local file=$1 message=$2 rc=0
  "$seglens" inspect "$file" --json >"$tmp/out" 2>"$tmp/err" || rc=$?
  if [ "$rc" -eq 0 ]; then
    fail "inspect $file exited 0"
  elif ! grep -qF "$file: $message" "$tmp/err"; then
    fail "inspect $file: stderr does not say '$file: $message': $(cat "$tmp/err")"
  fi
  [ -s "$tmp/out" ] && fail "inspect $file printed to stdout on failure: $(head -c 200 "$tmp/out")"
}
expect_error "$data/empty.csv" "the file is empty"
expect_error "$data/no_such_file.csv" "cannot open the file"

rc=0
"$seglens" inspect >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "inspect without a file: exit $rc, expected 2 (usage)"

# --- demo --out DIR, read back with inspect ----------------------------------------------------
"$seglens" demo --json >"$tmp/demo.json" 2>"$tmp/err" || fail "demo --json exited non-zero: $(cat "$tmp/err")"
mkdir "$tmp/out_dir"
if "$seglens" demo --out "$tmp/out_dir" >/dev/null 2>"$tmp/err"; then
  for t in orders customers; do
    [ -s "$tmp/out_dir/$t.csv" ] || fail "demo --out did not write $t.csv"
  done
  i=0
  for t in orders customers; do
    if "$seglens" inspect "$tmp/out_dir/$t.csv" --json >"$tmp/$t.json" 2>"$tmp/err"; then
      # Same rows, names and types as the demo summary, except where CSV cannot carry the type:
      # money is written without its unit (reads back as decimal) and the customers' unique ids
      # read back as text (the demo stores them as a category shared with the orders).
      "$py" - "$tmp/demo.json" "$tmp/$t.json" "$i" "$t" <<'PY' || fail "demo $t.csv read back differs (see above)"
import json, sys
demo = json.load(open(sys.argv[1], encoding="utf-8"))["datasets"][int(sys.argv[3])]
back = json.load(open(sys.argv[2], encoding="utf-8"))
table = sys.argv[4]
written_as = {("orders", "amount"): ("money", "decimal"), ("customers", "customer_id"): ("category", "text")}
bad = []
if demo["name"] != table:
    bad.append(f"demo data set {sys.argv[3]} is {demo['name']}, expected {table}")
if back["rows"] != demo["rows"]:
    bad.append(f"rows: demo {demo['rows']}, read back {back['rows']}")
if back["datasets"][0]["read"]["rows_rejected"] != 0:
    bad.append("rows were rejected on reading back")
dn = [c["name"] for c in demo["columns"]]
bn = [c["name"] for c in back["columns"]]
if dn != bn:
    bad.append(f"columns: demo {dn}, read back {bn}")
for d, b in zip(demo["columns"], back["columns"]):
    expected = d["type"]
    if (table, d["name"]) in written_as:
        demo_type, expected = written_as[(table, d["name"])]
        if d["type"] != demo_type:
            bad.append(f"{d['name']}: demo type {d['type']}, expected {demo_type}")
    if b["type"] != expected:
        bad.append(f"{d['name']}: read back as {b['type']}, expected {expected}")
    for k in ("count", "missing", "distinct"):
        if d[k] != b[k]:
            bad.append(f"{d['name']}.{k}: demo {d[k]}, read back {b[k]}")
    if d["type"] in ("date", "integer") and (d["min"], d["max"]) != (b["min"], b["max"]):
        bad.append(f"{d['name']} range: demo {d['min']}..{d['max']}, read back {b['min']}..{b['max']}")
    if d["type"] == "money" and d["sum"] != b["sum"]:
        bad.append(f"{d['name']}.sum: demo {d['sum']}, read back {b['sum']}")
for m in bad:
    print("  " + m, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
    else
      fail "inspect $t.csv exited non-zero: $(cat "$tmp/err")"
    fi
    i=$((i + 1))
  done
else
  fail "demo --out exited non-zero: $(cat "$tmp/err")"
fi
check_json "$tmp/demo.json" \
  'j["demo"] is True' \
  '[d["name"] for d in j["datasets"]] == ["orders", "customers"]' \
  'j["datasets"][1]["rows"] == 8000' \
  'j["rows"] == j["datasets"][0]["rows"]'

rc=0
"$seglens" demo --out "$tmp/no/such/dir" >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" -ne 0 ] || fail "demo --out into a missing directory exited 0"

if [ "$failures" -ne 0 ]; then
  echo "cli_test: $failures check(s) failed" >&2
  exit 1
fi
echo "cli_test: all checks passed"
