import JourneyCore

extension FeedbackJoin {
    /// The JM320 note on a journey's join: "feedback for 'j': 1048 rows read: 1000 used,
    /// 3 rejected, 45 unmatched", plus respondents and ratings for respondent-level data.
    /// One function for `check` (JoinStep) and the language server, so they say the same.
    public static func summary(_ journey: Journey, _ m: JourneyMeasurements) -> Diagnostic {
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
        return Diagnostic(.feedbackSummary, message, at: .file(journey.sourceFile))
    }
}
