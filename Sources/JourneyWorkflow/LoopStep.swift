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
    public static func run(_ journey: Journey, join: JoinOptions, options: LoopOptions, defaultDay: DefaultDay) -> Result {
        let source = options.record.map { LoopRecordSource(path: $0, resolvedPath: $0, range: .file($0)) } ?? journey.followUp.record
        guard let source else { return Result(summary: nil, record: nil, diagnostics: []) }
        let (record, readDiagnostics) = LoopRecord.read(source)
        let (m, followUps, _) = FeedbackJoin.followUps(journey, options: join)
        let asOf: String
        switch (options.asOf, defaultDay) {
        case (let d?, _): asOf = d
        case (nil, .today): asOf = today()
        case (nil, .latestDate): asOf = max(m.lastDate ?? "0000-00-00", record.rows.map(\.date).max() ?? "0000-00-00")
        }
        var diagnostics = readDiagnostics + LoopAnalysis.check(record, journey: journey, followUps: followUps, asOf: asOf)
        let unit = PeriodUnit(rawValue: join.period ?? journey.period ?? "month") ?? .month
        let summary = LoopAnalysis.summarise(journey, followUps, record: record, asOf: asOf, unit: unit)
        diagnostics += LoopAnalysis.overdueDiagnostics(summary, journey: journey)
        return Result(summary: summary, record: record, diagnostics: diagnostics)
    }

    /// Today's date in UTC, YYYY-MM-DD.
    static func today() -> String {
        CivilDate.date(Int(time(nil)) / 86_400)
    }
}
