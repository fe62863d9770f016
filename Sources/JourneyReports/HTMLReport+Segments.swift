import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension HTMLReport {
    /// The segment section of `report.html`: the heat map (an embedded PNG drawn through
    /// Graphviz) and the table of segments that differ significantly from the rest.
    public static func segments(_ t: SegmentTable, journey: Journey, png: [UInt8]?) -> String {
        let h = Escape.html
        let unit = t.figure == .nps ? "" : "%"
        func f(_ x: Double) -> String { (t.figure == .nps ? Format.signed(x) : Format.number(x)) + unit }
        var out = "<section><h2>Segments</h2>\n"
        out +=
            "<p>\(h(t.figure.title)) of each segment against the rest of the respondents at each touchpoint: ▲ ▼ and a thick border mark a significant difference (\(t.tests) cells tested with at least \(t.minimumN) answers a side, Holm correction, family-wise error ≤ \(h(Format.number(100 * t.alpha)))%).</p>\n"
        if let png {
            out +=
                "<img class=\"map\" alt=\"Heat map of \(h(t.figure.title)) by segment and touchpoint, significant differences marked\" src=\"data:image/png;base64,\(Data(png).base64EncodedString())\">\n"
        }
        let cells = t.significantCells
        if cells.isEmpty {
            out += "<p>No segment differs significantly from the rest at any touchpoint.</p>\n"
        } else {
            out +=
                "<table><thead><tr><th>Segment</th><th>Touchpoint</th><th>Segment (n)</th><th>Rest (n)</th><th>Difference (95%)</th><th>Holm p</th></tr></thead><tbody>\n"
            for c in cells {
                guard let v = c.figure, let r = c.rest, let d = c.difference else { continue }
                let title = journey.touchpoint(c.touchpointID)?.title ?? c.touchpointID
                let cls = (t.figure.higherIsBetter == true) == (d.value < 0) && t.figure.higherIsBetter != nil ? " class=\"badtext\"" : ""
                out +=
                    "<tr><td>\(h(c.segment))</td><td>\(h(title))</td><td>\(h(f(v.value))) <small>(\(c.n))</small></td><td>\(h(f(r.value))) <small>(\(c.restN))</small></td>"
                out +=
                    "<td\(cls)>\(d.value > 0 ? "▲" : "▼") \(h(Format.signed(d.value))) <small>(\(h(Format.signed(d.low))) to \(h(Format.signed(d.high))))</small></td><td>\(h(MarkdownReport.pValue(c.adjustedP ?? 1)))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if !t.omittedSegments.isEmpty {
            out += "<p><small>Not shown (smaller segments): \(h(t.omittedSegments.joined(separator: ", "))).</small></p>\n"
        }
        return out + "</section>\n"
    }
}
