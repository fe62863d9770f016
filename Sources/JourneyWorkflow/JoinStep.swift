import JourneyCore
import JourneyFeedback

/// Feedback settings from the command line.
public struct JoinSettings: Sendable, Codable, Equatable {
    /// `--feedback FILE`: joined in addition to the journey's own `feedback` blocks.
    public var extraFeedback: [String] = []
    public var strict = false
    public var since: String?
    public var until: String?
    public var smallSample = 30
    public init() {}
}

/// The join stage as the workflow uses it.
enum JoinStep {
    struct Result {
        var measurements: JourneyMeasurements?
        var diagnostics: [Diagnostic]
    }

    static func run(_ journey: Journey, settings: JoinSettings) -> Result {
        guard !journey.feedback.isEmpty || !settings.extraFeedback.isEmpty else { return Result(measurements: nil, diagnostics: []) }
        var options = JoinOptions()
        options.strict = settings.strict
        options.since = settings.since
        options.until = settings.until
        options.smallSample = settings.smallSample
        let (m, diagnostics) = FeedbackJoin.run(journey, extra: settings.extraFeedback, options: options)
        return Result(measurements: m, diagnostics: diagnostics + [summary(journey, m)])
    }

    /// "joined 1,048 rows: 1,000 used, 3 rejected, 45 unmatched" as a note.
    static func summary(_ journey: Journey, _ m: JourneyMeasurements) -> Diagnostic {
        FeedbackJoin.summary(journey, m)
    }
}
