import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension HTMLReport {
    /// The segment section of `report.html`: the heat map (an embedded PNG drawn through
    /// Graphviz) and the table of segments that differ significantly from the rest.
    public static func segments(_ t: SegmentTable, journey: Journey, png: [UInt8]?, language l: Language = .en) -> String {
        let h = Escape.html
        func f(_ x: Double) -> String { t.figure == .nps ? l.signedNumber(x) : l.percent(l.number(x)) }
        let figure = t.figure.title(in: l)
        var out = "<section><h2>\(h(l[.segmentsHeading]))</h2>\n"
        out +=
            "<p>\(h(l(.segmentsLeadHTML, figure, l.integer(t.tests), l.integer(t.minimumN), l.percent(l.number(100 * t.alpha)))))</p>\n"
        if let png {
            out +=
                "<img class=\"map\" alt=\"\(h(l(.heatmapAlt, figure)))\" src=\"data:image/png;base64,\(Data(png).base64EncodedString())\">\n"
        }
        let cells = t.significantCells
        if cells.isEmpty {
            out += "<p>\(h(l[.segmentsNone]))</p>\n"
        } else {
            out +=
                "<table><thead><tr><th>\(h(l[.colSegment]))</th><th>\(h(l[.touchpoint]))</th><th>\(h(l[.colSegmentN]))</th><th>\(h(l[.colRest]))</th><th>\(h(l[.colDifference]))</th><th>\(h(l[.colHolmP]))</th></tr></thead><tbody>\n"
            for c in cells {
                guard let v = c.figure, let r = c.rest, let d = c.difference else { continue }
                let title = journey.touchpoint(c.touchpointID)?.title ?? c.touchpointID
                let cls = (t.figure.higherIsBetter == true) == (d.value < 0) && t.figure.higherIsBetter != nil ? " class=\"badtext\"" : ""
                let interval = l(.intervalWords, l.signedNumber(d.low), l.signedNumber(d.high))
                out +=
                    "<tr><td>\(h(c.segment))</td><td>\(h(title))</td><td>\(h(f(v.value))) <small>(\(l.integer(c.n)))</small></td><td>\(h(f(r.value))) <small>(\(l.integer(c.restN)))</small></td>"
                out +=
                    "<td\(cls)>\(d.value > 0 ? "▲" : "▼") \(h(l.signedNumber(d.value))) <small>(\(h(interval)))</small></td><td>\(h(MarkdownReport.pValue(c.adjustedP ?? 1, l)))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        if !t.omittedSegments.isEmpty {
            out += "<p><small>\(h(l(.heatmapOmitted, t.omittedSegments.joined(separator: ", ")))).</small></p>\n"
        }
        return out + "</section>\n"
    }
}
