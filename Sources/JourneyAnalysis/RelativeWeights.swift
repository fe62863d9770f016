/// Johnson's (2000) relative weights from a correlation matrix (docs/feedback.md#key-drivers):
/// how much of R² each predictor accounts for, robust to predictors that correlate with each
/// other. Agrees closely with the Shapley decomposition of R² (LMG, dominance analysis) at the
/// cost of one eigendecomposition instead of 2^k regressions.
public struct RelativeWeights: Sendable, Hashable {
    /// Raw weights ε_j; they sum to `rSquared`.
    public var raw: [Double]
    /// R² of the regression of the outcome on all predictors: Σ_j ε_j, which equals βᵀβ
    /// (and rxyᵀ Rxx⁻¹ rxy) whenever no eigenvalue was clipped.
    public var rSquared: Double
    /// Eigenvalues of Rxx below zero (a pairwise matrix need not be positive semidefinite)
    /// that were clipped at zero; 0 for a complete-case matrix.
    public var clippedEigenvalues: Int
    /// The most negative eigenvalue before clipping (0 when none was negative).
    public var smallestEigenvalue: Double

    /// - Parameters:
    ///   - rxx: the k×k correlation matrix of the predictors, row-major.
    ///   - rxy: their correlations with the outcome.
    /// Steps: Rxx = V diag(λ) Vᵀ with λ clipped at 0; Λ = V diag(√λ) Vᵀ (the correlations of
    /// the predictors with their closest orthogonal counterparts); β = Λ⁺ rxy (Λ⁺ drops the
    /// directions whose eigenvalue is 0, i.e. the pseudo-inverse); ε_j = Σ_m Λ[j,m]² β_m².
    public init(rxx: [Double], rxy: [Double]) {
        let k = rxy.count
        let eig = SymmetricEigen(symmetric: rxx, k: k)
        // Relative to the largest eigenvalue: below this a direction is numerically absent
        // (two ratings that are copies of each other), and inverting it would only amplify noise.
        let tol = 1e-12 * max(eig.values.first ?? 0, 1)
        var clipped = 0
        var smallest = 0.0
        var root = [Double](repeating: 0, count: k), invRoot = [Double](repeating: 0, count: k)
        for (c, l) in eig.values.enumerated() {
            if l < 0 { clipped += 1; smallest = min(smallest, l) }
            let lc = max(l, 0)
            root[c] = lc.squareRoot()
            invRoot[c] = lc > tol ? 1 / lc.squareRoot() : 0
        }
        let v = eig.vectors
        var lambda = [Double](repeating: 0, count: k * k)
        var lambdaInv = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in i..<k {
                var a = 0.0, b = 0.0
                for c in 0..<k {
                    let vv = v[i * k + c] * v[j * k + c]
                    a += vv * root[c]
                    b += vv * invRoot[c]
                }
                lambda[i * k + j] = a; lambda[j * k + i] = a
                lambdaInv[i * k + j] = b; lambdaInv[j * k + i] = b
            }
        }
        var beta = [Double](repeating: 0, count: k)
        for m in 0..<k {
            var s = 0.0
            for j in 0..<k { s += lambdaInv[m * k + j] * rxy[j] }
            beta[m] = s
        }
        var raw = [Double](repeating: 0, count: k)
        for j in 0..<k {
            var s = 0.0
            for m in 0..<k { s += lambda[j * k + m] * lambda[j * k + m] * beta[m] * beta[m] }
            raw[j] = s
        }
        self.raw = raw
        rSquared = raw.reduce(0, +)
        clippedEigenvalues = clipped
        smallestEigenvalue = smallest
    }
}
