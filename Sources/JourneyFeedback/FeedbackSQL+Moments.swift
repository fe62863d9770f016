import JourneyCore

/// The moments query (docs/feedback.md#moments-sql): key drivers for warehouse-sized survey
/// tables. The engine reduces a wide table (one row per respondent, one column per
/// touchpoint rating, the outcomes) to the pairwise moments of its variables in 200 random
/// groups, a few thousand rows whatever the number of respondents; `format moments` reads
/// them and the drivers are computed as for a streamed file.
extension FeedbackSQL {
    /// Why no moments query can be written for a source.
    public enum MomentsError: Error, Equatable, CustomStringConvertible {
        case notWide
        case noOutcome
        /// A sentence for the user.
        public var description: String {
            switch self {
            case .notWide:
                "the moments query needs a wide feedback block (`format wide` with `rating` statements): see docs/feedback.md#moments-sql"
            case .noOutcome:
                "the moments query needs an outcome (`outcome ID = \"column\"`) in the feedback block: key drivers explain an outcome"
            }
        }
    }

    /// The variables of the moments query, in order: the rated touchpoints as declared, then
    /// the outcomes. Their names are touchpoint and outcome ids.
    public static func momentsVariables(_ source: FeedbackSource) -> [String] {
        source.ratings.map(\.touchpoint) + source.outcomes.map(\.id)
    }

