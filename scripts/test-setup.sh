#!/usr/bin/env bash
# Best-effort extras for the test suite: PostgreSQL (Debian), DuckDB and pyspark (PyPI, with
# Java from Debian), used to run the SQL that `journeymap sql` prints, numpy (PyPI) as the independent key-driver check, and Chromium (Debian) to open report.html. Tests that need them skip with a message when absent.
set -uo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "test-setup: installing postgresql" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null 2>&1; } \
    || echo "test-setup: postgresql not installed; its SQL test will skip" >&2
fi
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "test-setup: installing chromium (the HTML report's browser check)" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null 2>&1 \
    || echo "test-setup: chromium not installed; the browser check will skip" >&2
fi
if ! command -v pdftoppm >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "test-setup: installing poppler-utils (pdftoppm: the poster tiles' blank-sheet check)" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null 2>&1 \
    || echo "test-setup: poppler-utils not installed; the tile raster check will skip" >&2
fi
# numpy: the independent implementation the key-driver tests compare with; jsonschema: the
# validator the schema tests run on real outputs (schemas/).
if [ ! -x .venv-test/bin/python ] || ! .venv-test/bin/python -c "import duckdb, numpy, jsonschema" 2>/dev/null; then
  echo "test-setup: installing duckdb, numpy and jsonschema into .venv-test" >&2
  (python3 -m venv .venv-test && .venv-test/bin/pip install -q duckdb numpy jsonschema) >/dev/null 2>&1 \
    || echo "test-setup: duckdb, numpy or jsonschema not installed; their tests will skip" >&2
fi
# Java and pyspark: `journeymap sql --dialect spark` is tested in Spark's local mode
# (SparkSQLTests). pyspark is large (about 500 MB): installed once, skipped when present.
if ! command -v java >/dev/null 2>&1; then
  echo "test-setup: installing default-jre-headless (Spark's JVM)" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq default-jre-headless >/dev/null 2>&1; } \
    || echo "test-setup: no Java runtime; the Spark SQL test will skip" >&2
fi
if [ -x .venv-test/bin/python ] && ! .venv-test/bin/python -c "import pyspark" 2>/dev/null; then
  echo "test-setup: installing pyspark into .venv-test (large: about 500 MB)" >&2
  .venv-test/bin/pip install -q pyspark >/dev/null 2>&1 \
    || echo "test-setup: pyspark not installed; the Spark SQL test will skip" >&2
fi
# curl: the live preview's test talks to the server with it.
if ! command -v curl >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq curl >/dev/null 2>&1 \
    || echo "test-setup: curl not installed; the serve tests will skip" >&2
fi
# textmate-grammar-python: the TextMate engine that tokenises the examples with the editors' grammar.
if [ -x .venv-test/bin/python ] && ! .venv-test/bin/python -c "import textmate_grammar" 2>/dev/null; then
  echo "test-setup: installing textmate-grammar-python into .venv-test" >&2
  .venv-test/bin/pip install -q textmate-grammar-python >/dev/null 2>&1 \
    || echo "test-setup: textmate-grammar-python not installed; the grammar test will skip" >&2
fi
exit 0
