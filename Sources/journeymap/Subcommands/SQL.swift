import ArgumentParser
import JourneyCore
import JourneyFeedback

struct SQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print the SQL that computes the pre-aggregated feedback table in your warehouse.",
        discussion: "Run it on a raw feedback table (columns as in docs/feedback.md, renamed by the journey's first feedback block); save the result as CSV and join it with `feedback \"FILE\" { format aggregate }`.")

    @Argument(help: "A journey file.")
    var journey: String

    @Option(help: "postgres, duckdb or bigquery.")
    var dialect: String = "postgres"

    @Option(help: "The raw feedback table (as your engine names it, e.g. analytics.feedback).")
    var table: String = "feedback"

    func validate() throws {
        guard FeedbackSQL.Dialect(rawValue: dialect) != nil else { throw ValidationError("--dialect is postgres, duckdb or bigquery") }
        guard table.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "`" || $0 == "\"" || $0 == "-" }) else {
            throw ValidationError("--table takes a table name (letters, digits, '_', '.', '-')")
        }
    }

    func run() throws {
        let loaded = JourneyLoader.load(path: journey)
        Terminal.err(DiagnosticPrinter(sources: loaded.sources, colored: ColorChoice.auto.enabled).format(loaded.diagnostics.filter { $0.severity == .error }))
        guard let j = loaded.journey else { throw ExitCode(1) }
        Terminal.out(FeedbackSQL.generate(j, source: j.feedback.first, table: table, dialect: FeedbackSQL.Dialect(rawValue: dialect)!))
    }
}
