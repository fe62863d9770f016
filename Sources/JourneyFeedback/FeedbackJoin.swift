import JourneyCore

/// Options for joining feedback to a journey.
public struct JoinOptions: Sendable {
    /// Row problems are errors instead of warnings.
    public var strict = false
    /// Inclusive date bounds, `YYYY-MM-DD`.
    public var since: String?
    public var until: String?
    /// Responses below this count are a small sample.
    public var smallSample = 30
    /// How many examples of each kind of row problem are listed before a count.
    public var examplesPerReason = 5
    public init() {}
}

/// The feedback join: every data file of a journey, streamed, joined on touchpoint id (or a
/// category rule), aggregated into metrics per touchpoint, stage, department, channel,
/// segment and journey. Memory does not grow with the number of rows.
public enum FeedbackJoin {
    /// Joins the journey's own `feedback` sources plus `extra` files (CLI `--feedback`).
    public static func run(_ journey: Journey, extra: [String] = [], options: JoinOptions = JoinOptions()) -> (JourneyMeasurements, [Diagnostic]) {
        var state = JoinState(journey: journey, options: options)
        let sources = journey.feedback + extra.map { FeedbackSource(path: $0, resolvedPath: $0, range: .file($0)) }
        for (i, source) in sources.enumerated() {
            state.ingest(source, index: i)
        }
        return state.finish()
    }
}

/// The logical columns, in a fixed order used as indices.
enum Logical: Int, CaseIterable {
    case touchpoint, date, nps, csat, ces, sentiment, category, comment, segment, channel
    var name: String { String(describing: self) }
}

/// Where a row's values come from (a CSV row, a JSON object): by logical column.
protocol FieldSource {
    func field(_ c: Logical) -> UnsafeBufferPointer<UInt8>?
    /// Column of a logical field for messages (1 when unknown).
    func column(_ c: Logical) -> Int
    func string(_ c: Logical) -> String?
}
