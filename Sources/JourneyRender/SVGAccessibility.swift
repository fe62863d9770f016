import JourneyCore
import JourneyFeedback

/// Graphviz titles each SVG group with the node's name (`tp3`), which is what a screen
/// reader announces. This replaces those names with the journey's words: the map's `<title>`
/// and `<desc>`, each stage's title, each touchpoint's title and a description (stage,
/// channel, owner, emotion, data, pains), and each flow as "From … to …". Text stays text;
/// everything inserted is escaped. One pass over the bytes (Foundation's string search made
/// this step four times slower than the whole layout).
public enum SVGAccessibility {
    /// The SVG with a title, a description and a title per touchpoint for screen readers, in one pass over the bytes,
    /// worded in `language`.
    public static func annotate(
        _ svg: [UInt8], journey: Journey, measurements: JourneyMeasurements?, language lang: Language = .en
    ) -> [UInt8] {
        var names: [String: String] = [:]
        var desc = journey.description ?? ""
        if !journey.personas.isEmpty {
            desc += (desc.isEmpty ? "" : " ") + lang(.a11yPersonas, journey.personas.map(\.name).joined(separator: "; "))
        }
        names["journey"] = "<title>\(Escape.html(lang(.a11yJourneyMap, journey.title)))</title>\n<desc>\(Escape.html(desc))</desc>"
        for (i, stage) in journey.stages.enumerated() {
            names["cluster_stage\(i)"] = "<title>\(Escape.html(lang(.a11yStageNumbered, lang.integer(i + 1), stage.title)))</title>"
        }
        let tps = journey.touchpoints
        for (i, tp) in tps.enumerated() {
            names["tp\(i)"] =
                "<title>\(Escape.html(tp.title))</title>\n<desc>\(Escape.html(description(tp, journey, measurements, lang)))</desc>"
        }
        // A flow's label is a node of its own (`flow<i>`) and the flow two edges through it:
        // both halves and the label read as the flow.
        let titles = Dictionary(tps.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var flowTitles: [Int: String] = [:]
        for (i, flow) in journey.flows.enumerated() {
            guard let a = titles[flow.from], let b = titles[flow.to] else { continue }
            flowTitles[i] = lang(.a11yFlow, a, b)
            names["flow\(i)"] = "<title>\(Escape.html(flow.label ?? flowTitles[i]!))</title>"
        }
        let open = Array("<title>".utf8), close = Array("</title>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + svg.count / 8)
        var i = 0
        while i < svg.count {
            if svg[i] == 0x3C, matches(svg, i, open), let end = find(svg, close, from: i + open.count) {
                let name = String(decoding: svg[(i + open.count)..<end], as: UTF8.self)
                if let replacement = names[name] ?? edgeTitle(name, tps, flowTitles, lang) {
                    out += Array(replacement.utf8)
                    i = end + close.count
                    continue
                }
            }
            out.append(svg[i])
            i += 1
        }
        return out
    }

    /// The SVG of a view other than the map (canvas, blueprint, curve, …): the drawing's
    /// `<title>` and `<desc>` become `title` and `description`, and the titles Graphviz gives
    /// every other group (its internal names, `%3`, `%7->%9`) are dropped, since a screen
    /// reader would announce them; the text drawn in the view stays and is what it reads.
    public static func titled(_ svg: [UInt8], title: String, description: String) -> [UInt8] {
        let open = Array("<title>".utf8), close = Array("</title>".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 256)
        var first = true
        var i = 0
        while i < svg.count {
            if svg[i] == 0x3C, matches(svg, i, open), let end = find(svg, close, from: i + open.count) {
                if first {
                    first = false
                    out += Array("<title>\(Escape.html(title))</title>\n<desc>\(Escape.html(description))</desc>".utf8)
                    i = end + close.count
                    continue
                }
                if i + open.count < end, svg[i + open.count] == 0x25 {  // "%": an internal name
                    i = end + close.count
                    continue
                }
            }
            out.append(svg[i])
            i += 1
        }
        return out
    }

    static func description(
        _ tp: Touchpoint, _ journey: Journey, _ measurements: JourneyMeasurements?, _ lang: Language = .en
    ) -> String {
        var parts: [String] = []
        if let s = journey.stage(tp.stageID) { parts.append(lang(.a11yStage, s.title)) }
        if let c = tp.channel.flatMap({ journey.channel($0) }) { parts.append(lang(.a11yChannel, c.title)) }
        parts.append(lang(.a11yOwner, tp.owner.flatMap { journey.department($0)?.title } ?? lang[.noneGiven]))
        if let e = tp.emotion { parts.append(lang(.a11yDesignedEmotion, lang.emotionName(e.value), lang.signed(Double(e.value)))) }
        if let m = measurements?.byTouchpoint[tp.id] {
            parts.append(lang.count(m.responses, .response) + ".")
            if let n = m.nps { parts.append("NPS \(lang.signed(n.value)).") }
            if let e = m.measuredEmotion { parts.append(lang(.a11yMeasuredEmotion, lang.signed(e, 1))) }
        }
        if tp.isMomentOfTruth { parts.append(lang[.a11yMomentOfTruth]) }
        for p in tp.pains { parts.append(lang(.a11yPain, p)) }
        for o in tp.opportunities { parts.append(lang(.a11yOpportunity, o)) }
        return parts.joined(separator: " ")
    }

    /// `tp3:s&#45;&gt;tp4:s` (ports optional) → "From <title> to <title>".
    static func edgeTitle(_ name: String, _ tps: [Touchpoint], _ flows: [Int: String] = [:], _ lang: Language = .en) -> String? {
        // Split at the one arrow, over bytes (names are ASCII from our DOT; this runs per edge).
        let bytes = Array(name.utf8), arrow = Array("&#45;&gt;".utf8)
        guard let at = find(bytes, arrow, from: 0, stopAtClose: false),
            find(bytes, arrow, from: at + arrow.count, stopAtClose: false) == nil
        else { return nil }
        let parts = [String(decoding: bytes[..<at], as: UTF8.self), String(decoding: bytes[(at + arrow.count)...], as: UTF8.self)]
        // Half of a labelled flow: to or from its label node.
        for part in parts {
            let node = part.split(separator: ":").first.map(String.init) ?? part
            if node.hasPrefix("flow"), let i = Int(node.dropFirst(4)), let t = flows[i] {
                return "<title>\(Escape.html(t))</title>"
            }
        }
        func index(_ s: String) -> Int? {
            let node = s.split(separator: ":").first.map(String.init) ?? s
            guard node.hasPrefix("tp"), let i = Int(node.dropFirst(2)), i < tps.count else { return nil }
            return i
        }
        guard let a = index(parts[0]), let b = index(parts[1]) else { return nil }
        return "<title>\(Escape.html(lang(.a11yFlow, tps[a].title, tps[b].title)))</title>"
    }

    static func matches(_ b: [UInt8], _ at: Int, _ pattern: [UInt8]) -> Bool {
        guard at + pattern.count <= b.count else { return false }
        for k in 0..<pattern.count where b[at + k] != pattern[k] { return false }
        return true
    }

    static func find(_ b: [UInt8], _ pattern: [UInt8], from: Int, stopAtClose: Bool = true) -> Int? {
        var i = from
        while i + pattern.count <= b.count {
            if b[i] == pattern[0], matches(b, i, pattern) { return i }
            if stopAtClose, b[i] == 0x3E { return nil }  // a title never holds '>': this is not one
            i += 1
        }
        return nil
    }
}
