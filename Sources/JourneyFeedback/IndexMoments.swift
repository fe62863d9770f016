import JourneyCore

/// The respondent-level sums a composite index needs in one group (touchpoint, stage, …):
/// for each respondent r the vector u_r = (s_nps, s_csat, s_ces, s_negative, m_nps, m_csat,
/// m_ces, m_negative), where s is the sum of the respondent's answers in the group already put
/// on 0–100 (docs/feedback.md#composite-indices) and m their count, and the sums Σu and Σuuᵀ
/// over respondents. Each measure's mean is the ratio Σs/Σm; an index Σ w_k·mean_k has, by
/// Taylor linearisation of the ratios (Cochran 1977 §6.11, the estimator of ClusterSums
/// extended to several ratios with their covariances), the variance
/// V = n/(n−1) · bᵀ(Σuuᵀ)b with b_s,k = w_k/M_k and b_m,k = −w_k·mean_k/M_k.
/// Constant memory: 8 + 64 sums and 16 counts per group, whatever the number of respondents.
public struct IndexMoments: Hashable, Sendable {
    /// Respondents by which measures they answered (bit k: measure k), so an index's n counts
    /// only the respondents who answered one of its measures.
    public var respondentsByMask = [Int](repeating: 0, count: 16)
    /// Σu over respondents.
    public var sums = [Double](repeating: 0, count: 8)
    /// Σuuᵀ over respondents, row-major 8×8.
    public var cross = [Double](repeating: 0, count: 64)

    /// Nobody yet.
    public init() {}

    /// The lane of a measure's sum (its count is 4 lanes later).
    public static func lane(_ c: CompositeIndex.Component) -> Int {
        switch c {
        case .nps: 0
        case .csat: 1
        case .ces: 2
        case .negative: 3
        }
    }

    /// One respondent's sums in the group: lanes 0…3 the sums of its 0–100 answers, lanes 4…7
    /// their counts (a respondent with no answer adds nothing).
    public mutating func add(_ u: SIMD8<Double>) {
        var mask = 0
        for k in 0..<4 where u[4 + k] > 0 { mask |= 1 << k }
        guard mask != 0 else { return }
        respondentsByMask[mask] += 1
        for i in 0..<8 {
            sums[i] += u[i]
            guard u[i] != 0 else { continue }
            for j in 0..<8 { cross[i * 8 + j] += u[i] * u[j] }
        }
    }

    /// Adds another group's respondents (disjoint respondents: sums add).
    public mutating func merge(_ o: IndexMoments) {
        for i in 0..<16 { respondentsByMask[i] += o.respondentsByMask[i] }
        for i in 0..<8 { sums[i] += o.sums[i] }
        for i in 0..<64 { cross[i] += o.cross[i] }
    }

    /// Answers of a measure in the group.
    public func answers(_ c: CompositeIndex.Component) -> Int { Int(sums[4 + IndexMoments.lane(c)].rounded()) }

    /// The measure's mean on 0–100; nil with no answer.
    public func mean(_ c: CompositeIndex.Component) -> Double? {
        let k = IndexMoments.lane(c)
        return sums[4 + k] > 0 ? sums[k] / sums[4 + k] : nil
    }

    /// The index in this group with its 95% interval; nil when a measure of the index has no
    /// answer here (an index over some of its measures would not be comparable).
    public func estimate(_ index: CompositeIndex) -> IndexEstimate? {
        var mask = 0
        var b = [Double](repeating: 0, count: 8)
        var value = 0.0
        var components: [IndexEstimate.Component] = []
        for (term, w) in zip(index.terms, index.normalisedWeights) {
            let k = IndexMoments.lane(term.component)
            guard let mu = mean(term.component) else { return nil }
            mask |= 1 << k
            let m = sums[4 + k]
            value += w * mu
            b[k] = w / m
            b[4 + k] = -w * mu / m
            components.append(.init(measure: term.component, weight: w, score: mu, answers: answers(term.component)))
        }
        let n = respondentsByMask.indices.reduce(0) { $0 + ($1 & mask != 0 ? respondentsByMask[$1] : 0) }
        var estimate = IndexEstimate(id: index.id, value: value, respondents: n, components: components)
        guard n > 1 else { return estimate }
        var q = 0.0
        for i in 0..<8 where b[i] != 0 {
            for j in 0..<8 where b[j] != 0 { q += b[i] * cross[i * 8 + j] * b[j] }
        }
        let nn = Double(n)
        let se = (max(0, nn / (nn - 1) * q)).squareRoot()
        let half = MetricsMath.tQuantile975(df: n - 1) * se
        estimate.standardError = se
        estimate.interval = ScoreInterval(value: value, low: max(0, value - half), high: min(100, value + half))
        return estimate
    }
}

/// A composite index measured in one group: the value on 0–100, its 95% interval, its n.
public struct IndexEstimate: Hashable, Sendable, Codable {
    /// One measure of the index as measured here.
    public struct Component: Hashable, Sendable, Codable {
        /// The measure's name (`nps`, `csat`, `ces`, `negative`).
        public var measure: String
        /// Its weight after dividing by the weights' sum.
        public var weight: Double
        /// The measure on 0–100.
        public var score: Double
        /// Answers it rests on.
        public var answers: Int
        /// A component from its parts.
        public init(measure: CompositeIndex.Component, weight: Double, score: Double, answers: Int) {
            self.measure = measure.rawValue
            self.weight = weight
            self.score = score
            self.answers = answers
        }
    }

    /// The index's id.
    public var id: String
    /// The index, 0–100.
    public var value: Double
    /// The 95% interval (t with n − 1 degrees of freedom on the linearised cluster-robust
    /// standard error, clamped to 0–100); nil with fewer than two respondents.
    public var interval: ScoreInterval?
    /// The cluster-robust standard error; nil with fewer than two respondents.
    public var standardError: Double?
    /// Respondents with an answer to at least one of the index's measures (the n).
    public var respondents: Int
    /// Each measure's share of the value, in the order written.
    public var components: [Component]

    /// An estimate from its parts.
    public init(
        id: String, value: Double, interval: ScoreInterval? = nil, standardError: Double? = nil, respondents: Int,
        components: [Component]
    ) {
        self.id = id
        self.value = value
        self.interval = interval
        self.standardError = standardError
        self.respondents = respondents
        self.components = components
    }
}
