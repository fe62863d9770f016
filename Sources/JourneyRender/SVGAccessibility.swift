import JourneyCore
import JourneyFeedback

/// Graphviz titles each SVG group with the node's name (`tp3`), which is what a screen
/// reader announces. This replaces those names with the journey's words: the map's `<title>`
/// and `<desc>`, and for each touchpoint its title and a description (stage, channel, owner,
/// emotion, pains). Text stays text; everything inserted is escaped.
public enum SVGAccessibility {
    public static func annotate(_ svg: [UInt8], journey: Journey, measurements: JourneyMeasurements?) -> [UInt8] {
        var text = String(decoding: svg, as: UTF8.self)
        let graphTitle = "<title>journey</title>"
        if let r = text.range(of: graphTitle) {
            var desc = journey.description ?? ""
            if !journey.personas.isEmpty { desc += (desc.isEmpty ? "" : " ") + "Personas: " + journey.personas.map(\.name).joined(separator: "; ") + "." }
            text.replaceSubrange(r, with: "<title>\(Escape.html("Journey map: " + journey.title))</title>\n<desc>\(Escape.html(desc))</desc>")
        }
        for (i, stage) in journey.stages.enumerated() {
            if let r = text.range(of: "<title>cluster_stage\(i)</title>") {
                text.replaceSubrange(r, with: "<title>\(Escape.html("Stage \(i + 1): " + stage.title))</title>")
            }
        }
        for (i, tp) in journey.touchpoints.enumerated() {
            let needle = "<title>tp\(i)</title>"
            guard let r = text.range(of: needle) else { continue }
            var parts: [String] = []
            if let s = journey.stage(tp.stageID) { parts.append("Stage \(s.title).") }
            if let c = tp.channel.flatMap({ journey.channel($0) }) { parts.append("Channel: \(c.title).") }
            parts.append("Owner: \(tp.owner.flatMap { journey.department($0)?.title } ?? "none").")
            if let e = tp.emotion { parts.append("Designed emotion: \(e.name) (\(e.value)).") }
            if let m = measurements?.byTouchpoint[tp.id] {
                parts.append("\(m.responses) responses.")
                if let n = m.nps { parts.append("NPS \(Int(n.value.rounded())).") }
                if let e = m.measuredEmotion { parts.append("Measured emotion \(oneDecimal(e)).") }
            }
            if tp.isMomentOfTruth { parts.append("Moment of truth.") }
            for p in tp.pains { parts.append("Pain: \(p).") }
            for o in tp.opportunities { parts.append("Opportunity: \(o).") }
            text.replaceSubrange(r, with: "<title>\(Escape.html(tp.title))</title>\n<desc>\(Escape.html(parts.joined(separator: " ")))</desc>")
        }
        // Edges: "tp3&#45;&gt;tp4" becomes "From <title> to <title>".
        let titles = journey.touchpoints.map(\.title)
        var out = ""
        var rest = Substring(text)
        while let r = rest.range(of: "<title>tp") {
            out += rest[..<r.lowerBound]
            let tail = rest[r.upperBound...]
            let a = tail.prefix { $0.isNumber }
            var afterA = tail.dropFirst(a.count)
            if afterA.hasPrefix(":") { afterA = afterA.dropFirst().drop { $0.isLetter } }  // a port, e.g. tp3:s
            if let i = Int(a), afterA.hasPrefix("&#45;&gt;tp") {
                let bTail = afterA.dropFirst("&#45;&gt;tp".count)
                let b = bTail.prefix { $0.isNumber }
                var afterB = bTail.dropFirst(b.count)
                if afterB.hasPrefix(":") { afterB = afterB.dropFirst().drop { $0.isLetter } }
                if let j = Int(b), afterB.hasPrefix("</title>"), i < titles.count, j < titles.count {
                    out += "<title>" + Escape.html("From \(titles[i]) to \(titles[j])") + "</title>"
                    rest = afterB.dropFirst("</title>".count)
                    continue
                }
            }
            out += "<title>tp"
            rest = tail
        }
        out += rest
        return Array(out.utf8)
    }

    static func oneDecimal(_ x: Double) -> String {
        let t = Int((abs(x) * 10).rounded())
        return (x < 0 ? "-" : "") + String(t / 10) + "." + String(t % 10)
    }
}
