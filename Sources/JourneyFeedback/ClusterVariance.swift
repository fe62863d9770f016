#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sums for a ratio mean over clusters (respondents): each respondent r contributes
/// s_r = the sum of its answers' values in the group and m_r = their number. The estimate is
/// μ = Σs/Σm; its variance by Taylor linearisation (the ratio estimator with replacement,
/// Cochran 1977 §6.11; Williams 2000, "A simple variance estimator for cluster-correlated
/// data") is  V = n/(n−1) · Σ(s_r − μ·m_r)² / (Σm)²
///            = n/(n−1) · (Σs² − 2μ·Σsm + μ²·Σm²) / (Σm)²,
/// with n the number of respondents, and the interval is μ ± t(0.975, n−1)·√V.
/// Constant memory: five sums and a count, whatever the number of respondents.
public struct ClusterSums: Hashable, Sendable {
    /// Respondents with at least one answer in the group (n).
    public var clusters = 0
    /// Σs, Σm, Σs², Σs·m and Σm² over the respondents (see the type's comment).
    public var s = 0.0, m = 0.0, ss = 0.0, sm = 0.0, mm = 0.0

    /// Empty sums: no respondent yet.
    public init() {}

    /// One respondent's answers in the group: their sum and count (count 0 adds nothing).
    @inline(__always)
    public mutating func add(sum: Double, count: Double) {
        guard count > 0 else { return }
        clusters += 1
        s += sum
        m += count
        ss += sum * sum
        sm += sum * count
        mm += count * count
    }

    /// `n` independent answers (one per respondent) given as totals, e.g. aggregate rows.
    public mutating func addIndependent(sum: Double, sumOfSquares: Double, n: Int) {
        guard n > 0 else { return }
        clusters += n
        s += sum
        m += Double(n)
        ss += sumOfSquares
        sm += sum
        mm += Double(n)
    }

    /// Adds another set of respondents' sums (disjoint respondents: sums add).
    public mutating func merge(_ o: ClusterSums) {
        clusters += o.clusters
        s += o.s; m += o.m; ss += o.ss; sm += o.sm; mm += o.mm
    }

    /// True when some respondent gave more than one answer here: the answers are not
    /// independent and the cluster variance applies (else Σm² = Σm).
    public var isClustered: Bool { mm > m + 0.5 }

    /// The ratio mean Σs/Σm; nil when nobody answered.
    public var mean: Double? { m > 0 ? s / m : nil }

    /// The linearised variance of the ratio mean; nil with fewer than two respondents.
    public var variance: Double? {
        guard clusters > 1, m > 0 else { return nil }
        let mu = s / m
        let n = Double(clusters)
        return max(0, n / (n - 1) * (ss - 2 * mu * sm + mu * mu * mm) / (m * m))
    }

    /// The mean and its 95% t interval, times `scale`, clamped.
    public func interval(scale: Double, clampLow: Double = -.infinity, clampHigh: Double = .infinity) -> ScoreInterval? {
        guard let mu = mean else { return nil }
        guard let v = variance else { return nil }
        let half = MetricsMath.tQuantile975(df: clusters - 1) * v.squareRoot()
        return ScoreInterval(value: scale * mu, low: max(clampLow, scale * (mu - half)), high: min(clampHigh, scale * (mu + half)))
    }
}

/// The five clustered measures of one group, and its distinct respondents.
public struct ClusterGroup: Hashable, Sendable {
    /// Distinct respondents with any answer in the group.
    public var respondents = 0
    /// NPS: +1 promoter, −1 detractor, 0 passive.
    public var nps = ClusterSums()
    /// CSAT top-two-box: 1 or 0 per CSAT answer.
    public var top = ClusterSums()
    /// CSAT and CES values (their means).
    public var csat = ClusterSums()
    /// CES values (their mean).
    public var ces = ClusterSums()
    /// Negative sentiment: 1 or 0 per sentiment answer.
    public var negative = ClusterSums()

    /// An empty group.
    public init() {}

    /// Adds another group of disjoint respondents.
    public mutating func merge(_ o: ClusterGroup) {
        respondents += o.respondents
        nps.merge(o.nps); top.merge(o.top); csat.merge(o.csat); ces.merge(o.ces); negative.merge(o.negative)
    }
}

extension MetricsMath {
    /// The 97.5% quantile of Student's t with `df` degrees of freedom (two-sided 95%).
    public static func tQuantile975(df: Int) -> Double {
        tQuantile(0.975, df: Double(df))
    }

    /// Quantile of Student's t (p > 0.5), by bisection on the CDF
    /// F(t) = 1 − ½·I_{df/(df+t²)}(df/2, ½) (Abramowitz & Stegun 26.7.1), with the
    /// regularised incomplete beta by its continued fraction (Numerical Recipes §6.4).
    public static func tQuantile(_ p: Double, df: Double) -> Double {
        guard df >= 1 else { return .nan }
        if df > 1e7 { return normalQuantile(p) }
        let tail = 2 * (1 - p)  // I_x(df/2, 1/2) must equal this
        var lo = 0.0, hi = 1.0
        while incompleteBeta(df / (df + hi * hi), df / 2, 0.5) > tail { hi *= 2 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if incompleteBeta(df / (df + mid * mid), df / 2, 0.5) > tail { lo = mid } else { hi = mid }
            if hi - lo < 1e-12 * max(1, hi) { break }
        }
        return (lo + hi) / 2
    }

    /// The standard normal quantile, by bisection on erfc (t with huge df only).
    static func normalQuantile(_ p: Double) -> Double {
        var lo = -40.0, hi = 40.0
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if 0.5 * erfc(-mid / 2.0.squareRoot()) < p { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }

    /// Regularised incomplete beta I_x(a, b).
    static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log(1 - x))
        if x < (a + 1) / (a + b + 2) { return front * betaFraction(x, a, b) / a }
        return 1 - front * betaFraction(1 - x, b, a) / b
    }

    private static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m)
            var num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + num * d; if abs(d) < tiny { d = tiny }
            c = 1 + num / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