    /// One aggregate query giving, per random group and pair of variables (i ≤ j in
    /// `momentsVariables` order) over the rows where both are answered:
    /// `grp, var_i, var_j, n, sum_i, sum_j, sum_ii, sum_jj, sum_ij`.
    ///
    /// The same rules as the wide join: blank cells and the block's `missing` codes are not
    /// answered; a rating outside its scale, a value that is not a number, or an NPS outcome
    /// that is not whole leaves the whole row out; a binary outcome is 1 for its `yes` words
    /// (case-insensitive) and 0 for any other answer; with a respondent column, rows whose id
    /// is blank are left out.
    ///
    /// The random group: with a respondent column, the engine's own hash of the trimmed id
    /// modulo `groups` (PostgreSQL `hashtext`, DuckDB `hash`, BigQuery `FARM_FINGERPRINT`,
    /// Spark `hash`); without one, the row number modulo `groups` (Spark: its generated row id). Either way the groups are not the ones
    /// the in-process join draws (SplitMix64 of the id's FNV-1a hash or of the line number),
    /// so bootstrap intervals differ slightly from a streamed run; the point estimates are
    /// the same.
    public static func moments(
        _ journey: Journey, source: FeedbackSource, table: String, dialect: Dialect,
        groups: Int = DriverMoments.groupCount
    ) throws(MomentsError) -> String {
        guard !source.ratings.isEmpty else { throw .notWide }
        guard !source.outcomes.isEmpty else { throw .noOutcome }
        let d = dialect
        let text = d.textType, float = d.floatType, intType = d.intType
        let csat = source.scales["csat"] ?? .csat
        let names = momentsVariables(source)
        let columns = source.ratings.map(\.column) + source.outcomes.map(\.column)
        let k = names.count
        func lit(_ s: String) -> String { literal(s, d) }

        // A plain decimal number, as the join reads one (no exponent, no thousands separator).
        func isNumber(_ t: String) -> String {
            let re = "[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)"
            switch d {
            case .postgres: return "\(t) ~ '^\(re)$'"
            case .duckdb: return "regexp_full_match(\(t), '\(re)')"
            case .bigquery: return "REGEXP_CONTAINS(\(t), r'^\(re)$')"
            case .spark: return "\(t) RLIKE '^\(re)$'"
            }
        }
        let codes = source.missingValues.map { $0.trimmingSpaces().lowercased() }
        let numericCodes = codes.compactMap { c -> Double? in
            Array(c.utf8).withUnsafeBufferPointer { b in
                if case .value(let v) = FieldParsing.number(b) { return v }
                return nil
            }
        }
        // As in the join: numeric codes apply to ratings only (0 is a real answer to a 0–10 or
        // 0/1 outcome); codes that are not numbers apply to outcomes too.
        let textCodes = codes.filter { c in
            Array(c.utf8).withUnsafeBufferPointer { b in
                if case .value = FieldParsing.number(b) { return false }
                return true
            }
        }
        func missing(_ v: Int, outcome: Bool = false) -> String {
            var parts = ["t\(v) IS NULL"]
            let listed = outcome ? textCodes : codes
            if !listed.isEmpty { parts.append("LOWER(t\(v)) IN (\(listed.map(lit).joined(separator: ", ")))") }
            // x is NULL for text that is not a number: compared only when it is one, so the
            // test is never NULL (NULL would spoil the row filter's NOT).
            if !outcome, !numericCodes.isEmpty {
                parts.append("(x\(v) IS NOT NULL AND x\(v) IN (\(numericCodes.map(num).joined(separator: ", "))))")
            }
            return "(" + parts.joined(separator: " OR ") + ")"
        }

        // Per variable: its value (NULL when not answered) and when it spoils the row.
        var values: [String] = [], bad: [String] = []
        for (v, r) in source.ratings.enumerated() {
            let s = r.scale ?? csat
            values.append("CASE WHEN \(missing(v)) THEN NULL ELSE x\(v) END AS v\(v)")
            bad.append("(NOT \(missing(v)) AND (x\(v) IS NULL OR x\(v) < \(num(s.min)) OR x\(v) > \(num(s.max))))")
        }
        for (o, out) in source.outcomes.enumerated() {
            let v = source.ratings.count + o
            switch out.kind {
            case .binary(let yes):
                let words = yes.map { lit($0.trimmingSpaces().lowercased()) }.joined(separator: ", ")
                values.append(
                    "CASE WHEN \(missing(v, outcome: true)) THEN NULL WHEN LOWER(t\(v)) IN (\(words.isEmpty ? "NULL" : words)) THEN 1 ELSE 0 END AS v\(v)"
                )
            case .nps, .scale:
                var s = Scale.nps
                if case .scale(let own) = out.kind { s = own }
                let whole = out.kind == .nps ? " OR x\(v) <> FLOOR(x\(v))" : ""
                values.append("CASE WHEN \(missing(v, outcome: true)) THEN NULL ELSE x\(v) END AS v\(v)")
                bad.append(
                    "(NOT \(missing(v, outcome: true)) AND (x\(v) IS NULL OR x\(v) < \(num(s.min)) OR x\(v) > \(num(s.max))\(whole)))")
            }
        }

        let idColumn = source.respondentColumn.map { quoteIdentifier($0, d) }
        let group: String
        var filter = ""
        if let id = idColumn {
            let key = "TRIM(CAST(\(id) AS \(text)))"
            switch d {
            case .postgres: group = "MOD(MOD(hashtext(\(key)), \(groups)) + \(groups), \(groups))"
            case .duckdb: group = "CAST(hash(\(key)) % \(groups) AS BIGINT)"
            case .bigquery: group = "MOD(MOD(FARM_FINGERPRINT(\(key)), \(groups)) + \(groups), \(groups))"
            case .spark: group = "PMOD(HASH(\(key)), \(groups))"
            }
            filter = "\n  WHERE \(id) IS NOT NULL AND \(key) <> ''"
        } else if d == .spark {
            // Spark's ROW_NUMBER needs an ordered window, which moves every row to one task:
            // the generated row id (partition and position) spreads rows over the groups instead.
            group = "PMOD(MONOTONICALLY_INCREASING_ID(), \(groups))"
        } else {
            group = "MOD(ROW_NUMBER() OVER () - 1, \(groups))"
        }

        var pairRows: [String] = []
        for i in 0..<k {
            for j in i..<k {
                pairRows.append(
                    d == .bigquery
                        ? "STRUCT(\(i) AS i, \(j) AS j, \(lit(names[i])) AS var_i, \(lit(names[j])) AS var_j)"
                        : "(\(i), \(j), \(lit(names[i])), \(lit(names[j])))")
            }
        }
        let pairs =
            d == .bigquery
            ? "SELECT * FROM UNNEST([\n    \(pairRows.joined(separator: ",\n    "))\n  ])"
            : "SELECT * FROM (VALUES\n    \(pairRows.joined(separator: ",\n    "))\n  ) AS p(i, j, var_i, var_j)"
        func pick(_ index: String) -> String {
            "CASE \(index) " + (0..<k).map { "WHEN \($0) THEN v\($0)" }.joined(separator: " ") + " END"
        }
        let cells = zip(columns.indices, columns).map { v, c in
            "NULLIF(TRIM(CAST(\(quoteIdentifier(c, d)) AS \(text))), '') AS t\(v)"
        }
        let typed = (0..<k).map { "t\($0), CASE WHEN \(isNumber("t\($0)")) THEN CAST(t\($0) AS \(float)) END AS x\($0)" }
        return """
            -- JourneyMap: pairwise moments for key drivers of journey '\(sanitizedComment(journey.id))' (\(d.rawValue)).
            -- Variables, in order: \(names.map(sanitizedComment).joined(separator: ", ")) (touchpoint ratings, then outcomes).
            -- Random group: \(idColumn == nil ? "row number" : "hash of the respondent id") modulo \(groups) (docs/feedback.md#moments-sql).
            -- Feed the result to JourneyMap with: feedback "FILE.csv" { format moments }
            WITH cells AS (
              SELECT
                \(group) AS grp,
                \(cells.joined(separator: ",\n    "))
              FROM \(table)\(filter)
            ),
            typed AS (
              SELECT grp,
                \(typed.joined(separator: ",\n    "))
              FROM cells
            ),
            answers AS (
              SELECT grp,
                \(values.joined(separator: ",\n    "))
              FROM typed
              WHERE NOT (\(bad.isEmpty ? "FALSE" : bad.joined(separator: "\n         OR ")))
            ),
            pairs AS (
              \(pairs)
            ),
            long AS (
              SELECT grp, i, j, var_i, var_j,
                \(pick("i")) AS x,
                \(pick("j")) AS y
              FROM answers CROSS JOIN pairs
            )
            SELECT
              grp, var_i, var_j,
              CAST(COUNT(*) AS \(intType)) AS n,
              SUM(x) AS sum_i,
              SUM(y) AS sum_j,
              SUM(x * x) AS sum_ii,
              SUM(y * y) AS sum_jj,
              SUM(x * y) AS sum_ij
            FROM long
            WHERE x IS NOT NULL AND y IS NOT NULL
            GROUP BY grp, i, j, var_i, var_j
            ORDER BY grp, i, j;

            """
    }

    /// Text inside a `--` comment: a line break would end the comment and run as SQL.
    static func sanitizedComment(_ s: String) -> String {
        String(s.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0.properties.generalCategory == .control ? " " : Character($0) })
    }
}
