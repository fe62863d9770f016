import JourneyFeedback

/// One sentence saying why a pain point ranks where it does, built from its largest parts.
enum Explanation {
    static func sentence(for p: PainPoint, journey j: Metrics, previousTitle: String?, outcome: String? = nil) -> String {
        let c = p.components
        let owner = "owner: " + (p.ownerTitle ?? "none")
        if let d = p.priority, let gap = d.gapPhrase {
            let i = d.driver.importance
            var s =
                "Ranks #\(p.rank): drives \(Format.number(i.value))% of the explained “\(outcome ?? "outcome")” "
                + "(95% \(Format.number(i.low)) to \(Format.number(i.high))); \(gap); priority \(Format.number(d.priority))"
            if let q = d.quadrant { s += ", \(q.rawValue)" }
            return s + "; " + owner + "."
        }
        var reasons: [(Double, String)] = []
        if c.npsImpact > 0, let n = p.metrics?.nps {
            let jn = j.nps.map { " against \(Format.signed($0.value)) for the journey" } ?? ""
            reasons.append(
                (c.npsImpact / 20, "NPS \(Format.signed(n.value)) (95% \(Format.signed(n.low)) to \(Format.signed(n.high)))\(jn)"))
        }
        if c.csatImpact > 0, let s = p.metrics?.csatTopBox {
            let js = j.csatTopBox.map { " against \(Format.number($0.value))%" } ?? ""
            reasons.append((c.csatImpact / 20, "CSAT \(Format.number(s.value))%\(js)"))
        }
        if c.sentimentImpact > 0, let x = p.metrics, x.sentimentTotal > 0 {
            let share = 100 * Double(x.sentimentCounts[.negative] ?? 0) / Double(x.sentimentTotal)
            reasons.append((c.sentimentImpact / 20, "\(Format.number(share))% of responses negative"))
        }
        // With data the curve only tips close cases (× 1.25 at most): its reasons come after
        // every piece of evidence (weights below any impact's).
        let k = c.designOnly ? 1 : 1e-6
        if c.measuredDip > 0 {
            let from = previousTitle.map { " after “\($0)”" } ?? ""
            reasons.append((k * c.measuredDip, "measured emotion drops by \(Format.number(c.measuredDip))\(from)"))
        } else if c.designedDip > 0 {
            let from = previousTitle.map { " after “\($0)”" } ?? ""
            reasons.append((k * 0.5 * c.designedDip, "the designed emotion drops by \(Format.number(c.designedDip))\(from)"))
        }
        if c.gap > 0 {
            reasons.append((k * c.gap, "customers feel \(Format.number(c.gap)) worse than the journey assumes"))
        }
        if c.isLocalMinimum { reasons.append((k * 0.25, "a low point of the emotion curve")) }
        reasons.sort { $0.0 > $1.0 }
        var parts = reasons.prefix(3).map(\.1)
        var weights: [String] = []
        if c.momentOfTruthWeight > 1 { weights.append("a moment of truth") }
        if c.isWorst { weights.append("the worst point of the journey") } else if c.isLast { weights.append("the last impression") }
        if c.isHandoff { weights.append("a hand-off between departments") }
        if !weights.isEmpty { parts.append(weights.joined(separator: ", ")) }
        parts.append(owner)
        var sentence = "Ranks #\(p.rank): " + (parts.isEmpty ? "flagged by the journey's design" : parts.joined(separator: "; "))
        if let x = p.metrics, x.responses > 0, p.isSmallSample {
            sentence += " (small sample, n=\(x.responses): damped)"
        } else if p.metrics == nil || p.metrics?.responses == 0 {
            sentence += " (no feedback data: from the design alone)"
        }
        return sentence + "."
    }
}
