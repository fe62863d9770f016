import JourneyCore

/// SQL that computes the pre-aggregated feedback table (docs/feedback.md, "Aggregate") from a
/// raw feedback table, so organisations whose data lives in a warehouse run the heavy part
/// on their own engine and feed JourneyMap the totals (`format aggregate`).
///
/// It applies the same rules as the in-process join: rows join on touchpoint id, else
/// through the category rules (a parent category matches its children); a row with any
/// score outside its scale, or an NPS that is not whole, is left out whole; unknown
/// touchpoints are left out. Scores are expected as numeric columns (NULL when unanswered),
/// sentiment as words (`negative`/`neg`, `neutral`/`neu`, `positive`/`pos`, plus the
/// block's `sentiment` words).
public enum FeedbackSQL {
    /// The warehouses whose SQL is generated (`--dialect`).
    public enum Dialect: String, CaseIterable, Sendable {
        case postgres, duckdb, bigquery
    }

    /// A query that aggregates `table` into the aggregate format's columns, one row per touchpoint.
    public static func generate(_ journey: Journey, source: FeedbackSource?, table: String, dialect: Dialect) -> String {
        let columns = source?.columns ?? [:]
        func col(_ logical: String) -> String { quoteIdentifier(columns[logical] ?? logical, dialect) }
        let nps = source?.scales["nps"] ?? .nps
        let csat = source?.scales["csat"] ?? .csat
        let ces = source?.scales["ces"] ?? .ces
        let ids = journey.touchpoints.map(\.id)
        let rules = source?.categoryRules ?? []
        var words: [Sentiment: [String]] = [
            .negative: ["negative", "neg"], .neutral: ["neutral", "neu"], .positive: ["positive", "pos"],
        ]
        for (w, s) in (source?.sentimentWords ?? [:]).sorted(by: { $0.key < $1.key }) { words[s, default: []].append(w.lowercased()) }
        let sentiment = "LOWER(TRIM(\(col("sentiment"))))"
        func literal(_ s: String) -> String { FeedbackSQL.literal(s, dialect) }
        func inList(_ values: [String]) -> String { values.map(literal).joined(separator: ", ") }

        var joinKey = "CASE WHEN TRIM(\(col("touchpoint"))) IN (\(inList(ids))) THEN TRIM(\(col("touchpoint")))"
        for r in rules {
            let c = literal(r.category.lowercased())
            let cat = "LOWER(TRIM(\(col("category"))))"
            joinKey +=
                "\n      WHEN \(cat) = \(c) OR \(cat) \(likePrefix(r.category.lowercased() + "/", dialect)) THEN \(literal(r.touchpoint))"
        }
        joinKey += "\n      END"

        func inScale(_ c: String, _ s: Scale, whole: Bool = false) -> String {
            "(\(c) IS NULL OR (\(c) BETWEEN \(num(s.min)) AND \(num(s.max))\(whole ? " AND \(c) = FLOOR(\(c))" : "")))"
        }
        let valid = [
            inScale(col("nps"), nps, whole: true), inScale(col("csat"), csat), inScale(col("ces"), ces),
            "(\(col("sentiment")) IS NULL OR TRIM(\(col("sentiment"))) = '' OR \(sentiment) IN (\(inList(Sentiment.allCases.flatMap { words[$0] ?? [] }))))",
        ].joined(separator: "\n    AND ")
        let easy = ces.lowerIsBetter ? "ces <= \(num(ces.min + 1))" : "ces >= \(num(ces.max - 1))"
        let float = dialect == .bigquery ? "FLOAT64" : "DOUBLE PRECISION"
        let intType = dialect == .bigquery ? "INT64" : "BIGINT"
        return """
            -- JourneyMap: the pre-aggregated feedback table for journey '\(journey.id)' (\(dialect.rawValue)).
            -- Feed the result to JourneyMap with: feedback "FILE.csv" { format aggregate }
            WITH joined AS (
              SELECT
                \(joinKey) AS touchpoint,
                CAST(\(col("nps")) AS \(float)) AS nps,
                CAST(\(col("csat")) AS \(float)) AS csat,
                CAST(\(col("ces")) AS \(float)) AS ces,
                \(sentiment) AS sentiment
              FROM \(table)
              WHERE \(valid)
            )
            SELECT
              touchpoint,
              CAST(COUNT(*) AS \(intType)) AS responses,
              CAST(SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END) AS \(intType)) AS promoters,
              CAST(SUM(CASE WHEN nps >= 7 AND nps < 9 THEN 1 ELSE 0 END) AS \(intType)) AS passives,
              CAST(SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END) AS \(intType)) AS detractors,
              COALESCE(SUM(csat), 0) AS csat_sum,
              CAST(COUNT(csat) AS \(intType)) AS csat_count,
              CAST(SUM(CASE WHEN csat >= \(num(csat.max - 1)) THEN 1 ELSE 0 END) AS \(intType)) AS csat_top2,
              COALESCE(SUM(ces), 0) AS ces_sum,
              CAST(COUNT(ces) AS \(intType)) AS ces_count,
              CAST(SUM(CASE WHEN \(easy) THEN 1 ELSE 0 END) AS \(intType)) AS ces_easy,
              CAST(SUM(CASE WHEN sentiment IN (\(inList(words[.positive] ?? []))) THEN 1 ELSE 0 END) AS \(intType)) AS positive,
              CAST(SUM(CASE WHEN sentiment IN (\(inList(words[.neutral] ?? []))) THEN 1 ELSE 0 END) AS \(intType)) AS neutral,
              CAST(SUM(CASE WHEN sentiment IN (\(inList(words[.negative] ?? []))) THEN 1 ELSE 0 END) AS \(intType)) AS negative
            FROM joined
            WHERE touchpoint IS NOT NULL
            GROUP BY touchpoint
            ORDER BY touchpoint;

            """
    }

