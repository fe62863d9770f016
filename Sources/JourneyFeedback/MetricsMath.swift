/// The statistics behind the metrics (docs/feedback.md states each formula).
public enum MetricsMath {
    /// The normal quantile for a two-sided 95% interval.
    public static let z = 1.959964

    /// NPS with the adjusted-Wald 95% interval: n' = n+3, p' = (P+3/4)/n', d' = (D+3/4)/n',
    /// Var = [p'+d'-(p'-d')²]/n', interval 100·((p'-d') ± z·√Var), clamped to ±100.
    public static func nps(promoters p: Int, detractors d: Int, n: Int) -> ScoreInterval? {
        guard n > 0 else { return nil }
        let value = 100 * Double(p - d) / Double(n)
        let n1 = Double(n) + 3
        let pp = (Double(p) + 0.75) / n1
        let dd = (Double(d) + 0.75) / n1
        let variance = (pp + dd - (pp - dd) * (pp - dd)) / n1
        let half = z * variance.squareRoot()
        return ScoreInterval(value: value, low: max(-100, 100 * (pp - dd - half)), high: min(100, 100 * (pp - dd + half)))
    }

    /// A share in percent with the Agresti–Coull 95% interval.
    public static func share(_ k: Int, of n: Int) -> ScoreInterval? {
        guard n > 0 else { return nil }
        let value = 100 * Double(k) / Double(n)
        let n1 = Double(n) + z * z
        let p1 = (Double(k) + z * z / 2) / n1
        let half = z * (p1 * (1 - p1) / n1).squareRoot()
        return ScoreInterval(value: value, low: max(0, 100 * (p1 - half)), high: min(100, 100 * (p1 + half)))
    }

    /// Measured emotion on −2…+2: the count-weighted mean of each available signal mapped
    /// onto −2…+2 (NPS/50; CSAT and CES by the mean position of each answer on its own scale,
    /// CES turned round when lower is better; sentiment as 2·(positive − negative)/total).
    public static func measuredEmotion(
        nps: ScoreInterval?, npsCount: Int,
        csatPosition: Double?, csatCount: Int,
        cesPosition: Double?, cesCount: Int,
        positive: Int, negative: Int, sentimentTotal: Int
    ) -> Double? {
        var sum = 0.0, weight = 0.0
        func add(_ v: Double, _ w: Int) {
            guard w > 0 else { return }
            sum += max(-2, min(2, v)) * Double(w)
            weight += Double(w)
        }
        if let n = nps { add(n.value / 50, npsCount) }
        if let c = csatPosition { add(c, csatCount) }
        if let c = cesPosition { add(c, cesCount) }
        if sentimentTotal > 0 { add(2 * Double(positive - negative) / Double(sentimentTotal), sentimentTotal) }
        return weight > 0 ? sum / weight : nil
    }

    /// A mean with its t interval (95%): x̄ ± t(0.975, n−1)·s/√n. nil below two answers.
    public static func meanInterval(sum: Double, sumOfSquares: Double, n: Int) -> ScoreInterval? {
        guard n > 0 else { return nil }
        let mean = sum / Double(n)
        guard n > 1 else { return nil }
        let variance = max(0, (sumOfSquares - Double(n) * mean * mean) / Double(n - 1))
        let half = tQuantile975(df: n - 1) * (variance / Double(n)).squareRoot()
        return ScoreInterval(value: mean, low: mean - half, high: mean + half)
    }

    /// Where `v` sits on a scale, as −2 (bottom) … +2 (top).
    public static func position(_ v: Double, _ s: Scale) -> Double {
        guard s.max > s.min else { return 0 }
        return 4 * (v - s.min) / (s.max - s.min) - 2
    }
}

import JourneyCore
