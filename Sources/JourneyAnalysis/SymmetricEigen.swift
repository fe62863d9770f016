/// Eigendecomposition of a small real symmetric matrix by the cyclic Jacobi method
/// (Golub & Van Loan, Matrix Computations, 4th ed., §8.5; rotations as in Rutishauser 1971).
///
/// Why by hand: key drivers need one eigendecomposition of a k×k correlation matrix (k is the
/// number of rated touchpoints, rarely above 60), and the Swift packages available to this
/// project bind no LAPACK (Accelerate is Apple-only; Linux builds have no `dsyevd`). Jacobi is
/// short, unconditionally stable, accurate to a few ulps for symmetric matrices, and at k ≤ 60
/// takes well under a millisecond in release builds (about 6–10 sweeps of k²/2 rotations).
public struct SymmetricEigen: Sendable {
    /// Eigenvalues, largest first.
    public let values: [Double]
    /// Eigenvectors as columns of a row-major k×k matrix: `vectors[r * k + c]` is component r
    /// of the eigenvector for `values[c]`.
    public let vectors: [Double]
    /// The matrix's order.
    public let k: Int
    /// Sweeps used (each visits every off-diagonal pair once).
    public let sweeps: Int

    /// Decomposes the symmetric row-major k×k matrix `a` (only its upper triangle is read).
    /// Stops when the off-diagonal mass is below 1e-30 of the total, or after 100 sweeps.
    public init(symmetric a: [Double], k: Int) {
        precondition(a.count == k * k, "a k×k matrix")
        var m = a
        for i in 0..<k { for j in 0..<i { m[i * k + j] = m[j * k + i] } }
        var v = [Double](repeating: 0, count: k * k)
        for i in 0..<k { v[i * k + i] = 1 }
        var total = 0.0
        for x in m { total += x * x }
        var sweep = 0
        while sweep < 100 {
            var off = 0.0
            for i in 0..<k { for j in (i + 1)..<max(i + 1, k) { off += m[i * k + j] * m[i * k + j] } }
            if off <= 1e-30 * total || off == 0 { break }
            sweep += 1
            for p in 0..<k {
                for q in (p + 1)..<max(p + 1, k) {
                    let apq = m[p * k + q]
                    if apq == 0 { continue }
                    let app = m[p * k + p], aqq = m[q * k + q]
                    // The rotation angle that zeroes a[p][q]: t = tan θ, the smaller root of
                    // t² + 2τt − 1 = 0 (keeps the rotation below 45°, which is what converges).
                    let tau = (aqq - app) / (2 * apq)
                    let t = (tau >= 0 ? 1.0 : -1.0) / (abs(tau) + (1 + tau * tau).squareRoot())
                    let c = 1 / (1 + t * t).squareRoot(), s = t * c
                    for r in 0..<k {
                        let arp = m[r * k + p], arq = m[r * k + q]
                        m[r * k + p] = c * arp - s * arq
                        m[r * k + q] = s * arp + c * arq
                    }
                    for r in 0..<k {
                        let apr = m[p * k + r], aqr = m[q * k + r]
                        m[p * k + r] = c * apr - s * aqr
                        m[q * k + r] = s * apr + c * aqr
                    }
                    // Exact zero where the rotation aimed, so round-off does not linger there.
                    m[p * k + q] = 0
                    m[q * k + p] = 0
                    for r in 0..<k {
                        let vrp = v[r * k + p], vrq = v[r * k + q]
                        v[r * k + p] = c * vrp - s * vrq
                        v[r * k + q] = s * vrp + c * vrq
                    }
                }
            }
        }
        let order = (0..<k).sorted { m[$0 * k + $0] != m[$1 * k + $1] ? m[$0 * k + $0] > m[$1 * k + $1] : $0 < $1 }
        values = order.map { m[$0 * k + $0] }
        var sorted = [Double](repeating: 0, count: k * k)
        for (c, o) in order.enumerated() { for r in 0..<k { sorted[r * k + c] = v[r * k + o] } }
        vectors = sorted
        self.k = k
        sweeps = sweep
    }
}
