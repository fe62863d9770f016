import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension LanguageServer {
    func hover(_ p: PositionParams) throws -> JSONValue {
        let doc = try document(p.textDocument.uri)
        guard let (occ, key) = symbol(at: p.position, in: doc) else { return .null }
        let range = try JSONValue(encoding: PositionMap.range(occ.range, in: doc.analysis.source))
        guard let journey = doc.analysis.journey else {
            // A file of shared definitions has no journey to describe the id with: say where it is used.
            guard let key else { return .null }
            let uses = occurrences(of: key, from: doc).filter { !$0.occurrence.isDeclaration }
            let files = Set(uses.map { ($0.occurrence.range.file as NSString).lastPathComponent }).sorted()
            let text =
                "\(occ.kind.rawValue) `\(occ.id)` · shared definition, used \(uses.count) time\(uses.count == 1 ? "" : "s")"
                + (files.isEmpty ? "" : " in " + files.map { Escape.markdown($0) }.joined(separator: ", "))
            return ["contents": ["kind": "markdown", "value": .string(text)], "range": range]
        }
        let data = doc.analysis.measurements != nil ? doc.analysis : doc.lastMeasurements
        let text = HoverText(journey: journey, data: data, isStale: data != nil && data !== doc.analysis)
            .describe(occ.kind, occ.id)
        guard let text else { return .null }
        return try JSONValue(
            encoding: Hover(contents: MarkupContent(value: text), range: PositionMap.range(occ.range, in: doc.analysis.source)))
    }
}

/// The Markdown shown on hover: what the id is, who owns it, and its joined figures, each
/// with its n and, where it varies, its 95% interval. Journey text is escaped (a title may
/// hold Markdown or HTML).
struct HoverText {
    let journey: Journey
    /// The analysis whose joined data is shown, when there is any.
    let data: DocumentAnalysis?
    /// The data comes from an earlier version of the document (the current one has errors).
    let isStale: Bool

    private func md(_ s: String) -> String { Escape.markdown(s) }

    func describe(_ kind: SymbolIndex.Kind, _ id: String) -> String? {
        var lines: [String]
        let m = data?.measurements
        switch kind {
        case .touchpoint:
            guard let tp = journey.touchpoint(id) else { return nil }
            lines = ["**\(md(tp.title))** · touchpoint `\(id)`" + (journey.stage(tp.stageID).map { " in stage \(md($0.title))" } ?? "")]
            var who: [String] = []
            who.append("owner: " + (tp.owner.map { named(journey.department($0)?.title, $0) } ?? "none (add `owner DEPARTMENT`)"))
            if let c = tp.channel { who.append("channel: " + named(journey.channel(c)?.title, c)) }
            lines.append(who.joined(separator: " · "))
            var design: [String] = []
            if let e = tp.emotion { design.append("designed emotion: \(e.name) (\(e.value > 0 ? "+" : "")\(e.value))") }
            if tp.isMomentOfTruth { design.append("moment of truth") }
            if !tp.pains.isEmpty { design.append("\(tp.pains.count) pain\(tp.pains.count == 1 ? "" : "s") declared") }
            if !design.isEmpty { lines.append(design.joined(separator: " · ")) }
            if let x = m?.byTouchpoint[id] { lines.append(figures(x)) } else if m != nil { lines.append("feedback: no responses joined") }
            if let d = data?.keyDrivers {
                if let k = d.drivers.first(where: { $0.touchpointID == id }) {
                    lines.append(
                        "key driver #\(k.rank) of \(d.drivers.count) for outcome `\(d.outcomeID)`: \(Format.number(k.importance.value))% of the explained outcome "
                            + "(95% interval \(Format.number(k.importance.low)) to \(Format.number(k.importance.high))), n = \(k.n)")
                } else if let x = d.excluded.first(where: { $0.touchpointID == id }) {
                    lines.append("not a key driver of `\(d.outcomeID)`: \(md(x.reason)) (n = \(x.n))")
                }
            }
        case .stage:
            guard let s = journey.stage(id) else { return nil }
            lines = ["**\(md(s.title))** · stage `\(id)` · \(count(s.touchpoints.count, "touchpoint"))"]
            if let x = m?.byStage[id] { lines.append(figures(x)) }
        case .department:
            guard let d = journey.department(id) else { return nil }
            let owned = journey.touchpoints.filter { $0.owner == id }
            lines = ["**\(md(d.title))** · department `\(id)` · owns \(count(owned.count, "touchpoint"))"]
            if !owned.isEmpty {
                lines.append(owned.prefix(12).map { "`\($0.id)`" }.joined(separator: ", ") + (owned.count > 12 ? ", …" : ""))
            }
            if let x = m?.byDepartment[id] { lines.append(figures(x)) }
        case .channel:
            guard let c = journey.channel(id) else { return nil }
            let used = journey.touchpoints.filter { $0.channel == id }
            lines = ["**\(md(c.title))** · channel `\(id)` · \(count(used.count, "touchpoint"))"]
            if let x = m?.byChannel[id] { lines.append(figures(x)) }
        case .persona:
            guard let p = journey.personas.first(where: { $0.id == id }) else { return nil }
            lines = ["**\(md(p.name))** · persona `\(id)`" + (p.segment.map { " · segment \(md($0))" } ?? "")]
            lines += p.goals.map { "goal: \(md($0))" }
        }
        if isStale, m != nil { lines.append("_figures from the last version without errors_") }
        return lines.joined(separator: "\n\n")
    }

    private func named(_ title: String?, _ id: String) -> String {
        guard let title, title != id else { return "`\(id)`" }
        return "\(md(title)) (`\(id)`)"
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// "feedback: n = 145 · NPS -32 (95% interval -45 to -18, n = 120) · CSAT 14% …"
    func figures(_ x: Metrics) -> String {
        var parts = ["feedback: n = \(x.respondents)"]
        if let n = x.nps {
            parts.append(
                "NPS \(Format.signed(n.value)) (95% interval \(Format.signed(n.low)) to \(Format.signed(n.high)), n = \(x.npsCount))")
        }
        if let c = x.csatTopBox {
            parts.append(
                "CSAT \(Format.number(c.value))% (95% interval \(Format.number(c.low)) to \(Format.number(c.high)), n = \(x.csatCount))")
        }
        if let ces = x.cesMean {
            let i = x.cesMeanInterval.map { "95% interval \(Format.number($0.low)) to \(Format.number($0.high)), " } ?? ""
            parts.append("CES \(Format.number(ces)) (\(i)n = \(x.cesCount))")
        }
        if x.isSmallSample { parts.append("small sample") }
        return parts.joined(separator: " · ")
    }
}