    /// A string literal no journey text can end early.
    static func literal(_ s: String, _ d: Dialect) -> String {
        // Standard SQL keeps backslashes literal; BigQuery reads them as escapes.
        let body = d == .bigquery ? bigQueryEscapes(s, quote: "'") : s.replacingOccurrences("'", "''")
        return "'" + body + "'"
    }

    /// BigQuery's escapes for a quoted literal or identifier: backslash, the quote, and line
    /// breaks (which may not appear raw inside quotes).
    static func bigQueryEscapes(_ s: String, quote: Unicode.Scalar) -> String {
        // Scalar by scalar: a quote followed by a combining mark is one Character, and must
        // still be escaped.
        var out = String.UnicodeScalarView()
        for ch in s.unicodeScalars {
            switch ch {
            case "\\", quote: out.append("\\"); out.append(ch)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(ch)
            }
        }
        return String(out)
    }

    /// `LIKE 'prefix%'` matching `prefix` literally: `%`, `_` and the escape character `\`
    /// in it are escaped (a category "50%_off" must not match "50x_off/…"). PostgreSQL and
    /// DuckDB are told the escape character with `ESCAPE '\'`; BigQuery has no ESCAPE clause
    /// and always reads `\` in a LIKE pattern as the escape (its literal doubles it).
    static func likePrefix(_ prefix: String, _ d: Dialect) -> String {
        var pattern = ""
        for ch in prefix.unicodeScalars {
            if ch == "%" || ch == "_" || ch == "\\" { pattern += "\\" }
            pattern.unicodeScalars.append(ch)
        }
        let like = "LIKE " + literal(pattern + "%", d)
        return d == .bigquery ? like : like + " ESCAPE '\\'"
    }

    /// A quoted identifier. BigQuery's quoted identifiers take the escapes of its string
    /// literals, so a backtick or backslash in a column name is escaped, never dropped.
    static func quoteIdentifier(_ name: String, _ d: Dialect) -> String {
        switch d {
        case .bigquery: "`" + bigQueryEscapes(name, quote: "`") + "`"
        case .postgres, .duckdb: "\"" + name.replacingOccurrences("\"", "\"\"") + "\""
        }
    }

    static func num(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: Substring(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
