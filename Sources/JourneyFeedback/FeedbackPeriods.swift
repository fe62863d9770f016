import JourneyCore

/// Feedback grouped by period: one streaming pass for the whole data (its accounting and its
/// date range), then one pass per period over the dated rows of that period alone. Each
/// period is an ordinary join with `since`/`until` set to its first and last day, so every
/// rule of the join (wide data, respondents, cluster-robust intervals, scales) holds per
/// period exactly as for the whole; memory stays that of one join.
public enum FeedbackPeriods {
    /// Groups the journey's feedback (plus `options.extraFeedback`) by `unit`. `options.since`/`until`
    /// still bound the data. Diagnostics are the whole pass's (the period passes read the same rows).
    public static func run(
        _ journey: Journey, unit: PeriodUnit, options: JoinOptions = JoinOptions()
    ) -> (all: JourneyMeasurements, periods: JourneyPeriods, diagnostics: [Diagnostic]) {
        let (all, diagnostics) = FeedbackJoin.run(journey, options: options)
        let periods = group(journey, all: all, unit: unit, options: options)
        return (all, periods, diagnostics)
    }

    /// The periods of an already joined `all` (its date range), one join each.
    public static func group(
        _ journey: Journey, all: JourneyMeasurements, unit: PeriodUnit, options: JoinOptions = JoinOptions()
    ) -> JourneyPeriods {
        var periods: [Period] = []
        if let first = all.firstDate, let last = all.lastDate { periods = Period.all(from: first, to: last, unit: unit) }
        var measured: [JourneyMeasurements] = []
        var usedRatings = 0, usedRespondents = 0
        for p in periods {
            var o = options
            o.since = max(p.first, options.since ?? p.first)
            o.until = min(p.last, options.until ?? p.last)
            let (m, _) = FeedbackJoin.join(journey, options: o, datedOnly: true)
            usedRatings += m.accounting.ratings.used
            usedRespondents += m.accounting.respondents.used
            measured.append(m)
        }
        // Each dated used answer falls in exactly one period, so the rest had no date.
        return JourneyPeriods(
            unit: unit, periods: periods, measurements: measured, journeyID: journey.id,
            undated: max(0, all.accounting.ratings.used - usedRatings),
            undatedRespondents: max(0, all.accounting.respondents.used - usedRespondents),
            smallSample: options.smallSample)
    }
}
