#!/usr/bin/env bash
# The feedback join against pandas, DuckDB and polars on the same file, in one run.
#   bash bench/feedback.sh [ROWS]        (default 1000000; also measures peak memory at 10M)
# Needs ../shared/bench (the generator and the peers) and PyPI for the peers' venv.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/bench
[ -d "$SHARED" ] || { echo "bench: ../shared/bench is absent; nothing to compare against" >&2; exit 0; }
ROWS=${1:-1000000}
OUT=bench/out
mkdir -p "$OUT"
swift build -c release --product journeymap >/dev/null
BIN=.build/release/journeymap
[ -x .venv-peers/bin/python ] || { python3 -m venv .venv-peers && .venv-peers/bin/pip -q install polars duckdb pandas; }
PY=.venv-peers/bin/python
gen() { [ -f "$OUT/feedback-$1.csv" ] || python3 "$SHARED/gen_feedback.py" "$1" "$OUT/feedback-$1.csv" --journey "$OUT/bench.journey"; }
gen "$ROWS"
FILE="$OUT/feedback-$ROWS.csv"
echo "file: $FILE ($(du -m "$FILE" | cut -f1) MiB), machine: $(nproc) cores, $(uname -m)"

# Median of 5 whole-process runs (wall seconds) and peak RSS (MiB) of the last run.
measure() {
  local name=$1; shift
  local times=() rss=0
  for i in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" > "$OUT/$name.out" 2>/dev/null
    read -r t m < "$OUT/time.txt"; times+=("$t"); rss=$m
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local median; median=$(echo "$sorted" | sed -n 3p)
  printf '| %-10s | %6.2f s | %6.2f–%-6.2f s | %7.1f MiB |\n' "$name" "$median" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$(echo "$rss / 1024" | bc -l)"
}
echo "| tool | median | range (5 runs) | peak RSS |"
echo "|---|---|---|---|"
measure journeymap $BIN metrics "$OUT/bench.journey" --feedback "$FILE" --by touchpoint --color never
measure polars $PY "$SHARED/peers/agg_polars.py" "$FILE"
measure duckdb $PY "$SHARED/peers/agg_duckdb.py" "$FILE"
measure pandas $PY "$SHARED/peers/agg_pandas.py" "$FILE"

# Same numbers as the peers? (n, NPS, mean CSAT/CES, sentiment counts per touchpoint)
$PY - "$OUT/journeymap.out" "$OUT/polars.out" <<'PYEOF'
import csv, sys
ours = {r["id"]: r for r in csv.DictReader(open(sys.argv[1]))}
peer = {r["touchpoint"]: r for r in csv.DictReader(open(sys.argv[2]))}
bad = 0
for tp, p in peer.items():
    o = ours.get(tp)
    if o is None: print("missing", tp); bad += 1; continue
    checks = [(int(o["responses"]), int(p["n"])), (int(o["negative"]), int(p["neg"])), (int(o["positive"]), int(p["pos"]))]
    for a, b in checks:
        if a != b: print("mismatch", tp, a, b); bad += 1
    for a, b in [(o["nps"], p["nps"]), (o["csat_mean"], p["csat"]), (o["ces_mean"], p["ces"])]:
        if a and b and abs(float(a) - float(b)) > 0.001: print("mismatch", tp, a, b); bad += 1
print("agreement with polars:", "all touchpoints equal" if bad == 0 else f"{bad} differences")
PYEOF

if [ "${SKIP_10M:-0}" != 1 ]; then
  gen 10000000
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" $BIN metrics "$OUT/bench.journey" --feedback "$OUT/feedback-10000000.csv" --by touchpoint --color never > /dev/null 2>&1
  read -r t m < "$OUT/time.txt"
  echo "10M rows ($(du -m "$OUT/feedback-10000000.csv" | cut -f1) MiB): $t s, peak RSS $(echo "$m / 1024" | bc -l | cut -c1-6) MiB"
fi
