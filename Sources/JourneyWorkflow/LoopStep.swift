#if canImport(Glibc)
    import Glibc
#endif
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// The loop record options of `check`, `loop` and `report` (Codable: the render manifest and
/// the worker protocol carry them).
public struct LoopOptions: Sendable, Codable, Equatable {
    /// `--loop FILE`: a loop record given on the command line (the user's own path, not
    /// confined); wins over the journey's `loop record`.
    public var record: String?
    /// `--as-of YYYY-MM-DD`: the day overdue is judged on.
    public var asOf: String?
    /// No record beyond the journey's, no as-of date.
    public init(record: String? = nil, asOf: String? = nil) {
        self.record = record
        self.asOf = asOf
    }
}

/// The loop stage: the follow-ups joined, the record read and checked, the metrics.
public enum LoopStep {
    /// What the stage found.
    public struct Result: Sendable {
        /// The metrics; nil when the journey has no record and none was given.
        public var summary: LoopSummary?
        /// The record as read.
        public var record: LoopRecord?
        /// The record's problems and the overdue follow-ups (JM520).
        public var diagnostics: [Diagnostic]
    }

    /// How the as-of date is chosen when `--as-of` is not given.
    public enum DefaultDay: Sendable {
        /// Today (UTC): what a CI gate needs.
        case today
        /// The latest date in the data or the record: the same files give the same output.
        case latestDate
    }

    /// Reads the record (`options.record`, else the journey's) and measures the loop; nothing
    /// when there is neither. The join runs again with follow-ups (only journeys with a record pay for it).
    /// `laterRows`: what record rows dated after the as-of date are (`check` calls them errors;
    /// `report` and `loop` with `--as-of` show the loop as it stood that day, so they skip them).
    public static func run(
        _ journey: Journey, join: JoinOptions, options: LoopOptions, defaultDay: DefaultDay, laterRows: LaterRows = .errors
    ) -> Result {
        guard let source = source(journey, options: options) else { return Result(summary: nil, record: nil, diagnostics: []) }
        let (m, followUps, _) = FeedbackJoin.followUps(journey, options: join)
        let (record, readDiagnostics) = LoopRecord.read(source)
        let asOf: String
        switch (options.asOf, defaultDay) {
        case (let d?, _): asOf = d
        case (nil, .today): asOf = today()
        case (nil, .latestDate): asOf = max(m.lastDate ?? "0000-00-00", record.rows.map(\.date).max() ?? "0000-00-00")
        }
        let checked = laterRows == .ignored && options.asOf != nil ? record.until(asOf) : record
        var diagnostics = readDiagnostics + LoopAnalysis.check(checked, journey: journey, followUps: followUps, asOf: asOf)
        let unit = PeriodUnit(rawValue: join.period ?? journey.period ?? "month") ?? .month
        let summary = LoopAnalysis.summarise(journey, followUps, record: record, asOf: asOf, unit: unit)
        diagnostics += LoopAnalysis.overdueDiagnostics(summary, journey: journey)
        return Result(summary: summary, record: record, diagnostics: diagnostics)
    }

    /// The record to read: `--loop FILE` wins over the journey's `loop record`; nil: neither.
    public static func source(_ journey: Journey, options: LoopOptions) -> LoopRecordSource? {
        options.record.map { LoopRecordSource(path: $0, resolvedPath: $0, range: .file($0)) } ?? journey.followUp.record
    }

    /// Reads the record and checks it against the journey and its follow-ups on `asOf` (what
    /// `loop` needs: the record's problems, no overdue warnings, since the lists mark those).
    public static func read(
        _ source: LoopRecordSource, journey: Journey, followUps: FollowUps, asOf: String, laterRows: LaterRows
    ) -> (LoopRecord, [Diagnostic]) {
        let (record, readDiagnostics) = LoopRecord.read(source)
        let checked = laterRows == .ignored ? record.until(asOf) : record
        return (record, readDiagnostics + LoopAnalysis.check(checked, journey: journey, followUps: followUps, asOf: asOf))
    }

    /// Record rows dated after the as-of date.
    public enum LaterRows: Sendable {
        /// An error each (JM333): a call cannot be recorded before it happens.
        case errors
        /// Left out: the loop as it stood on an earlier day (`--as-of` on `loop` and `report`).
        case ignored
    }

    /// Today's date in UTC, YYYY-MM-DD.
    public static func today() -> String {
        CivilDate.date(Int(time(nil)) / 86_400)
    }
}

extension LoopRecord {
    /// The rows dated on or before `asOf` (yyyy-mm-dd).
    func until(_ asOf: String) -> LoopRecord { LoopRecord(file: file, rows: rows.filter { $0.date <= asOf }) }
}
