import JourneyFeedback

/// A touchpoint's figure against the journey's on one measure, with its 95% interval: the
/// "clear margin" that confirms a declared pain (docs/pain-points.md#declared-pains).
struct Margin: Hashable, Sendable {
    /// The interval lies wholly on the bad side of the journey's figure.
    var isClear: Bool
    /// The figure itself is on the bad side (the interval may still contain the journey's).
    var isWorse: Bool
    /// E.g. "NPS -84 (95% -92 to -71) against -3 for the journey".
    var words: String

    /// NPS, CSAT top-two box and negative share, in that order, where both have the figure.
    static func all(_ t: Metrics, _ j: Metrics) -> [Margin] {
        var out: [Margin] = []
        if let n = t.nps, let jn = j.nps {
            out.append(
                Margin(
                    isClear: n.high < jn.value, isWorse: n.value < jn.value,
                    words:
                        "NPS \(Format.signed(n.value)) (95% \(Format.signed(n.low)) to \(Format.signed(n.high))) against \(Format.signed(jn.value)) for the journey"
                ))
        }
        if let c = t.csatTopBox, let jc = j.csatTopBox {
            out.append(
                Margin(
                    isClear: c.high < jc.value, isWorse: c.value < jc.value,
                    words:
                        "CSAT \(Format.number(c.value))% (95% \(Format.number(c.low)) to \(Format.number(c.high))) against \(Format.number(jc.value))%"
                ))
        }
        if t.sentimentTotal > 0, j.sentimentTotal > 0,
            let s = MetricsMath.share(t.sentimentCounts[.negative] ?? 0, of: t.sentimentTotal)
        {
            let js = 100 * Double(j.sentimentCounts[.negative] ?? 0) / Double(j.sentimentTotal)
            out.append(
                Margin(
                    isClear: s.low > js, isWorse: s.value > js,
                    words:
                        "\(Format.number(s.value))% negative (95% \(Format.number(s.low)) to \(Format.number(s.high))) against \(Format.number(js))%"
                ))
        }
        return out
    }
}
