import ArgumentParser
import JourneyCore
import JourneyFeedback

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the SQL that computes the pre-aggregated feedback table in your warehouse.",
        discussion: """
            --query metrics (default): run it on a raw feedback table (columns as in docs/feedback.md, renamed by the journey's first feedback block); save the result as CSV and join it with `feedback "FILE" { format aggregate }`.
            --query periods: the same aggregate per period (--period week|month|quarter|year) and touchpoint, with a first column `period`: for trends over all of a warehouse's feedback (docs/feedback.md#periods-sql).
            --query moments: run it on a wide survey table (the journey's first `format wide` block: its ratings, outcomes and missing codes); save the result as CSV and join it with `feedback "FILE" { format moments }` for key drivers (docs/feedback.md#moments-sql).
            """)

    @Argument(help: "A journey file.")
    var journey: String

    @Option(help: "postgres, duckdb, bigquery or spark.")
    var dialect: String = "postgres"

    @Option(
        help: "metrics (the per-touchpoint aggregate), periods (the aggregate per period) or moments (pairwise moments for key drivers).")
    var query: String = "metrics"

    @Option(help: "With --query periods: week (ISO 8601), month, quarter or year.")
    var period: String = "month"

    @Option(help: "The raw feedback table (as your engine names it, e.g. analytics.feedback).")
    var table: String = "feedback"

    func validate() throws {
        guard FeedbackSQL.Dialect(rawValue: dialect) != nil else {
            throw ValidationError("--dialect is postgres, duckdb, bigquery or spark")
        }
        guard ["metrics", "periods", "moments"].contains(query) else { throw ValidationError("--query is metrics, periods or moments") }
        guard PeriodUnit(rawValue: period) != nil else { throw ValidationError("--period is week, month, quarter or year") }
        guard table.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "`" || $0 == "\"" || $0 == "-" }) else {
            throw ValidationError("--table takes a table name (letters, digits, '_', '.', '-')")
        }
    }

    func run() throws {
        let loaded = JourneyLoader.load(path: journey)
        Terminal.err(
            DiagnosticPrinter(sources: loaded.sources, colored: ColorChoice.auto.enabled).format(
                loaded.diagnostics.filter { $0.severity == .error }))
        guard let j = loaded.journey else { throw ExitCode(1) }
        let d = FeedbackSQL.Dialect(rawValue: dialect)!
        guard query == "moments" else {
            // The metrics and periods queries read long data (one row per answer): a wide block would give a
            // query over columns that do not exist.
            let long = j.feedback.first { $0.format != .wide && $0.format != .moments }
            if long == nil, let wide = j.feedback.first {
                Terminal.err(
                    "error: \(journey): feedback '\(wide.path)' is \(wide.format?.rawValue ?? "wide") data; --query \(query) needs long data (one row per answer): use --query moments for its key drivers\n"
                )
                throw ExitCode(1)
            }
            if query == "periods" {
                Terminal.out(FeedbackSQL.periods(j, source: long, table: table, dialect: d, period: PeriodUnit(rawValue: period)!))
            } else {
                Terminal.out(FeedbackSQL.generate(j, source: long, table: table, dialect: d))
            }
            return
        }
        do {
            let source = j.feedback.first { !$0.ratings.isEmpty } ?? j.feedback.first
            guard let source else { throw FeedbackSQL.MomentsError.notWide }
            Terminal.out(try FeedbackSQL.moments(j, source: source, table: table, dialect: d))
        } catch {
            Terminal.err("error: \(journey): \(error)\n")
            throw ExitCode(1)
        }
    }
}
