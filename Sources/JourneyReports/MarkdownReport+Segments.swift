import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension MarkdownReport {
    /// The segment section of `pain-points.md`: which segments differ significantly from the
    /// rest of the respondents at which touchpoints (Holm-corrected), each with both figures,
    /// their n and the difference with its 95% interval; the heat map beside the report.
    public static func segments(_ t: SegmentTable, journey: Journey) -> String {
        let unit = t.figure == .nps ? "" : "%"
        func f(_ x: Double) -> String { (t.figure == .nps ? Format.signed(x) : Format.number(x)) + unit }
        var out = "\n## Segments\n\n"
        out +=
            "\(t.figure.title) of each segment against the rest of the respondents at each touchpoint "
            + "(\(t.segments.count) segments × \(t.touchpointIDs.count) touchpoints; \(t.tests) cells with at least \(t.minimumN) answers a side tested, "
            + "Holm correction, family-wise error ≤ \(Format.number(100 * t.alpha))%). The heat map: `segments.png`.\n\n"
        let cells = t.significantCells
        if cells.isEmpty {
            out += "No segment differs significantly from the rest at any touchpoint.\n"
        } else {
            out += "| Segment | Touchpoint | Segment's figure (n) | Rest (n) | Difference (95%) | Holm p |\n|---|---|---|---|---|---|\n"
            for c in cells {
                guard let v = c.figure, let r = c.rest, let d = c.difference else { continue }
                let title = journey.touchpoint(c.touchpointID)?.title ?? c.touchpointID
                let arrow = d.value > 0 ? "▲" : "▼"
                out +=
                    "| \(cell(c.segment)) | \(cell(title)) | \(f(v.value)) (\(c.n)) | \(f(r.value)) (\(c.restN)) | \(arrow) \(Format.signed(d.value)) (\(Format.signed(d.low)) to \(Format.signed(d.high))) | \(pValue(c.adjustedP ?? 1)) |\n"
            }
        }
        if !t.omittedSegments.isEmpty { out += "\nNot shown (smaller segments): \(t.omittedSegments.map(cell).joined(separator: ", ")).\n" }
        return out
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
