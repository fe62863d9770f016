import JourneyCore
import JourneyFeedback

extension LoopAnalysis {
    /// The loop record checked against the journey and its feedback: statuses going backwards
    /// (unless a new response came in between), unknown respondents and touchpoints, dates
    /// before the response or after `asOf`; each at the row's line and column 1.
    public static func check(_ record: LoopRecord, journey: Journey, followUps: FollowUps, asOf: String) -> [Diagnostic] {
        let ids = journey.touchpoints.map(\.id)
        let known = Set(ids)
        // The respondent's first response date at each touchpoint ("" when undated).
        var first: [String: [String: String]] = [:]
        for r in followUps.responses {
            for t in r.touchpoints {
                let d = r.date ?? ""
                if let old = first[r.respondent]?[t], old <= d { continue }
                first[r.respondent, default: [:]][t] = d
            }
        }
        let cut = followUps.responsesDropped > 0
        var dates: [String: [String]] = [:]
        for r in followUps.responses {
            guard let d = r.date else { continue }
            for t in r.touchpoints { dates[r.respondent + "\u{0}" + t, default: []].append(d) }
        }
        var out = LoopRecord.backwards(record, responses: dates)
        for row in record.rows {
            let at = LoopRecord.at(record.file, row.line, 1)
            let who = Escape.excerpt(row.respondent)
            if !known.contains(row.touchpoint) {
                out.append(
                    Diagnostic(
                        .unknownLoopTouchpoint,
                        "unknown touchpoint '\(Escape.excerpt(row.touchpoint))'\(Suggestion.phrase(for: row.touchpoint, in: ids)); use a touchpoint id of '\(Escape.excerpt(journey.id))'",
                        at: at))
                continue
            }
            if row.date > asOf {
                out.append(
                    Diagnostic(
                        .invalidLoopDate, "date \(row.date) is after \(asOf) (the as-of date); a call cannot be recorded before it happens",
                        at: at))
            }
            guard let seen = first[row.respondent] else {
                if !cut {
                    out.append(
                        Diagnostic(
                            .unknownLoopRespondent,
                            "respondent '\(who)' is not in the feedback of '\(Escape.excerpt(journey.id))'; check the id (or the --since/--until window)",
                            at: at))
                }
                continue
            }
            guard let responded = seen[row.touchpoint] else {
                out.append(
                    Diagnostic(
                        .unknownLoopTouchpoint,
                        "\(who) gave no response at '\(row.touchpoint)' (they rated \(seen.keys.sorted().prefix(5).joined(separator: ", ")))",
                        at: at))
                continue
            }
            if !responded.isEmpty, row.date < responded {
                out.append(
                    Diagnostic(
                        .invalidLoopDate,
                        "date \(row.date) is before \(who)'s response at '\(row.touchpoint)' (\(responded)); fix the date",
                        at: at))
            }
        }
        return out
    }

    /// One JM520 warning per overdue case, at its first touchpoint's line in the journey, naming
    /// the respondent, touchpoint, department and due date (what `check --fail-on overdue` fails on).
    public static func overdueDiagnostics(_ summary: LoopSummary, journey: Journey) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for d in summary.departments {
            for c in d.overdue {
                let tp = c.touchpoints.first ?? ""
                let who = c.respondent.map { Escape.excerpt($0) } ?? "the customer of \(Escape.excerpt(c.source))"
                let places = c.touchpoints.map { "'\($0)'" }.joined(separator: ", ")
                out.append(
                    Diagnostic(
                        .overdueFollowUp,
                        "\(who) at \(places) (\(Escape.excerpt(d.title))) answered on \(c.date ?? "?"), was due \(c.due ?? "?") and nobody has reached them (as of \(summary.asOf)); call and record it in the loop record",
                        at: journey.touchpoint(tp)?.range ?? journey.range))
            }
        }
        return out
    }
}
