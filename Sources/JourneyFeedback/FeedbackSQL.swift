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
    /// The engines whose SQL is generated (`--dialect`).
    public enum Dialect: String, CaseIterable, Sendable {
        case postgres, duckdb, bigquery
        /// Spark SQL (Databricks, EMR, Dataproc, `spark-sql`): backslash escapes in literals,
        /// backtick identifiers, as BigQuery; `STRING`, `DOUBLE` and `BIGINT` types.
        case spark
    }

    /// A query that aggregates `table` into the aggregate format's columns, one row per touchpoint.
    public static func generate(_ journey: Journey, source: FeedbackSource?, table: String, dialect: Dialect) -> String {
        let q = LongQuery(source: source, journey: journey, dialect: dialect)
        return """
            -- JourneyMap: the pre-aggregated feedback table for journey '\(sanitizedComment(journey.id))' (\(dialect.rawValue)).
            -- Feed the result to JourneyMap with: feedback "FILE.csv" { format aggregate }
            WITH joined AS (
              SELECT
                \(q.joinedColumns.joined(separator: ",\n    "))
              FROM \(table)
              WHERE \(q.valid)
            )
            SELECT
              touchpoint,
              \(q.aggregates.joined(separator: ",\n  "))
            FROM joined
            WHERE touchpoint IS NOT NULL
            GROUP BY touchpoint
            ORDER BY touchpoint;

            """
    }

    /// The parts shared by the queries over long data (one row per answer): the join key,
    /// the scores cast to numbers, the row filter and the aggregate format's columns.
    struct LongQuery {
        let dialect: Dialect
        let columns: [String: String]
        var joinedColumns: [String] = []
        var valid = ""
        var aggregates: [String] = []

        /// The physical column for a logical one, quoted.
        func col(_ logical: String) -> String { quoteIdentifier(columns[logical] ?? logical, dialect) }

        init(source: FeedbackSource?, journey: Journey, dialect: Dialect) {
            self.dialect = dialect
            columns = source?.columns ?? [:]
            let nps = source?.scales["nps"] ?? .nps
            let csat = source?.scales["csat"] ?? .csat
            let ces = source?.scales["ces"] ?? .ces
            let ids = journey.touchpoints.map(\.id)
            let rules = source?.categoryRules ?? []
            var words: [Sentiment: [String]] = [
                .negative: ["negative", "neg"], .neutral: ["neutral", "neu"], .positive: ["positive", "pos"],
            ]
            for (w, s) in (source?.sentimentWords ?? [:]).sorted(by: { $0.key < $1.key }) { words[s, default: []].append(w.lowercased()) }
            let col = self.col
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
            valid = [
                inScale(col("nps"), nps, whole: true), inScale(col("csat"), csat), inScale(col("ces"), ces),
                "(\(col("sentiment")) IS NULL OR TRIM(\(col("sentiment"))) = '' OR \(sentiment) IN (\(inList(Sentiment.allCases.flatMap { words[$0] ?? [] }))))",
            ].joined(separator: "\n    AND ")
            let float = dialect.floatType
            joinedColumns = [
                "\(joinKey) AS touchpoint",
                "CAST(\(col("nps")) AS \(float)) AS nps",
                "CAST(\(col("csat")) AS \(float)) AS csat",
                "CAST(\(col("ces")) AS \(float)) AS ces",
                "\(sentiment) AS sentiment",
            ]
            let easy = ces.lowerIsBetter ? "ces <= \(num(ces.min + 1))" : "ces >= \(num(ces.max - 1))"
            let int = dialect.intType
            func count(_ condition: String) -> String { "CAST(SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END) AS \(int))" }
            aggregates = [
                "CAST(COUNT(*) AS \(int)) AS responses",
                "\(count("nps >= 9")) AS promoters",
                "\(count("nps >= 7 AND nps < 9")) AS passives",
                "\(count("nps <= 6")) AS detractors",
                "COALESCE(SUM(csat), 0) AS csat_sum",
                "CAST(COUNT(csat) AS \(int)) AS csat_count",
                "\(count("csat >= \(num(csat.max - 1))")) AS csat_top2",
                "COALESCE(SUM(ces), 0) AS ces_sum",
                "CAST(COUNT(ces) AS \(int)) AS ces_count",
                "\(count(easy)) AS ces_easy",
                "\(count("sentiment IN (\(inList(words[.positive] ?? [])))")) AS positive",
                "\(count("sentiment IN (\(inList(words[.neutral] ?? [])))")) AS neutral",
                "\(count("sentiment IN (\(inList(words[.negative] ?? [])))")) AS negative",
                "COALESCE(SUM(csat * csat), 0) AS csat_sq",
                "COALESCE(SUM(ces * ces), 0) AS ces_sq",
            ]
        }
    }

    /// A string literal no journey text can end early.
    static func literal(_ s: String, _ d: Dialect) -> String {
        // Standard SQL keeps backslashes literal; BigQuery and Spark read them as escapes.
        let body = d.backslashEscapes ? bigQueryEscapes(s, quote: "'") : s.replacingOccurrences("'", "''")
        return "'" + body + "'"
    }

    /// BigQuery's escapes for a quoted literal or identifier (and Spark's for a literal):
    /// backslash, the quote, and line breaks (which may not appear raw inside quotes).
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
    /// and always reads `\` in a LIKE pattern as the escape, as Spark does by default (their
    /// literals double it).
    static func likePrefix(_ prefix: String, _ d: Dialect) -> String {
        var pattern = ""
        for ch in prefix.unicodeScalars {
            if ch == "%" || ch == "_" || ch == "\\" { pattern += "\\" }
            pattern.unicodeScalars.append(ch)
        }
        let like = "LIKE " + literal(pattern + "%", d)
        return d.backslashEscapes ? like : like + " ESCAPE '\\'"
    }

    /// A quoted identifier. BigQuery's quoted identifiers take the escapes of its string
    /// literals, so a backtick or backslash in a column name is escaped, never dropped.
    static func quoteIdentifier(_ name: String, _ d: Dialect) -> String {
        switch d {
        case .bigquery: "`" + bigQueryEscapes(name, quote: "`") + "`"
        // Spark doubles a backtick inside a quoted identifier and reads backslashes literally.
        case .spark: "`" + name.replacingOccurrences("`", "``") + "`"
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
