import JourneyCore
import JourneyFeedback

/// One sentence saying why a pain point ranks where it does, built from its largest parts,
/// in the report's language (the phrases are in JourneyCore's tables).
enum Explanation {
    static func sentence(
        for p: PainPoint, journey j: Metrics, previousTitle: String?, outcome: String? = nil, language l: Language = .en
    ) -> String {
        // English keeps the reports' ASCII numbers ("-4"); other languages write theirs ("−4,5").
        let num = { (x: Double) in l == .en ? Format.number(x) : l.number(x) }
        let sig = { (x: Double) in l == .en ? Format.signed(x) : l.signedNumber(x) }
        let c = p.components
        let owner = l(.explainOwner, p.ownerTitle ?? l[.noneGiven])
        if let d = p.priority, let gap = d.gapPhrase {
            let i = d.driver.importance
            var s = l(
                .explainDriver, String(p.rank), l.percent(num(i.value)), outcome ?? l[.explainOutcome], num(i.low), num(i.high),
                gap, num(d.priority))
            if let q = d.quadrant { s += ", " + q.title(in: l) }
            return s + "; " + owner + "."
        }
        var reasons: [(Double, String)] = []
        if c.npsImpact > 0, let n = p.metrics?.nps {
            let text =
                j.nps.map { l(.explainNPSAgainst, sig(n.value), sig(n.low), sig(n.high), sig($0.value)) }
                ?? l(.explainNPS, sig(n.value), sig(n.low), sig(n.high))
            reasons.append((c.npsImpact / 20, text))
        }
        if c.csatImpact > 0, let s = p.metrics?.csatTopBox {
            let text =
                j.csatTopBox.map { l(.explainCSATAgainst, l.percent(num(s.value)), l.percent(num($0.value))) }
                ?? l(.explainCSAT, l.percent(num(s.value)))
            reasons.append((c.csatImpact / 20, text))
        }
        if c.sentimentImpact > 0, let x = p.metrics, x.sentimentTotal > 0 {
            let share = 100 * Double(x.sentimentCounts[.negative] ?? 0) / Double(x.sentimentTotal)
            reasons.append((c.sentimentImpact / 20, l(.explainNegative, l.percent(num(share)))))
        }
        // With data the curve only tips close cases (× 1.25 at most): its reasons come after
        // every piece of evidence (weights below any impact's).
        let k = c.designOnly ? 1 : 1e-6
        if c.measuredDip > 0 {
            let text =
                previousTitle.map { l(.explainMeasuredDropAfter, num(c.measuredDip), $0) } ?? l(.explainMeasuredDrop, num(c.measuredDip))
            reasons.append((k * c.measuredDip, text))
        } else if c.designedDip > 0 {
            let text =
                previousTitle.map { l(.explainDesignedDropAfter, num(c.designedDip), $0) } ?? l(.explainDesignedDrop, num(c.designedDip))
            reasons.append((k * 0.5 * c.designedDip, text))
        }
        if c.gap > 0 {
            reasons.append((k * c.gap, l(.explainFeelWorse, num(c.gap))))
        }
        if c.isLocalMinimum { reasons.append((k * 0.25, l[.explainLowPoint])) }
        reasons.sort { $0.0 > $1.0 }
        var parts = reasons.prefix(3).map(\.1)
        var weights: [String] = []
        if c.momentOfTruthWeight > 1 { weights.append(l[.explainMomentOfTruth]) }
        if c.isWorst { weights.append(l[.explainWorst]) } else if c.isLast { weights.append(l[.explainLast]) }
        if c.isHandoff { weights.append(l[.explainHandoff]) }
        if !weights.isEmpty { parts.append(weights.joined(separator: ", ")) }
        parts.append(owner)
        var sentence = l(.explainRanks, String(p.rank), parts.isEmpty ? l[.explainByDesign] : parts.joined(separator: "; "))
        if let x = p.metrics, x.responses > 0, p.isSmallSample {
            sentence += l(.explainSmallSample, String(x.responses))
        } else if p.metrics == nil || p.metrics?.responses == 0 {
            sentence += l[.explainNoData]
        }
        return sentence + "."
    }
}
