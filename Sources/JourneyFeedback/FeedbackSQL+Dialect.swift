/// What differs between the engines in the SQL that `journeymap sql` prints: type names and
/// how a string literal is escaped. Functions that differ (hashes, regular expressions, ISO
/// weeks) are chosen where they are used.
extension FeedbackSQL.Dialect {
    /// The floating-point type.
    var floatType: String {
        switch self {
        case .bigquery: "FLOAT64"
        case .spark: "DOUBLE"
        case .postgres, .duckdb: "DOUBLE PRECISION"
        }
    }

    /// The 64-bit integer type.
    var intType: String { self == .bigquery ? "INT64" : "BIGINT" }

    /// The text type.
    var textType: String {
        switch self {
        case .bigquery, .spark: "STRING"
        case .duckdb: "VARCHAR"
        case .postgres: "text"
        }
    }

    /// True when a backslash in a string literal is an escape (BigQuery, and Spark with its
    /// default `spark.sql.parser.escapedStringLiterals=false`), so it is doubled; `LIKE` then
    /// escapes with `\` without an `ESCAPE` clause (both engines' default).
    var backslashEscapes: Bool { self == .bigquery || self == .spark }
}
