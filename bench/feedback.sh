#!/usr/bin/env bash
# The feedback join against polars, DuckDB and pandas on the same file, in one run: wall time
# (hyperfine, interleaved warm-up then RUNS runs each), CPU% and peak RSS (/usr/bin/time -v,
# one run each), at 1M and 10M rows.
#   bash bench/feedback.sh [ROWS ...]      (default: 1000000 10000000)
#   RUNS=5 (default 5; 3 for 10M rows)   SKIP_10M=1 (only the first size)
# Needs ../shared/bench (the generator and the peers), hyperfine, and PyPI for the peers' venv.
# Say the machine's load with every figure: the script prints `uptime` before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${JOURNEYMAP_SHARED:-../shared}/bench
[ -d "$SHARED" ] || { echo "bench: $SHARED is absent; nothing to compare against" >&2; exit 0; }
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || { SIZES=(1000000); [ "${SKIP_10M:-0}" = 1 ] || SIZES+=(10000000); }
OUT=bench/out
mkdir -p "$OUT"
swift build -c release --product journeymap >/dev/null
BIN=.build/release/journeymap
[ -x .venv-peers/bin/python ] || { python3 -m venv .venv-peers && .venv-peers/bin/pip -q install polars duckdb pandas; }
PY=.venv-peers/bin/python
gen() { [ -f "$OUT/feedback-$1.csv" ] || python3 "$SHARED/gen_feedback.py" "$1" "$OUT/feedback-$1.csv" --journey "$OUT/bench.journey"; }
echo "machine: $(nproc) cores, $(uname -m); journeymap $($BIN --version)"

for ROWS in "${SIZES[@]}"; do
  gen "$ROWS"
  FILE="$OUT/feedback-$ROWS.csv"
  RUNS=${RUNS:-$([ "$ROWS" -ge 10000000 ] && echo 3 || echo 5)}
  echo
  echo "== $ROWS rows: $FILE ($(du -m "$FILE" | cut -f1) MiB), load before: $(uptime | sed 's/.*load average: //')"
  cat "$FILE" > /dev/null  # in page cache for everyone
  OURS="$BIN metrics $OUT/bench.journey --feedback $FILE --by touchpoint --color never"
  declare -A CMD=(
    [journeymap]="$OURS"
    [journeymap-1-thread]="$OURS --threads 1"
    [polars]="$PY $SHARED/peers/agg_polars.py $FILE"
    [duckdb]="$PY $SHARED/peers/agg_duckdb.py $FILE"
    [pandas]="$PY $SHARED/peers/agg_pandas.py $FILE"
  )
  ORDER=(journeymap journeymap-1-thread polars duckdb pandas)
  # CPU% and peak RSS: /usr/bin/time -v, one run each (output kept for the agreement check).
  for name in "${ORDER[@]}"; do
    /usr/bin/time -v -o "$OUT/time-$name.txt" ${CMD[$name]} > "$OUT/$name.out" 2>/dev/null
  done
  # Wall time: hyperfine, all five in one call.
  args=()
  for name in "${ORDER[@]}"; do args+=(-n "$name" "${CMD[$name]}"); done
  hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/hyperfine-$ROWS.json" "${args[@]}" > "$OUT/hyperfine-$ROWS.txt"
  echo "load after: $(uptime | sed 's/.*load average: //')"
  python3 - "$OUT" "$ROWS" "${ORDER[@]}" <<'PYEOF'
import json, re, statistics, sys
out, rows, names = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = {r["command"]: r for r in json.load(open(f"{out}/hyperfine-{rows}.json"))["results"]}
def timev(name):
    text = open(f"{out}/time-{name}.txt").read()
    get = lambda key: re.search(re.escape(key) + r":\s*(.+)", text).group(1).strip()
    return get("Percent of CPU this job got"), int(get("Maximum resident set size (kbytes)")) / 1024
polars = statistics.median(runs["polars"]["times"])
print("| tool | wall, median | range | CPU | peak RSS | wall vs polars |")
print("|---|---|---|---|---|---|")
for n in names:
    t = runs[n]["times"]; med = statistics.median(t); cpu, rss = timev(n)
    print(f"| {n} | {med:.2f} s | {min(t):.2f}–{max(t):.2f} s | {cpu} | {rss:.1f} MiB | {med / polars:.2f}× |")
PYEOF
  # Same numbers as the peers? (n, NPS, mean CSAT/CES, sentiment counts per touchpoint)
  $PY - "$OUT/journeymap.out" "$OUT/polars.out" "$OUT/journeymap-1-thread.out" <<'PYEOF'
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
same = open(sys.argv[1], "rb").read() == open(sys.argv[3], "rb").read()
print("journeymap on all cores and on 1 thread:", "byte-identical output" if same else "OUTPUTS DIFFER")
PYEOF
done
