#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MetricsMath {
    /// Two-sided p-value of a t statistic with `df` degrees of freedom:
    /// P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½) (Abramowitz & Stegun 26.7.1). Infinite df:
    /// the normal's.
    public static func tTwoSidedP(_ t: Double, df: Double) -> Double {
        guard t.isFinite else { return t.isNaN ? 1 : 0 }
        if !df.isFinite || df > 1e7 { return normalTwoSidedP(t) }
        guard df > 0 else { return 1 }
        return min(1, max(0, incompleteBeta(df / (df + t * t), df / 2, 0.5)))
    }

    /// Two-sided p-value of a standard normal statistic: erfc(|z|/√2).
    public static func normalTwoSidedP(_ z: Double) -> Double {
        guard z.isFinite else { return z.isNaN ? 1 : 0 }
        return erfc(abs(z) / 2.0.squareRoot())
    }
}
