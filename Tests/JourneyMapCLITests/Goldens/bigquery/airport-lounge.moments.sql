-- JourneyMap: pairwise moments for key drivers of journey 'airport-lounge' (bigquery).
-- Variables, in order: find, entry, staff, seating, clean, wifi, quiet, food, bar, showers, washrooms, flight-info, satisfied, recommend (touchpoint ratings, then outcomes).
-- Random group: hash of the respondent id modulo 200 (docs/feedback.md#moments-sql).
-- Feed the result to JourneyMap with: feedback "FILE.csv" { format moments }
WITH cells AS (
  SELECT
    MOD(MOD(FARM_FINGERPRINT(TRIM(CAST(`Guest ID` AS STRING))), 200) + 200, 200) AS grp,
    NULLIF(TRIM(CAST(`Finding the lounge` AS STRING)), '') AS t0,
    NULLIF(TRIM(CAST(`Entry and access check` AS STRING)), '') AS t1,
    NULLIF(TRIM(CAST(`Staff welcome and service` AS STRING)), '') AS t2,
    NULLIF(TRIM(CAST(`Seating comfort` AS STRING)), '') AS t3,
    NULLIF(TRIM(CAST(`Cleanliness` AS STRING)), '') AS t4,
    NULLIF(TRIM(CAST(`Wi-Fi` AS STRING)), '') AS t5,
    NULLIF(TRIM(CAST(`Quiet zone` AS STRING)), '') AS t6,
    NULLIF(TRIM(CAST(`Food` AS STRING)), '') AS t7,
    NULLIF(TRIM(CAST(`Bar and drinks` AS STRING)), '') AS t8,
    NULLIF(TRIM(CAST(`Showers` AS STRING)), '') AS t9,
    NULLIF(TRIM(CAST(`Washrooms` AS STRING)), '') AS t10,
    NULLIF(TRIM(CAST(`Flight information` AS STRING)), '') AS t11,
    NULLIF(TRIM(CAST(`Overall, were you satisfied?` AS STRING)), '') AS t12,
    NULLIF(TRIM(CAST(`How likely are you to recommend the lounge? (0-10)` AS STRING)), '') AS t13
  FROM feedback
  WHERE `Guest ID` IS NOT NULL AND TRIM(CAST(`Guest ID` AS STRING)) <> ''
),
typed AS (
  SELECT grp,
    t0, CASE WHEN REGEXP_CONTAINS(t0, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t0 AS FLOAT64) END AS x0,
    t1, CASE WHEN REGEXP_CONTAINS(t1, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t1 AS FLOAT64) END AS x1,
    t2, CASE WHEN REGEXP_CONTAINS(t2, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t2 AS FLOAT64) END AS x2,
    t3, CASE WHEN REGEXP_CONTAINS(t3, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t3 AS FLOAT64) END AS x3,
    t4, CASE WHEN REGEXP_CONTAINS(t4, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t4 AS FLOAT64) END AS x4,
    t5, CASE WHEN REGEXP_CONTAINS(t5, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t5 AS FLOAT64) END AS x5,
    t6, CASE WHEN REGEXP_CONTAINS(t6, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t6 AS FLOAT64) END AS x6,
    t7, CASE WHEN REGEXP_CONTAINS(t7, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t7 AS FLOAT64) END AS x7,
    t8, CASE WHEN REGEXP_CONTAINS(t8, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t8 AS FLOAT64) END AS x8,
    t9, CASE WHEN REGEXP_CONTAINS(t9, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t9 AS FLOAT64) END AS x9,
    t10, CASE WHEN REGEXP_CONTAINS(t10, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t10 AS FLOAT64) END AS x10,
    t11, CASE WHEN REGEXP_CONTAINS(t11, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t11 AS FLOAT64) END AS x11,
    t12, CASE WHEN REGEXP_CONTAINS(t12, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t12 AS FLOAT64) END AS x12,
    t13, CASE WHEN REGEXP_CONTAINS(t13, r'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$') THEN CAST(t13 AS FLOAT64) END AS x13
  FROM cells
),
answers AS (
  SELECT grp,
    CASE WHEN (t0 IS NULL OR LOWER(t0) IN ('0', 'n/a') OR (x0 IS NOT NULL AND x0 IN (0))) THEN NULL ELSE x0 END AS v0,
    CASE WHEN (t1 IS NULL OR LOWER(t1) IN ('0', 'n/a') OR (x1 IS NOT NULL AND x1 IN (0))) THEN NULL ELSE x1 END AS v1,
    CASE WHEN (t2 IS NULL OR LOWER(t2) IN ('0', 'n/a') OR (x2 IS NOT NULL AND x2 IN (0))) THEN NULL ELSE x2 END AS v2,
    CASE WHEN (t3 IS NULL OR LOWER(t3) IN ('0', 'n/a') OR (x3 IS NOT NULL AND x3 IN (0))) THEN NULL ELSE x3 END AS v3,
    CASE WHEN (t4 IS NULL OR LOWER(t4) IN ('0', 'n/a') OR (x4 IS NOT NULL AND x4 IN (0))) THEN NULL ELSE x4 END AS v4,
    CASE WHEN (t5 IS NULL OR LOWER(t5) IN ('0', 'n/a') OR (x5 IS NOT NULL AND x5 IN (0))) THEN NULL ELSE x5 END AS v5,
    CASE WHEN (t6 IS NULL OR LOWER(t6) IN ('0', 'n/a') OR (x6 IS NOT NULL AND x6 IN (0))) THEN NULL ELSE x6 END AS v6,
    CASE WHEN (t7 IS NULL OR LOWER(t7) IN ('0', 'n/a') OR (x7 IS NOT NULL AND x7 IN (0))) THEN NULL ELSE x7 END AS v7,
    CASE WHEN (t8 IS NULL OR LOWER(t8) IN ('0', 'n/a') OR (x8 IS NOT NULL AND x8 IN (0))) THEN NULL ELSE x8 END AS v8,
    CASE WHEN (t9 IS NULL OR LOWER(t9) IN ('0', 'n/a') OR (x9 IS NOT NULL AND x9 IN (0))) THEN NULL ELSE x9 END AS v9,
    CASE WHEN (t10 IS NULL OR LOWER(t10) IN ('0', 'n/a') OR (x10 IS NOT NULL AND x10 IN (0))) THEN NULL ELSE x10 END AS v10,
    CASE WHEN (t11 IS NULL OR LOWER(t11) IN ('0', 'n/a') OR (x11 IS NOT NULL AND x11 IN (0))) THEN NULL ELSE x11 END AS v11,
    CASE WHEN (t12 IS NULL OR LOWER(t12) IN ('n/a')) THEN NULL WHEN LOWER(t12) IN ('satisfied') THEN 1 ELSE 0 END AS v12,
    CASE WHEN (t13 IS NULL OR LOWER(t13) IN ('n/a')) THEN NULL ELSE x13 END AS v13
  FROM typed
  WHERE NOT ((NOT (t0 IS NULL OR LOWER(t0) IN ('0', 'n/a') OR (x0 IS NOT NULL AND x0 IN (0))) AND (x0 IS NULL OR x0 < 1 OR x0 > 5))
         OR (NOT (t1 IS NULL OR LOWER(t1) IN ('0', 'n/a') OR (x1 IS NOT NULL AND x1 IN (0))) AND (x1 IS NULL OR x1 < 1 OR x1 > 5))
         OR (NOT (t2 IS NULL OR LOWER(t2) IN ('0', 'n/a') OR (x2 IS NOT NULL AND x2 IN (0))) AND (x2 IS NULL OR x2 < 1 OR x2 > 5))
         OR (NOT (t3 IS NULL OR LOWER(t3) IN ('0', 'n/a') OR (x3 IS NOT NULL AND x3 IN (0))) AND (x3 IS NULL OR x3 < 1 OR x3 > 5))
         OR (NOT (t4 IS NULL OR LOWER(t4) IN ('0', 'n/a') OR (x4 IS NOT NULL AND x4 IN (0))) AND (x4 IS NULL OR x4 < 1 OR x4 > 5))
         OR (NOT (t5 IS NULL OR LOWER(t5) IN ('0', 'n/a') OR (x5 IS NOT NULL AND x5 IN (0))) AND (x5 IS NULL OR x5 < 1 OR x5 > 5))
         OR (NOT (t6 IS NULL OR LOWER(t6) IN ('0', 'n/a') OR (x6 IS NOT NULL AND x6 IN (0))) AND (x6 IS NULL OR x6 < 1 OR x6 > 5))
         OR (NOT (t7 IS NULL OR LOWER(t7) IN ('0', 'n/a') OR (x7 IS NOT NULL AND x7 IN (0))) AND (x7 IS NULL OR x7 < 1 OR x7 > 5))
         OR (NOT (t8 IS NULL OR LOWER(t8) IN ('0', 'n/a') OR (x8 IS NOT NULL AND x8 IN (0))) AND (x8 IS NULL OR x8 < 1 OR x8 > 5))
         OR (NOT (t9 IS NULL OR LOWER(t9) IN ('0', 'n/a') OR (x9 IS NOT NULL AND x9 IN (0))) AND (x9 IS NULL OR x9 < 1 OR x9 > 5))
         OR (NOT (t10 IS NULL OR LOWER(t10) IN ('0', 'n/a') OR (x10 IS NOT NULL AND x10 IN (0))) AND (x10 IS NULL OR x10 < 1 OR x10 > 5))
         OR (NOT (t11 IS NULL OR LOWER(t11) IN ('0', 'n/a') OR (x11 IS NOT NULL AND x11 IN (0))) AND (x11 IS NULL OR x11 < 1 OR x11 > 5))
         OR (NOT (t13 IS NULL OR LOWER(t13) IN ('n/a')) AND (x13 IS NULL OR x13 < 0 OR x13 > 10 OR x13 <> FLOOR(x13))))
),
pairs AS (
  SELECT * FROM UNNEST([
    STRUCT(0 AS i, 0 AS j, 'find' AS var_i, 'find' AS var_j),
    STRUCT(0 AS i, 1 AS j, 'find' AS var_i, 'entry' AS var_j),
    STRUCT(0 AS i, 2 AS j, 'find' AS var_i, 'staff' AS var_j),
    STRUCT(0 AS i, 3 AS j, 'find' AS var_i, 'seating' AS var_j),
    STRUCT(0 AS i, 4 AS j, 'find' AS var_i, 'clean' AS var_j),
    STRUCT(0 AS i, 5 AS j, 'find' AS var_i, 'wifi' AS var_j),
    STRUCT(0 AS i, 6 AS j, 'find' AS var_i, 'quiet' AS var_j),
    STRUCT(0 AS i, 7 AS j, 'find' AS var_i, 'food' AS var_j),
    STRUCT(0 AS i, 8 AS j, 'find' AS var_i, 'bar' AS var_j),
    STRUCT(0 AS i, 9 AS j, 'find' AS var_i, 'showers' AS var_j),
    STRUCT(0 AS i, 10 AS j, 'find' AS var_i, 'washrooms' AS var_j),
    STRUCT(0 AS i, 11 AS j, 'find' AS var_i, 'flight-info' AS var_j),
    STRUCT(0 AS i, 12 AS j, 'find' AS var_i, 'satisfied' AS var_j),
    STRUCT(0 AS i, 13 AS j, 'find' AS var_i, 'recommend' AS var_j),
    STRUCT(1 AS i, 1 AS j, 'entry' AS var_i, 'entry' AS var_j),
    STRUCT(1 AS i, 2 AS j, 'entry' AS var_i, 'staff' AS var_j),
    STRUCT(1 AS i, 3 AS j, 'entry' AS var_i, 'seating' AS var_j),
    STRUCT(1 AS i, 4 AS j, 'entry' AS var_i, 'clean' AS var_j),
    STRUCT(1 AS i, 5 AS j, 'entry' AS var_i, 'wifi' AS var_j),
    STRUCT(1 AS i, 6 AS j, 'entry' AS var_i, 'quiet' AS var_j),
    STRUCT(1 AS i, 7 AS j, 'entry' AS var_i, 'food' AS var_j),
    STRUCT(1 AS i, 8 AS j, 'entry' AS var_i, 'bar' AS var_j),
    STRUCT(1 AS i, 9 AS j, 'entry' AS var_i, 'showers' AS var_j),
    STRUCT(1 AS i, 10 AS j, 'entry' AS var_i, 'washrooms' AS var_j),
    STRUCT(1 AS i, 11 AS j, 'entry' AS var_i, 'flight-info' AS var_j),
    STRUCT(1 AS i, 12 AS j, 'entry' AS var_i, 'satisfied' AS var_j),
    STRUCT(1 AS i, 13 AS j, 'entry' AS var_i, 'recommend' AS var_j),
    STRUCT(2 AS i, 2 AS j, 'staff' AS var_i, 'staff' AS var_j),
    STRUCT(2 AS i, 3 AS j, 'staff' AS var_i, 'seating' AS var_j),
    STRUCT(2 AS i, 4 AS j, 'staff' AS var_i, 'clean' AS var_j),
    STRUCT(2 AS i, 5 AS j, 'staff' AS var_i, 'wifi' AS var_j),
    STRUCT(2 AS i, 6 AS j, 'staff' AS var_i, 'quiet' AS var_j),
    STRUCT(2 AS i, 7 AS j, 'staff' AS var_i, 'food' AS var_j),
    STRUCT(2 AS i, 8 AS j, 'staff' AS var_i, 'bar' AS var_j),
    STRUCT(2 AS i, 9 AS j, 'staff' AS var_i, 'showers' AS var_j),
    STRUCT(2 AS i, 10 AS j, 'staff' AS var_i, 'washrooms' AS var_j),
    STRUCT(2 AS i, 11 AS j, 'staff' AS var_i, 'flight-info' AS var_j),
    STRUCT(2 AS i, 12 AS j, 'staff' AS var_i, 'satisfied' AS var_j),
    STRUCT(2 AS i, 13 AS j, 'staff' AS var_i, 'recommend' AS var_j),
    STRUCT(3 AS i, 3 AS j, 'seating' AS var_i, 'seating' AS var_j),
    STRUCT(3 AS i, 4 AS j, 'seating' AS var_i, 'clean' AS var_j),
    STRUCT(3 AS i, 5 AS j, 'seating' AS var_i, 'wifi' AS var_j),
    STRUCT(3 AS i, 6 AS j, 'seating' AS var_i, 'quiet' AS var_j),
    STRUCT(3 AS i, 7 AS j, 'seating' AS var_i, 'food' AS var_j),
    STRUCT(3 AS i, 8 AS j, 'seating' AS var_i, 'bar' AS var_j),
    STRUCT(3 AS i, 9 AS j, 'seating' AS var_i, 'showers' AS var_j),
    STRUCT(3 AS i, 10 AS j, 'seating' AS var_i, 'washrooms' AS var_j),
    STRUCT(3 AS i, 11 AS j, 'seating' AS var_i, 'flight-info' AS var_j),
    STRUCT(3 AS i, 12 AS j, 'seating' AS var_i, 'satisfied' AS var_j),
    STRUCT(3 AS i, 13 AS j, 'seating' AS var_i, 'recommend' AS var_j),
    STRUCT(4 AS i, 4 AS j, 'clean' AS var_i, 'clean' AS var_j),
    STRUCT(4 AS i, 5 AS j, 'clean' AS var_i, 'wifi' AS var_j),
    STRUCT(4 AS i, 6 AS j, 'clean' AS var_i, 'quiet' AS var_j),
    STRUCT(4 AS i, 7 AS j, 'clean' AS var_i, 'food' AS var_j),
    STRUCT(4 AS i, 8 AS j, 'clean' AS var_i, 'bar' AS var_j),
    STRUCT(4 AS i, 9 AS j, 'clean' AS var_i, 'showers' AS var_j),
    STRUCT(4 AS i, 10 AS j, 'clean' AS var_i, 'washrooms' AS var_j),
    STRUCT(4 AS i, 11 AS j, 'clean' AS var_i, 'flight-info' AS var_j),
    STRUCT(4 AS i, 12 AS j, 'clean' AS var_i, 'satisfied' AS var_j),
    STRUCT(4 AS i, 13 AS j, 'clean' AS var_i, 'recommend' AS var_j),
    STRUCT(5 AS i, 5 AS j, 'wifi' AS var_i, 'wifi' AS var_j),
    STRUCT(5 AS i, 6 AS j, 'wifi' AS var_i, 'quiet' AS var_j),
    STRUCT(5 AS i, 7 AS j, 'wifi' AS var_i, 'food' AS var_j),
    STRUCT(5 AS i, 8 AS j, 'wifi' AS var_i, 'bar' AS var_j),
    STRUCT(5 AS i, 9 AS j, 'wifi' AS var_i, 'showers' AS var_j),
    STRUCT(5 AS i, 10 AS j, 'wifi' AS var_i, 'washrooms' AS var_j),
    STRUCT(5 AS i, 11 AS j, 'wifi' AS var_i, 'flight-info' AS var_j),
    STRUCT(5 AS i, 12 AS j, 'wifi' AS var_i, 'satisfied' AS var_j),
    STRUCT(5 AS i, 13 AS j, 'wifi' AS var_i, 'recommend' AS var_j),
    STRUCT(6 AS i, 6 AS j, 'quiet' AS var_i, 'quiet' AS var_j),
    STRUCT(6 AS i, 7 AS j, 'quiet' AS var_i, 'food' AS var_j),
    STRUCT(6 AS i, 8 AS j, 'quiet' AS var_i, 'bar' AS var_j),
    STRUCT(6 AS i, 9 AS j, 'quiet' AS var_i, 'showers' AS var_j),
    STRUCT(6 AS i, 10 AS j, 'quiet' AS var_i, 'washrooms' AS var_j),
    STRUCT(6 AS i, 11 AS j, 'quiet' AS var_i, 'flight-info' AS var_j),
    STRUCT(6 AS i, 12 AS j, 'quiet' AS var_i, 'satisfied' AS var_j),
    STRUCT(6 AS i, 13 AS j, 'quiet' AS var_i, 'recommend' AS var_j),
    STRUCT(7 AS i, 7 AS j, 'food' AS var_i, 'food' AS var_j),
    STRUCT(7 AS i, 8 AS j, 'food' AS var_i, 'bar' AS var_j),
    STRUCT(7 AS i, 9 AS j, 'food' AS var_i, 'showers' AS var_j),
    STRUCT(7 AS i, 10 AS j, 'food' AS var_i, 'washrooms' AS var_j),
    STRUCT(7 AS i, 11 AS j, 'food' AS var_i, 'flight-info' AS var_j),
    STRUCT(7 AS i, 12 AS j, 'food' AS var_i, 'satisfied' AS var_j),
    STRUCT(7 AS i, 13 AS j, 'food' AS var_i, 'recommend' AS var_j),
    STRUCT(8 AS i, 8 AS j, 'bar' AS var_i, 'bar' AS var_j),
    STRUCT(8 AS i, 9 AS j, 'bar' AS var_i, 'showers' AS var_j),
    STRUCT(8 AS i, 10 AS j, 'bar' AS var_i, 'washrooms' AS var_j),
    STRUCT(8 AS i, 11 AS j, 'bar' AS var_i, 'flight-info' AS var_j),
    STRUCT(8 AS i, 12 AS j, 'bar' AS var_i, 'satisfied' AS var_j),
    STRUCT(8 AS i, 13 AS j, 'bar' AS var_i, 'recommend' AS var_j),
    STRUCT(9 AS i, 9 AS j, 'showers' AS var_i, 'showers' AS var_j),
    STRUCT(9 AS i, 10 AS j, 'showers' AS var_i, 'washrooms' AS var_j),
    STRUCT(9 AS i, 11 AS j, 'showers' AS var_i, 'flight-info' AS var_j),
    STRUCT(9 AS i, 12 AS j, 'showers' AS var_i, 'satisfied' AS var_j),
    STRUCT(9 AS i, 13 AS j, 'showers' AS var_i, 'recommend' AS var_j),
    STRUCT(10 AS i, 10 AS j, 'washrooms' AS var_i, 'washrooms' AS var_j),
    STRUCT(10 AS i, 11 AS j, 'washrooms' AS var_i, 'flight-info' AS var_j),
    STRUCT(10 AS i, 12 AS j, 'washrooms' AS var_i, 'satisfied' AS var_j),
    STRUCT(10 AS i, 13 AS j, 'washrooms' AS var_i, 'recommend' AS var_j),
    STRUCT(11 AS i, 11 AS j, 'flight-info' AS var_i, 'flight-info' AS var_j),
    STRUCT(11 AS i, 12 AS j, 'flight-info' AS var_i, 'satisfied' AS var_j),
    STRUCT(11 AS i, 13 AS j, 'flight-info' AS var_i, 'recommend' AS var_j),
    STRUCT(12 AS i, 12 AS j, 'satisfied' AS var_i, 'satisfied' AS var_j),
    STRUCT(12 AS i, 13 AS j, 'satisfied' AS var_i, 'recommend' AS var_j),
    STRUCT(13 AS i, 13 AS j, 'recommend' AS var_i, 'recommend' AS var_j)
  ])
),
long AS (
  SELECT grp, i, j, var_i, var_j,
    CASE i WHEN 0 THEN v0 WHEN 1 THEN v1 WHEN 2 THEN v2 WHEN 3 THEN v3 WHEN 4 THEN v4 WHEN 5 THEN v5 WHEN 6 THEN v6 WHEN 7 THEN v7 WHEN 8 THEN v8 WHEN 9 THEN v9 WHEN 10 THEN v10 WHEN 11 THEN v11 WHEN 12 THEN v12 WHEN 13 THEN v13 END AS x,
    CASE j WHEN 0 THEN v0 WHEN 1 THEN v1 WHEN 2 THEN v2 WHEN 3 THEN v3 WHEN 4 THEN v4 WHEN 5 THEN v5 WHEN 6 THEN v6 WHEN 7 THEN v7 WHEN 8 THEN v8 WHEN 9 THEN v9 WHEN 10 THEN v10 WHEN 11 THEN v11 WHEN 12 THEN v12 WHEN 13 THEN v13 END AS y
  FROM answers CROSS JOIN pairs
)
SELECT
  grp, var_i, var_j,
  CAST(COUNT(*) AS INT64) AS n,
  SUM(x) AS sum_i,
  SUM(y) AS sum_j,
  SUM(x * x) AS sum_ii,
  SUM(y * y) AS sum_jj,
  SUM(x * y) AS sum_ij
FROM long
WHERE x IS NOT NULL AND y IS NOT NULL
GROUP BY grp, i, j, var_i, var_j
ORDER BY grp, i, j;
