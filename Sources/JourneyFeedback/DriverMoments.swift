/// Pairwise moments of k variables per respondent (the touchpoint ratings, then the outcome
/// last): everything key-driver analysis needs (docs/feedback.md#key-drivers). For each pair
/// (i, j) over the respondents who answered both: n, Σxᵢ, Σxⱼ, Σxᵢ², Σxⱼ², Σxᵢxⱼ. Memory is
/// O(k² · groups), independent of the number of respondents.
///
/// Respondents are spread over `groupCount` random groups by a hash of a stable key (their
/// position in the data, or their id), so a bootstrap can resample groups instead of
/// respondents without keeping them (the random-group method, Wolter 2007, ch. 2). With
/// fewer respondents than groups each group holds at most one respondent, and the
/// resampling is the plain respondent bootstrap.
public struct DriverMoments: Hashable, Sendable {
    /// Sums for one set of respondents over the upper triangle of a k×k matrix (i ≤ j), kept
    /// in one flat array: six k×k blocks n, Σxᵢ, Σxⱼ, Σxᵢ², Σxⱼ², Σxᵢxⱼ (pair p = i·k + j).
    public struct Sums: Hashable, Sendable {
        /// The six figures kept for each pair: n, Σxᵢ, Σxⱼ, Σxᵢ², Σxⱼ², Σxᵢxⱼ.
        public enum Block: Int, CaseIterable, Sendable { case n, sumI, sumJ, sumII, sumJJ, sumIJ }
        /// The number of variables.
        public let k: Int
        /// The six k×k blocks, flat (only i ≤ j is used).
        public var values: [Double]
        /// Respondents that contributed at least one value.
        public var respondents: Int = 0

        /// Zero sums for `k` variables.
        public init(k: Int) {
            self.k = k
            values = [Double](repeating: 0, count: 6 * k * k)
        }

        /// One figure of pair (i, j), i ≤ j.
        public func value(_ b: Block, _ i: Int, _ j: Int) -> Double {
            values[b.rawValue * k * k + min(i, j) * k + max(i, j)]
        }

        /// Sets one figure of pair (i, j); the order of i and j does not matter.
        public mutating func set(_ b: Block, _ i: Int, _ j: Int, _ v: Double) {
            values[b.rawValue * k * k + min(i, j) * k + max(i, j)] = v
        }

        /// Adds the sums of another, disjoint set of respondents.
        public mutating func merge(_ o: Sums) {
            for p in values.indices { values[p] += o.values[p] }
            respondents += o.respondents
        }
    }

    /// Variable names: touchpoint ids in declaration order, the outcome id last.
    public let variables: [String]
    /// The random groups; their sum is `total`.
    public private(set) var groups: [Sums]

    /// The number of random groups (enough for a bootstrap of the groups; docs/feedback.md).
    public static let groupCount = 200

    /// The number of variables (touchpoints and the outcome).
    public var k: Int { variables.count }

    /// Empty moments for `variables`, spread over `groupCount` groups.
    public init(variables: [String], groupCount: Int = DriverMoments.groupCount) {
        self.variables = variables
        groups = Array(repeating: Sums(k: variables.count), count: groupCount)
    }

    /// All respondents together.
    public var total: Sums {
        var t = Sums(k: k)
        for g in groups { t.merge(g) }
        return t
    }

    /// Adds one respondent: `values[i]` is variable i, NaN when not answered. `key` is stable
    /// for the respondent (its first line in the data, or a hash of its id) and picks its group.
    public mutating func add(_ values: UnsafeBufferPointer<Double>, key: UInt64) {
        precondition(values.count == k, "one value per variable")
        let g = Int(DriverMoments.mix(key) % UInt64(groups.count))
        var any = false
        let k = self.k, kk = k * k
        groups[g].values.withUnsafeMutableBufferPointer { v in
            for i in 0..<k {
                let x = values[i]
                guard !x.isNaN else { continue }
                any = true
                let row = i * k
                for j in i..<k {
                    let y = values[j]
                    guard !y.isNaN else { continue }
                    let p = row + j
                    v[p] += 1
                    v[kk + p] += x
                    v[2 * kk + p] += y
                    v[3 * kk + p] += x * x
                    v[4 * kk + p] += y * y
                    v[5 * kk + p] += x * y
                }
            }
        }
        if any { groups[g].respondents += 1 }
    }

    /// Convenience for tests and small inputs.
    public mutating func add(_ values: [Double], key: UInt64) {
        values.withUnsafeBufferPointer { add($0, key: key) }
    }

    /// Adds pre-aggregated sums (e.g. a row of the SQL moments query) to group `group`.
    public mutating func add(_ sums: Sums, group: Int) {
        groups[group % groups.count].merge(sums)
    }

    /// Merges another accumulator over the same variables (parallel or multi-file joins).
    public mutating func merge(_ o: DriverMoments) {
        precondition(o.variables == variables && o.groups.count == groups.count)
        for g in groups.indices { groups[g].merge(o.groups[g]) }
    }

    /// SplitMix64's finaliser: spreads consecutive keys evenly over the groups.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
