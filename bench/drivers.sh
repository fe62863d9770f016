#!/usr/bin/env bash
# Key drivers over a wide survey: journeymap (streaming join, relative weights, 1,000 bootstrap
# resamples) against pandas + numpy (the same relative weights, point estimates only) in one
# hyperfine run; then peak memory at 100k and 1M respondents.
#   bash bench/drivers.sh [RESPONDENTS]      (default 1000000)
# Needs python3 with numpy (the generator), PyPI for .venv-peers (pandas), and hyperfine
# (Debian's package; installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
OUT=bench/out
mkdir -p "$OUT"
command -v hyperfine >/dev/null || { SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo; $SUDO apt-get install -y -qq hyperfine >/dev/null; }
swift build -c release --product journeymap >/dev/null
BIN=.build/release/journeymap
[ -x .venv-peers/bin/python ] && .venv-peers/bin/python -c "import pandas, numpy" 2>/dev/null \
  || { python3 -m venv .venv-peers && .venv-peers/bin/pip -q install pandas numpy; }
PY=.venv-peers/bin/python
gen() { [ -f "$OUT/drivers-$1.csv" ] || python3 bench/gen_drivers.py "$1" "$OUT/drivers-$1.csv" --journey "$OUT/drivers-$1.journey"; }
gen "$N"
FILE="$OUT/drivers-$N.csv"
echo "file: $FILE ($(du -m "$FILE" | cut -f1) MiB, $N respondents x 14 ratings), machine: $(nproc) cores, $(uname -m)"

hyperfine --warmup 1 --runs 5 --export-markdown "$OUT/drivers-hyperfine.md" \
  -n journeymap "$BIN metrics $OUT/drivers-$N.journey --drivers --color never > $OUT/drivers-ours.csv 2>/dev/null" \
  -n "pandas + numpy" "$PY bench/drivers_pandas.py $FILE > $OUT/drivers-pandas.csv"
cat "$OUT/drivers-hyperfine.md"

# Same drivers? (share, raw weight, correlation and n per touchpoint)
$PY - "$OUT/drivers-ours.csv" "$OUT/drivers-pandas.csv" <<'PYEOF'
import csv, sys
ours = {r["touchpoint"]: r for r in csv.DictReader(open(sys.argv[1]))}
peer = {r["touchpoint"]: r for r in csv.DictReader(open(sys.argv[2]))}
bad = 0
for tp, p in peer.items():
    o = ours[tp]
    if int(o["n"]) != int(p["n"]): bad += 1; print("n", tp, o["n"], p["n"])
    for a, b, tol in [(o["importance_pct"], p["share_pct"], 0.0006), (o["raw_weight"], p["raw_weight"], 0.00006), (o["correlation"], p["correlation"], 0.00006)]:
        if abs(float(a) - float(b)) > tol: bad += 1; print("differs", tp, a, b)
print("agreement with pandas + numpy:", "all 14 touchpoints equal (to the printed precision)" if bad == 0 else f"{bad} differences")
PYEOF

# Peak memory: the drivers keep k x k moments per random group, whatever the number of
# respondents. With a respondent column the join also remembers the ids it has seen (to warn
# when one person's rows are split), bounded at 1,000,000 ids: measured with and without it.
for n in 100000 "$N"; do
  gen "$n"
  sed '/respondent "id"/d' "$OUT/drivers-$n.journey" > "$OUT/drivers-$n-noid.journey"
  rss() { /usr/bin/time -v "$@" > /dev/null 2> "$OUT/time.txt"; awk '/Maximum resident/ {printf "%.1f", $6 / 1024}' "$OUT/time.txt"; }
  printf '%8s respondents: journeymap %s MiB (without the respondent column %s MiB), pandas + numpy %s MiB peak RSS\n' "$n" \
    "$(rss $BIN metrics "$OUT/drivers-$n.journey" --drivers --color never)" \
    "$(rss $BIN metrics "$OUT/drivers-$n-noid.journey" --drivers --color never)" \
    "$(rss $PY bench/drivers_pandas.py "$OUT/drivers-$n.csv")"
done
