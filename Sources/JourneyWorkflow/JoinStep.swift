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
        let a = m.accounting
        var parts = ["\(a.used) used"]
        if a.rejected > 0 { parts.append("\(a.rejected) rejected") }
        if a.unmatched > 0 { parts.append("\(a.unmatched) unmatched") }
        if a.filtered > 0 { parts.append("\(a.filtered) outside the dates") }
        var message = "feedback for '\(journey.id)': \(a.read) rows read: \(parts.joined(separator: ", "))"
        if a.isRespondentLevel {
            // The same promise counted in respondents and in ratings (docs/feedback.md).
            func tally(_ t: RowAccounting.Tally, _ noun: String) -> String {
                var p = ["\(t.used) used"]
                if t.rejected > 0 { p.append("\(t.rejected) rejected") }
                if t.unmatched > 0 { p.append("\(t.unmatched) unmatched") }
                if t.filtered > 0 { p.append("\(t.filtered) outside the dates") }
                return "\(t.read) \(noun): \(p.joined(separator: ", "))"
            }
            message += "; " + tally(a.respondents, "respondents") + "; " + tally(a.ratings, "ratings")
            if a.ratingsMissing > 0 { message += " (\(a.ratingsMissing) not answered)" }
        }
        return Diagnostic(.note, code: "JM320", message, at: .file(journey.sourceFile))
    }
}
