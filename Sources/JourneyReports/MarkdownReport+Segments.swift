import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension MarkdownReport {
    /// The segment section of `pain-points.md`: which segments differ significantly from the
    /// rest of the respondents at which touchpoints (Holm-corrected), each with both figures,
    /// their n and the difference with its 95% interval; the heat map beside the report.
    public static func segments(_ t: SegmentTable, journey: Journey, language l: Language = .en) -> String {
        func f(_ x: Double) -> String { t.figure == .nps ? l.signedNumber(x) : l.percent(l.number(x)) }
        var out = "\n## \(l[.segmentsHeading])\n\n"
        out +=
            l(
                .segmentsLead, t.figure.title(in: l), l.integer(t.segments.count), l.integer(t.touchpointIDs.count),
                l.integer(t.tests), l.integer(t.minimumN), l.percent(l.number(100 * t.alpha)), "`segments.png`") + "\n\n"
        let cells = t.significantCells
        if cells.isEmpty {
            out += l[.segmentsNone] + "\n"
        } else {
            out +=
                "| \(l[.colSegment]) | \(l[.touchpoint]) | \(l[.colSegmentFigure]) | \(l[.colRest]) | \(l[.colDifference]) | \(l[.colHolmP]) |\n|---|---|---|---|---|---|\n"
            for c in cells {
                guard let v = c.figure, let r = c.rest, let d = c.difference else { continue }
                let title = journey.touchpoint(c.touchpointID)?.title ?? c.touchpointID
                let arrow = d.value > 0 ? "▲" : "▼"
                let interval = l(.intervalWords, l.signedNumber(d.low), l.signedNumber(d.high))
                out +=
                    "| \(cell(c.segment)) | \(cell(title)) | \(f(v.value)) (\(l.integer(c.n))) | \(f(r.value)) (\(l.integer(c.restN))) | \(arrow) \(l.signedNumber(d.value)) (\(interval)) | \(pValue(c.adjustedP ?? 1, l)) |\n"
            }
        }
        if !t.omittedSegments.isEmpty {
            out += "\n" + l(.heatmapOmitted, t.omittedSegments.map(cell).joined(separator: ", ")) + ".\n"
        }
        return out
    }

    /// A p-value with four decimals and the language's decimal separator, "< 0.0001" below.
    static func pValue(_ p: Double, _ l: Language) -> String {
        let s = pValue(p)
        return l == .en ? s : s.replacing(".", with: l.decimalSeparator)
    }

    /// A p-value with four decimals, "< 0.0001" below (locale-free, like `Format`).
    public static func pValue(_ p: Double) -> String {
        if p < 0.00005 { return "< 0.0001" }
        let v = Int((p * 10000).rounded())
        if v >= 10000 { return "1" }
        let digits = String(v)
        return "0." + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Untrusted text in a Markdown table cell (`Escape.markdown` escapes `|` too).
    static func cell(_ s: String) -> String { Escape.markdown(s) }
}
