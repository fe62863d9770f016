-- JourneyMap: the pre-aggregated feedback table for journey 'online-return' (bigquery).
-- Feed the result to JourneyMap with: feedback "FILE.csv" { format aggregate }
WITH joined AS (
  SELECT
    CASE WHEN TRIM(`touchpoint`) IN ('policy', 'faq-chat', 'start-return', 'label', 'pack', 'drop-off', 'pickup', 'tracking', 'received', 'where-is-refund', 'refund-issued', 'refund-card', 'survey', 'voucher', 'rebuy') THEN TRIM(`touchpoint`)
      END AS touchpoint,
    CAST(`nps` AS FLOAT64) AS nps,
    CAST(`csat` AS FLOAT64) AS csat,
    CAST(`ces` AS FLOAT64) AS ces,
    LOWER(TRIM(`sentiment`)) AS sentiment
  FROM feedback
  WHERE (`nps` IS NULL OR (`nps` BETWEEN 0 AND 10 AND `nps` = FLOOR(`nps`)))
    AND (`csat` IS NULL OR (`csat` BETWEEN 1 AND 5))
    AND (`ces` IS NULL OR (`ces` BETWEEN 1 AND 7))
    AND (`sentiment` IS NULL OR TRIM(`sentiment`) = '' OR LOWER(TRIM(`sentiment`)) IN ('negative', 'neg', 'neutral', 'neu', 'positive', 'pos'))
)
SELECT
  touchpoint,
  CAST(COUNT(*) AS INT64) AS responses,
  CAST(SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) AS INT64) AS promoters,
  CAST(SUM(CASE WHEN nps >= 7 AND nps < 9 THEN 1 ELSE 0 END) AS INT64) AS passives,
  CAST(SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END) AS INT64) AS detractors,
  COALESCE(SUM(csat), 0) AS csat_sum,
  CAST(COUNT(csat) AS INT64) AS csat_count,
  CAST(SUM(CASE WHEN csat >= 4 THEN 1 ELSE 0 END) AS INT64) AS csat_top2,
  COALESCE(SUM(ces), 0) AS ces_sum,
  CAST(COUNT(ces) AS INT64) AS ces_count,
  CAST(SUM(CASE WHEN ces <= 2 THEN 1 ELSE 0 END) AS INT64) AS ces_easy,
  CAST(SUM(CASE WHEN sentiment IN ('positive', 'pos') THEN 1 ELSE 0 END) AS INT64) AS positive,
  CAST(SUM(CASE WHEN sentiment IN ('neutral', 'neu') THEN 1 ELSE 0 END) AS INT64) AS neutral,
  CAST(SUM(CASE WHEN sentiment IN ('negative', 'neg') THEN 1 ELSE 0 END) AS INT64) AS negative,
  COALESCE(SUM(csat * csat), 0) AS csat_sq,
  COALESCE(SUM(ces * ces), 0) AS ces_sq
FROM joined
WHERE touchpoint IS NOT NULL
GROUP BY touchpoint
ORDER BY touchpoint;
