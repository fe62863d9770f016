"""Runs queries in one local Spark session, each on a CSV file seen as the view `feedback`.

    python scripts/spark-query.py JOBS.tsv

Each line of JOBS.tsv is `DATA.csv<TAB>QUERY.sql<TAB>OUT.csv`: the query's result is
written to OUT.csv (a header, then one line per row; floats in full). A query that fails
writes its error to OUT.csv.err and the others still run. One session for all queries keeps
the JVM's start-up (tens of seconds) to once per run: the tests of `journeymap sql --dialect
spark` (Tests/JourneyMapCLITests/SparkSQLTests.swift) start it once.
"""
import csv
import sys

from pyspark.sql import SparkSession

spark = (
    SparkSession.builder.master("local[2]")
    .appName("journeymap-sql-tests")
    .config("spark.ui.enabled", "false")
    .config("spark.ui.showConsoleProgress", "false")
    .config("spark.sql.shuffle.partitions", "2")
    .config("spark.sql.session.timeZone", "UTC")
    .config("spark.driver.host", "127.0.0.1")
    .config("spark.driver.bindAddress", "127.0.0.1")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")

with open(sys.argv[1], encoding="utf-8") as jobs:
    for line in jobs:
        if not line.strip():
            continue
        data, query, out = line.rstrip("\n").split("\t")
        try:
            # RFC 4180 quoting (Spark's CSV default escape is a backslash) and line breaks
            # inside quoted fields; types inferred, as a warehouse table would have them.
            (
                spark.read.options(header=True, inferSchema=True, multiLine=True, escape='"')
                .csv(data)
                .createOrReplaceTempView("feedback")
            )
            df = spark.sql(open(query, encoding="utf-8").read())
            rows = df.collect()
            with open(out, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(df.columns)
                for r in rows:
                    w.writerow(["" if x is None else repr(x) if isinstance(x, float) else x for x in r])
        except Exception as e:  # noqa: BLE001 - reported to the test, which fails with it
            with open(out + ".err", "w", encoding="utf-8") as f:
                f.write(str(e))
spark.stop()
