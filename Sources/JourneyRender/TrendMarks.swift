import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// A touchpoint's latest significant change, printed on its box: "▼ NPS −58 since 2026-09
/// (−71…−43)". Only changes that survived the Holm correction are marked (docs/feedback.md).
public struct TrendMark: Sendable, Hashable {
    /// The mark as printed, in the map's language.
    public var text: String
    /// Significantly worse (else significantly better).
    public var isWorse: Bool

    /// A mark with its text.
    public init(text: String, isWorse: Bool) {
        self.text = text
        self.isWorse = isWorse
    }
}

/// The trend marks of a journey's touchpoints.
public enum TrendMarks {
    /// Per touchpoint id (or per id of `kind`), its latest significant change (the latest
    /// period; NPS before CSAT, CES and negative share within one period).
    public static func latest(_ t: Trends, language l: Language, kind: PeriodScope.Kind = .touchpoint) -> [String: TrendMark] {
        let order = Dictionary(t.periods.periods.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        var best: [String: MetricChange] = [:]
        for c in t.changes.significant where c.scope.kind == kind {
            if let b = best[c.scope.id] {
                let (pc, pb) = (order[c.to] ?? -1, order[b.to] ?? -1)
                if pc < pb || (pc == pb && !(c.metric < b.metric)) { continue }
            }
            best[c.scope.id] = c
        }
        return best.mapValues { mark($0, l) }
    }

    /// "▼ NPS −58 since 2026-09 (−71…−43)".
    static func mark(_ c: MetricChange, _ l: Language) -> TrendMark {
        let d = c.difference
        let decimals =
            switch c.metric {
            case .csatMean, .cesMean: 2
            case .index: 1
            default: 0
            }
        let unit = c.metric == .csatTopBox || c.metric == .negativeShare ? " " + l[.trendPoints] : ""
        let name: String =
            switch c.metric {
            case .nps: "NPS"
            case .csatTopBox, .csatMean: "CSAT"
            case .cesMean: "CES"
            case .negativeShare: l[.trendNegative]
            case .index(let id): id.uppercased()
            }
        let text = l(
            .trendMark, (c.isWorse ? "▼ " : "▲ ") + name, l.signed(d.value, decimals) + unit, c.from,
            l.range(l.signed(d.low, decimals), l.signed(d.high, decimals)))
        return TrendMark(text: text, isWorse: c.isWorse)
    }
}
