import Foundation
import JourneyAnalysis
import JourneyFeedback

/// Respondents generated with a known answer for key-driver tests: latent standard normals,
/// ratings that correlate with each other, an outcome built from chosen weights, and one
/// touchpoint that correlates with the strongest driver but has no effect of its own.
struct PlantedDriverData {
    /// Touchpoints in declaration order; the planted order of importance is staff > wifi >
    /// food, and `decoy` (correlated 0.6 with `staff`) has no effect on the outcome.
    static let touchpoints = ["decoy", "food", "staff", "wifi"]
    var rows: [[Double]] = []  // touchpoint ratings (NaN = not answered), outcome last

    /// - Parameters:
    ///   - respondents: rows to generate.
    ///   - missing: chance that a rating is left blank.
    ///   - binary: outcome 1 when the latent outcome is above 0, else 0; otherwise a 1…10 rating.
    init(respondents: Int, missing: Double = 0.1, binary: Bool = false, seed: UInt64 = 42) {
        var rng = Xoshiro256(seed: seed)
        func uniform() -> Double { Double(rng.next() >> 11) / Double(1 << 53) }
        func normal() -> Double {  // Box–Muller
            let u = max(uniform(), 1e-300), v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        func rating(_ v: Double) -> Double { min(5, max(1, (3 + v).rounded())) }
        for _ in 0..<respondents {
            let z = (0..<5).map { _ in normal() }
            let staff = z[0]
            let wifi = 0.5 * staff + 0.75.squareRoot() * z[1]
            let food = 0.3 * staff + 0.91.squareRoot() * z[2]
            let decoy = 0.6 * staff + 0.8 * z[3]
            let latent = 0.6 * staff + 0.4 * wifi + 0.3 * food + 0.9 * z[4]
            var row = [rating(decoy), rating(food), rating(staff), rating(wifi)]
            for i in row.indices where uniform() < missing { row[i] = .nan }
            let outcome = binary ? (latent > 0 ? 1 : 0) : min(10, max(1, (5.5 + 1.5 * latent).rounded()))
            rows.append(row + [outcome])
        }
    }

    /// The rows as pairwise moments, keyed by row number as the streaming join does.
    func moments(outcome: String = "satisfied") -> DriverMoments {
        var m = DriverMoments(variables: Self.touchpoints + [outcome])
        for (i, r) in rows.enumerated() { m.add(r, key: UInt64(i + 1)) }
        return m
    }
}

/// Small dense linear algebra for test oracles (Gauss–Jordan with partial pivoting).
enum TestAlgebra {
    /// Solves A x = b for a row-major n×n A.
    static func solve(_ a: [Double], _ b: [Double]) -> [Double] {
        let n = b.count
        var m = a, x = b
        for c in 0..<n {
            let p = (c..<n).max { abs(m[$0 * n + c]) < abs(m[$1 * n + c]) }!
            if p != c {
                for j in 0..<n { m.swapAt(c * n + j, p * n + j) }
                x.swapAt(c, p)
            }
            let d = m[c * n + c]
            for r in 0..<n where r != c {
                let f = m[r * n + c] / d
                if f == 0 { continue }
                for j in c..<n { m[r * n + j] -= f * m[c * n + j] }
                x[r] -= f * x[c]
            }
        }
        return (0..<n).map { x[$0] / m[$0 * n + $0] }
    }

    /// R² of regressing the outcome on the predictors in `subset`: r_Sᵀ R_SS⁻¹ r_S.
    static func rSquared(_ rxx: [Double], _ rxy: [Double], _ subset: [Int]) -> Double {
        guard !subset.isEmpty else { return 0 }
        let k = rxy.count, s = subset.count
        var a = [Double](repeating: 0, count: s * s)
        for (i, p) in subset.enumerated() { for (j, q) in subset.enumerated() { a[i * s + j] = rxx[p * k + q] } }
        let r = subset.map { rxy[$0] }
        let beta = solve(a, r)
        return zip(beta, r).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The exact Shapley decomposition of R² (LMG): each predictor's marginal R² gain averaged
    /// over all orders, computed from all 2^k subsets.
    static func shapley(_ rxx: [Double], _ rxy: [Double]) -> [Double] {
        let k = rxy.count
        var r2 = [Double](repeating: 0, count: 1 << k)
        for mask in 0..<(1 << k) { r2[mask] = rSquared(rxx, rxy, (0..<k).filter { mask & (1 << $0) != 0 }) }
        func factorial(_ n: Int) -> Double { n <= 1 ? 1 : Double(n) * factorial(n - 1) }
        return (0..<k).map { j in
            var v = 0.0
            for mask in 0..<(1 << k) where mask & (1 << j) == 0 {
                let s = mask.nonzeroBitCount
                v += factorial(s) * factorial(k - s - 1) / factorial(k) * (r2[mask | (1 << j)] - r2[mask])
            }
            return v
        }
    }

    /// Pearson correlations of complete columns (row-major n×k data).
    static func correlations(_ rows: [[Double]]) -> [Double] {
        let k = rows[0].count, n = Double(rows.count)
        let mean = (0..<k).map { j in rows.reduce(0) { $0 + $1[j] } / n }
        var c = [Double](repeating: 0, count: k * k)
        for r in rows { for i in 0..<k { for j in 0..<k { c[i * k + j] += (r[i] - mean[i]) * (r[j] - mean[j]) } } }
        return (0..<(k * k)).map { p in c[p] / (c[(p / k) * k + p / k] * c[(p % k) * k + p % k]).squareRoot() }
    }
}
