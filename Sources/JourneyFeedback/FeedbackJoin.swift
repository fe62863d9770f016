import JourneyCore

/// Options for joining feedback to a journey: the library's and the command line's (one type,
/// Codable so that the render manifest's option hash and the worker protocol carry it).
public struct JoinOptions: Sendable, Codable, Equatable {
    /// `--feedback FILE`: joined in addition to the journey's own `feedback` blocks.
    public var extraFeedback: [String] = []
    /// Row problems are errors instead of warnings.
    public var strict = false
    /// Inclusive date bounds, `YYYY-MM-DD`.
    public var since: String?
    /// The last day counted, inclusive.
    public var until: String?
    /// Responses below this count are a small sample.
    public var smallSample = 30
    /// How many examples of each kind of row problem are listed before a count.
    public var examplesPerReason = 5
    /// `--period week|month|quarter|year` for trends; nil: the journey's `period`, else month.
    public var period: String?
    /// `--threads N`: threads that read a large CSV file in ranges; nil: the active cores.
    /// The results do not depend on it (docs/feedback.md#parallel-join).
    public var threads: Int?
    /// The defaults: warnings for row problems, every date, small sample below 30.
    public init() {}
}

/// The feedback join: every data file of a journey, streamed, joined on touchpoint id (or a
/// category rule), aggregated into metrics per touchpoint, stage, department, channel,
/// segment and journey. Memory does not grow with the number of rows.
public enum FeedbackJoin {
    /// Joins the journey's own `feedback` sources plus `options.extraFeedback` (CLI `--feedback`).
    public static func run(
        _ journey: Journey, options: JoinOptions = JoinOptions()
    ) -> (JourneyMeasurements, [Diagnostic]) {
        join(journey, options: options, datedOnly: false)
    }

    /// The join with `sample` responses as the tagging rules saw them: a deterministic
    /// sample (the same rows on every run), in file and line order (`journeymap tags --explain`).
    public static func explainTags(
        _ journey: Journey, options: JoinOptions = JoinOptions(), sample: Int
    ) -> (JourneyMeasurements, [TagExplanation], [Diagnostic]) {
        let (m, extras, diagnostics) = join(journey, options: options, datedOnly: false, explain: sample)
        return (m, extras.explained, diagnostics)
    }

    /// The join with the responses someone should answer: detractors, negative comments and
    /// bottom-two-box CSAT at each touchpoint (`journeymap loop`).
    public static func followUps(
        _ journey: Journey, options: JoinOptions = JoinOptions()
    ) -> (JourneyMeasurements, FollowUps, [Diagnostic]) {
        let (m, extras, diagnostics) = join(journey, options: options, datedOnly: false, explain: 0, followUps: true)
        return (m, extras.followUps ?? FollowUps(), diagnostics)
    }

    /// What a join gives beyond the measurements when asked.
    struct Extras {
        var explained: [TagExplanation] = []
        var followUps: FollowUps?
        /// Files read in ranges (JoinState+Ranges).
        var rangedSources = 0
    }

    /// The join; `datedOnly` filters out rows without a date (a period's pass).
    static func join(
        _ journey: Journey, options: JoinOptions, datedOnly: Bool
    ) -> (JourneyMeasurements, [Diagnostic]) {
        let (m, _, diagnostics) = join(journey, options: options, datedOnly: datedOnly, explain: 0)
        return (m, diagnostics)
    }

    /// The join with a given split of large files (tests force small ranges), and how many
    /// files were read in ranges.
    static func runCountingRanges(_ journey: Journey, options: JoinOptions, plan: RangePlan?) -> (JourneyMeasurements, [Diagnostic], Int) {
        let (m, extras, diagnostics) = join(journey, options: options, datedOnly: false, explain: 0, plan: .some(plan))
        return (m, diagnostics, extras.rangedSources)
    }

    private static func join(
        _ journey: Journey, options: JoinOptions, datedOnly: Bool, explain: Int, followUps: Bool = false, plan: RangePlan?? = nil
    ) -> (JourneyMeasurements, Extras, [Diagnostic]) {
        let declared = journey.feedback + options.extraFeedback.map { FeedbackSource(path: $0, resolvedPath: $0, range: .file($0)) }
        // The same file declared twice (or by the journey and again by --feedback) is read once.
        var sources: [FeedbackSource] = []
        var seen: [String: FeedbackSource] = [:]
        var notes: [Diagnostic] = []
        for source in declared {
            let key = FileReader.realPath(source.resolvedPath) ?? source.resolvedPath
            if let first = seen[key] {
                notes.append(
                    Diagnostic(
                        .sameFeedbackFileTwice, "feedback '\(source.path)' is the same file as '\(first.path)'; it is read once",
                        at: source.range,
                        notes: [DiagnosticNote("first declared here", at: first.range)]))
                continue
            }
            seen[key] = source
            sources.append(source)
        }
        let respondentMode = sources.contains { $0.format == .wide || $0.respondentColumn != nil }
        var state = JoinState(journey: journey, options: options, respondentMode: respondentMode)
        state.datedOnly = datedOnly
        state.rangePlan = plan ?? RangePlan(threads: options.threads ?? JoinState.activeCores)
        state.tagging?.explainLimit = explain
        if followUps { state.followUps = FollowUps() }
        for (i, source) in sources.enumerated() {
            state.ingest(source, index: i)
        }
        let (m, diagnostics) = state.finish()
        let explained = (state.tagging?.explained ?? []).map(\.explanation).sorted { ($0.file, $0.line) < ($1.file, $1.line) }
        return (m, Extras(explained: explained, followUps: state.followUps, rangedSources: state.rangedSources), notes + diagnostics)
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
    /// Respondent-level columns (the respondent id, then each outcome), by position in
    /// `JoinState.extraColumns`; nil when the row lacks it.
    func extra(_ i: Int) -> UnsafeBufferPointer<UInt8>?
    func extraColumn(_ i: Int) -> Int
    /// Column of a logical field for messages (1 when unknown).
    func column(_ c: Logical) -> Int
    /// Line breaks between the row's first line and a logical field (a quoted field before
    /// it may span lines), so messages point at the field's own line.
    func lineOffset(_ c: Logical) -> Int
    func string(_ c: Logical) -> String?
}
