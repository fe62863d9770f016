#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for a bounded time.
#   bash Fuzz/run.sh [SECONDS per target, default 60]
# A crash writes .build-fuzz/crash-* and exits non-zero: add the input to
# Tests/JourneyCoreTests/Fixtures/fuzz-regressions/ (replayed by the test suite) and fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
OUT=.build-fuzz
mkdir -p "$OUT"
CORE=$(find Sources/JourneyCore -name '*.swift')
# One module per target: JourneyFeedback's `import JourneyCore` lines are dropped in a copy.
mkdir -p "$OUT/feedback-src"
for f in Sources/JourneyFeedback/*.swift; do sed '/^import JourneyCore$/d' "$f" > "$OUT/feedback-src/$(basename "$f")"; done
FEEDBACK=$(find "$OUT/feedback-src" -name '*.swift')
build() { swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name "$1" "${@:3}" "Fuzz/$1.swift" -o "$OUT/$2" 2>&1 | grep -v "ld.gold: warning" || true; [ -x "$OUT/$2" ]; }
build FuzzParser fuzz-parser $CORE
build FuzzMermaid fuzz-mermaid $CORE
build FuzzCSV fuzz-csv $CORE $FEEDBACK
# Seeds: the committed ones (Fuzz/corpus/parser), the examples, the regression inputs, the
# Mermaid suite and slices of the example data, gathered under .build-fuzz (not committed).
mkdir -p "$OUT/corpus-parser" "$OUT/corpus-mermaid" "$OUT/corpus-csv" "$OUT/seeds-parser" "$OUT/seeds-mermaid" "$OUT/seeds-csv"
cp Fuzz/corpus/parser/* journeys/*.journey journeys/shared/*.journey Tests/JourneyCoreTests/Fixtures/fuzz-regressions/* "$OUT/seeds-parser/" 2>/dev/null || true
cp Tests/Fixtures/mermaid-suite/*.mmd "$OUT/seeds-mermaid/" 2>/dev/null || true
cp Tests/JourneyCoreTests/Fixtures/fuzz-regressions/*.mmd "$OUT/seeds-mermaid/" 2>/dev/null || true
head -c 20000 journeys/air-travel.social.csv > "$OUT/seeds-csv/social.csv"
head -c 20000 journeys/online-return.feedback.csv > "$OUT/seeds-csv/survey.csv"
status=0
for t in parser mermaid csv; do
  log="$OUT/fuzz-$t.log"
  if "$OUT/fuzz-$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
       -artifact_prefix="$OUT/" "$OUT/corpus-$t" "$OUT/seeds-$t" >"$log" 2>&1; then
    echo "fuzz-$t: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1), no crash"
  else
    echo "fuzz-$t: CRASH (see $log and $OUT/crash-*)"; status=1
  fi
done
exit $status
