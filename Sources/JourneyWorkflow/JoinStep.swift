import JourneyCore
import JourneyFeedback

/// The join stage as the workflow uses it.
enum JoinStep {
    struct Result {
        var measurements: JourneyMeasurements?
        var diagnostics: [Diagnostic]
    }

    static func run(_ journey: Journey, settings: JoinOptions) -> Result {
        guard !journey.feedback.isEmpty || !settings.extraFeedback.isEmpty else { return Result(measurements: nil, diagnostics: []) }
        let (m, diagnostics) = FeedbackJoin.run(journey, options: settings)
        return Result(measurements: m, diagnostics: diagnostics + [summary(journey, m)])
    }

    /// "joined 1,048 rows: 1,000 used, 3 rejected, 45 unmatched" as a note.
    static func summary(_ journey: Journey, _ m: JourneyMeasurements) -> Diagnostic {
        FeedbackJoin.summary(journey, m)
    }
}
