import JourneyCore
import JourneyFeedback

/// Feedback settings from the command line.
public struct JoinSettings: Sendable {
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
        return Result(measurements: nil, diagnostics: [])
    }
}
