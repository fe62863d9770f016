import ArgumentParser
import JourneyWorkflow

/// `--loop FILE` and `--as-of DATE`: the loop record and the day overdue is judged on
/// (docs/close-the-loop.md#the-loop-record).
struct LoopRecordOptions: ParsableArguments {
    @Option(
        name: .customLong("loop"),
        help: ArgumentHelp(
            "A loop record CSV (respondent,touchpoint,status,date,owner,note); default: the journey's 'loop record'.", valueName: "file"))
    var record: String?

    @Option(
        help: ArgumentHelp(
            "Judge overdue follow-ups on this day (YYYY-MM-DD); default: today (report: the latest date in the data and the record).",
            valueName: "date"))
    var asOf: String?

    /// The options as the workflow takes them; a bad date is a command-line error.
    func options() throws -> LoopOptions {
        if let d = asOf, !ISODate.isValid(d) { throw ValidationError("'\(d)' is not a date; use YYYY-MM-DD") }
        return LoopOptions(record: record, asOf: asOf)
    }
}
