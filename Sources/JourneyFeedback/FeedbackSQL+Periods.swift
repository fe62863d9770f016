import JourneyCore

/// The periods query (docs/feedback.md#periods-sql): the aggregate table per period, so a
/// warehouse computes trends over all its feedback and JourneyMap reads one row per period
/// and touchpoint.
extension FeedbackSQL {
    /// One aggregate query giving, per period and touchpoint, the aggregate format's columns
    /// (with the sums of squares `csat_sq` and `ces_sq`) after a first column `period`. The
    /// periods are `Period`'s, as the in-process join groups: the date as written
    /// (`YYYY-MM-DD`, no time-zone conversion); month `2015-02`, quarter `2015-Q1`, year `2015`, ISO 8601
    /// week `2015-W07` (Monday start, ISO week-year).
    ///
    /// The same rules as `generate`, and the in-process join's for dates: leading spaces are
    /// skipped, the date is the first ten characters and may be followed by a space or `T`
    /// and a time; a date that is not on the calendar leaves the row out (the join rejects it);
    /// a row with no date has no period and is left out. Stage and journey figures are the
    /// sums of their touchpoints' rows, as in the join.
    public static func periods(
        _ journey: Journey, source: FeedbackSource?, table: String, dialect: Dialect, period: PeriodUnit
    ) -> String {
        let d = dialect
        let q = LongQuery(source: source, journey: journey, dialect: d)
        let written = "LTRIM(CAST(\(q.col("date")) AS \(d.textType)))"
        let pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T]|$)"
        let isDate: String
        switch d {
        case .postgres: isDate = "\(written) ~ '\(pattern)'"
        case .duckdb: isDate = "regexp_matches(\(written), '\(pattern)')"
        case .bigquery: isDate = "REGEXP_CONTAINS(\(written), r'\(pattern)')"
        case .spark: isDate = "\(written) RLIKE '\(pattern)'"
        }
        // jm_day holds only digits in the right places, so these casts cannot fail.
        func part(_ from: Int, _ length: Int) -> String { "CAST(SUBSTR(jm_day, \(from), \(length)) AS \(d.intType))" }
        let year = part(1, 4), month = "SUBSTR(jm_day, 6, 2)"
        let leap = "((MOD(\(year), 4) = 0 AND MOD(\(year), 100) <> 0) OR MOD(\(year), 400) = 0)"
        let lastDay =
            "CASE WHEN \(month) = '02' THEN CASE WHEN \(leap) THEN 29 ELSE 28 END WHEN \(month) IN ('04', '06', '09', '11') THEN 30 ELSE 31 END"
        let onCalendar = "\(part(6, 2)) BETWEEN 1 AND 12 AND \(part(9, 2)) BETWEEN 1 AND \(lastDay)"
        let label: String
        switch period {
        case .month: label = "SUBSTR(day, 1, 7)"
        case .year: label = "SUBSTR(day, 1, 4)"
        case .quarter:
            label =
                "SUBSTR(day, 1, 4) || '-Q' || CASE WHEN SUBSTR(day, 6, 2) <= '03' THEN '1' WHEN SUBSTR(day, 6, 2) <= '06' THEN '2' WHEN SUBSTR(day, 6, 2) <= '09' THEN '3' ELSE '4' END"
        case .week:
            let date = "CAST(day AS DATE)"
            switch d {
            case .postgres: label = "to_char(\(date), 'IYYY-\"W\"IW')"
            case .duckdb: label = "strftime(\(date), '%G-W%V')"
            case .bigquery: label = "FORMAT_DATE('%G-W%V', \(date))"
            case .spark:
                label =
                    "CAST(EXTRACT(YEAROFWEEK FROM \(date)) AS STRING) || '-W' || LPAD(CAST(EXTRACT(WEEK FROM \(date)) AS STRING), 2, '0')"
            }
        }
        return """
            -- JourneyMap: the pre-aggregated feedback table per \(period.rawValue) for journey '\(sanitizedComment(journey.id))' (\(d.rawValue)).
            -- Period: the date as written (YYYY-MM-DD), \(periodConvention(period)).
            -- Feed the result to JourneyMap with: feedback "FILE.csv" { format aggregate }
            WITH dated AS (
              SELECT *,
                CASE WHEN \(isDate) THEN SUBSTR(\(written), 1, 10) END AS jm_day
              FROM \(table)
            ),
            joined AS (
              SELECT
                \(q.joinedColumns.joined(separator: ",\n    ")),
                jm_day AS day
              FROM dated
              WHERE \(q.valid)
                AND jm_day IS NOT NULL
                AND \(onCalendar)
            ),
            labelled AS (
              SELECT *, \(label) AS period
              FROM joined
              WHERE touchpoint IS NOT NULL
            )
            SELECT
              period,
              touchpoint,
              \(q.aggregates.joined(separator: ",\n  "))
            FROM labelled
            GROUP BY period, touchpoint
            ORDER BY period, touchpoint;

            """
    }

    /// The label's form, for the query's comment.
    static func periodConvention(_ p: PeriodUnit) -> String {
        switch p {
        case .month: "month YYYY-MM"
        case .quarter: "quarter YYYY-Qn"
        case .year: "year YYYY"
        case .week: "ISO 8601 week YYYY-Www (Monday start, ISO week-year)"
        }
    }
}
