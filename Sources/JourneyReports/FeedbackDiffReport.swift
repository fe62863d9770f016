import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `journeymap diff JOURNEY --baseline OLD [--current NEW]`: the significant changes between
/// two feedback snapshots of one journey, worse first, each with both figures, their
/// intervals and n, and the difference with its interval.
public enum FeedbackDiffReport {
    /// Markdown for a pull-request comment; the labels name the two snapshots, `minimumN` is
    /// the small-sample threshold that kept comparisons from being made.
    public static func markdown(_ r: ChangeReport, journey: Journey, from: String, to: String, minimumN: Int = 30) -> String {
        let e = Escape.markdown
        var out = "# Feedback changes: \(e(journey.title))\n\nFrom \(e(from)) to \(e(to)): "
        out += "\(PriorityAnalysis.grouped(r.tests.count)) comparisons of \(r.figuresCompared) (where both sides have them) "
        out += "for the journey, its stages and touchpoints, \(r.correctionPhrase())."
        if r.skippedTooFew > 0 {
            out += " \(PriorityAnalysis.grouped(r.skippedTooFew)) were not made: a side had fewer than \(minimumN) answers."
        }
        out += "\n\n"
        let listed = ordered(r)
        guard !r.tests.isEmpty else { return out + "Nothing could be compared: no figure had enough answers on both sides.\n" }
        guard !listed.isEmpty else {
            return out + "No significant change: every difference's interval includes 0 after the correction.\n"
        }
        out += "| | Where | Figure | Before (95%), n | After (95%), n | Change (95%) | Adjusted p |\n|---|---|---|---|---|---|---|\n"
        for c in listed {
            out += "| \(c.isWorse ? "▼ worse" : "▲ better") | \(e(MarkdownReport.scopeTitle(c.scope, journey))) | \(c.metric.title) | "
            out +=
                "\(MarkdownReport.value(c.before, c.metric)) (\(MarkdownReport.range(c.before, c.metric))), n = \(PriorityAnalysis.grouped(c.nBefore)) | "
            out +=
                "\(MarkdownReport.value(c.after, c.metric)) (\(MarkdownReport.range(c.after, c.metric))), n = \(PriorityAnalysis.grouped(c.nAfter)) | "
            out += "\(c.differenceText.replacingOccurrences(of: "95% interval ", with: "")) | \(c.adjustedPText) |\n"
        }
        return out
    }

    /// The same as JSON (`journeymap.feedback-diff`, version 1; keys sorted, numbers rounded).
    public static func json(_ r: ChangeReport, journey: Journey, from: String, to: String) throws -> String {
        let doc = Document(
            journey: JSONReport.Ref(id: journey.id, title: journey.title), from: from, to: to, correction: r.correction.rawValue,
            level: r.level, comparisons: r.tests.count, skippedTooFew: r.skippedTooFew,
            significant: ordered(r).map { c in
                Change(
                    scope: JSONReport.ScopeItem(kind: c.scope.kind.rawValue, id: c.scope.id), metric: c.metric.rawValue,
                    before: Side(label: c.from, figure: JSONReport.interval(c.before), n: c.nBefore),
                    after: Side(label: c.to, figure: JSONReport.interval(c.after), n: c.nAfter),
                    difference: JSONReport.interval(c.difference), pValue: JSONReport.pRound(c.pValue),
                    adjustedP: JSONReport.pRound(c.adjustedP), worse: c.isWorse, method: c.method)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(doc), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schema = "journeymap.feedback-diff"
        var version = 1
        var journey: JSONReport.Ref
        var from: String
        var to: String
        var correction: String
        var level: Double
        var comparisons: Int
        var skippedTooFew: Int
        var significant: [Change]
    }
    struct Side: Encodable { var label: String, figure: JSONReport.Interval, n: Int }
    struct Change: Encodable {
        var scope: JSONReport.ScopeItem
        var metric: String
        var before: Side
        var after: Side
        var difference: JSONReport.Interval
        var pValue: Double
        var adjustedP: Double
        var worse: Bool
        var method: String
    }

    /// "Holm-corrected at 5%" and what that promises for this list.
    static func correctionPhrase(_ r: ChangeReport) -> String {
        let level = Format.number(100 * r.level) + "%"
        switch r.correction {
        case .holm: return "Holm-corrected at \(level) (the chance of any false alarm in this list is at most \(level))"
        case .benjaminiHochberg: return "Benjamini–Hochberg-corrected at \(level) (false-discovery rate)"
        case .none: return "each at \(level), uncorrected"
        }
    }

    /// The significant changes, the worse ones first, each group by adjusted p.
    static func ordered(_ r: ChangeReport) -> [MetricChange] {
        r.regressions + r.significant.filter { !$0.isWorse }
    }
}
