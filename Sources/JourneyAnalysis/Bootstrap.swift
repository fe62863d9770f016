/// xoshiro256** (Blackman & Vigna 2018), seeded through SplitMix64: a small, fast generator
/// with a fixed output for a fixed seed on every platform, so bootstrap intervals are the same
/// bytes on every run and machine (Swift's `SystemRandomNumberGenerator` is not seedable).
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose output depends only on `seed`.
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = rotl(s.3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in 0..<n by Lemire's multiply-shift (the high word of next() × n).
    /// Skipping Lemire's rejection step biases a draw by at most n/2⁶⁴, far below anything a
    /// bootstrap can see, and keeps one draw per call (simple to mirror in other languages).
    public mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }
}

/// Percentile bootstrap helpers (Efron & Tibshirani 1993, ch. 13).
public enum Bootstrap {
    /// The q-quantile (0…1) of `values` by linear interpolation between order statistics
    /// (Hyndman & Fan type 7, numpy's default). `values` must not be empty.
    public static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty)
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// The 95% percentile interval (2.5% and 97.5% quantiles) of the replicates.
    public static func interval95(_ replicates: [Double]) -> (low: Double, high: Double) {
        let s = replicates.sorted()
        return (quantile(s, 0.025), quantile(s, 0.975))
    }
}
