import JourneyCore
import JourneyFeedback

/// A baseline comparison as `check` reports it: one JM512 error per figure that got
/// significantly worse, at the line of its touchpoint (or stage, or journey) in the journey
/// file, and one JM514 note that says what was compared and found.
public enum RegressionFindings {
    /// The diagnostics of `report` (a `ChangeDetection.between` of the baseline and the current
    /// data); `minimumN` is the small-sample threshold that kept comparisons from being made.
    /// A comparison that tested nothing is a warning, not a note: a gate that passes that way
    /// has checked nothing.
    public static func diagnostics(
        _ report: ChangeReport, journey: Journey, from: String, to: String, minimumN: Int = 30
    )
        -> [Diagnostic]
    {
        var out: [Diagnostic] = report.regressions.map { c in
            Diagnostic(.regression, message(c, correction: report.correction), at: range(c.scope, journey))
        }
        let better = report.significant.count - report.regressions.count
        var summary =
            "compared \(from) with \(to) (\(phrase(report))): \(report.tests.count) comparisons (\(report.figuresCompared) where the data has them, for the journey, its stages and touchpoints); \(report.regressions.count) significantly worse, \(better) significantly better"
        if report.skippedTooFew > 0 { summary += "; \(report.skippedTooFew) not made (fewer than \(minimumN) answers on a side)" }
        if report.tests.isEmpty {
            summary += "; nothing was compared, so nothing can have got worse: use a longer period or a baseline with more answers"
        }
        out.append(Diagnostic(.baselineSummary, summary, at: journey.range, severity: report.tests.isEmpty ? .warning : nil))
        return out
    }

    /// "NPS at touchpoint checkin got significantly worse from origin/main to current: …".
    public static func message(_ c: MetricChange, correction: MultipleComparison) -> String {
        let adjusted: String
        switch correction {
        case .holm: adjusted = "Holm-adjusted p"
        case .benjaminiHochberg: adjusted = "Benjamini–Hochberg-adjusted p"
        case .none: adjusted = "p"
        }
        let p = c.adjustedPText.hasPrefix("<") ? "\(adjusted) \(c.adjustedPText)" : "\(adjusted) = \(c.adjustedPText)"
        return
            "\(c.metric.title) at \(c.scope.kind.rawValue) \(c.scope.id) got significantly worse from \(c.from) to \(c.to): \(c.sideText(c.before, n: c.nBefore)) then \(c.sideText(c.after, n: c.nAfter)); change \(c.differenceText), \(p) (\(c.method))"
    }

    /// "Holm-corrected at 5%".
    static func phrase(_ r: ChangeReport) -> String {
        let level = Format.number(100 * r.level) + "%"
        switch r.correction {
        case .holm: return "Holm-corrected at \(level)"
        case .benjaminiHochberg: return "Benjamini–Hochberg-corrected at \(level)"
        case .none: return "each at \(level), uncorrected"
        }
    }

    /// Where a scope is written: the touchpoint's or stage's statement, else the journey's.
    static func range(_ s: PeriodScope, _ journey: Journey) -> SourceRange {
        switch s.kind {
        case .journey: return journey.range
        case .stage: return journey.stages.first { $0.id == s.id }?.range ?? journey.range
        case .touchpoint: return journey.touchpoint(s.id)?.range ?? journey.range
        }
    }
}
