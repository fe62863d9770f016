import JourneyCore
import JourneyFeedback

/// Key drivers of one outcome from its pairwise moments (docs/feedback.md#key-drivers):
/// pairwise correlations → Johnson (2000) relative weights → each touchpoint's share of the
/// explained outcome, with percentile intervals from a deterministic bootstrap over the
/// moments' random groups. Needs only the k×k moments, so it works the same on a streamed
/// join, on several merged files and on the SQL moments query's result.
public enum KeyDriverAnalysis {
    /// Below this many respondents (for the outcome, or for one touchpoint with the outcome)
    /// a correlation is too noisy to rank anything.
    public static let minimumRespondents = 10
    /// Bootstrap resamples for the intervals.
    public static let defaultResamples = 1000
    /// Fixed so that the same data gives the same intervals on every run (the year of
    /// Johnson's paper: any fixed value would do).
    public static let defaultSeed: UInt64 = 2000

    /// The drivers of outcome `outcomeID`; `moments.variables` are the touchpoints, then the
    /// outcome (last). nil when there is nothing to analyse: no rating column, or nobody
    /// answered the outcome. Otherwise a report, with `notes` (and no drivers) when the data
    /// cannot support a model. Never NaN: every figure is finite.
    public static func analyse(
        _ moments: DriverMoments, kind: OutcomeDeclaration.Kind, outcomeID: String,
        resamples: Int = defaultResamples, seed: UInt64 = defaultSeed
    ) -> KeyDriverReport? {
        let k = moments.k
        guard k >= 2 else { return nil }
        let y = k - 1
        let total = moments.total
        let outcomeN = Int(total.value(.n, y, y))
        guard outcomeN > 0 else { return nil }
        var report = KeyDriverReport(
            outcomeID: outcomeID, model: modelDescription(kind),
            missingRule: "pairwise deletion: each correlation uses the respondents who answered both; "
                + "a touchpoint a respondent did not rate (blank or a 'missing' value) is left out of that respondent's pairs, never counted as a rating",
            respondents: outcomeN, rSquared: nil, resamples: resamples, seed: seed, drivers: [])

        if outcomeN < minimumRespondents {
            report.notes.append("Only \(outcomeN) respondents answered \(outcomeID); key drivers need at least \(minimumRespondents).")
            report.excluded = (0..<y).map {
                ExcludedDriver(
                    touchpointID: moments.variables[$0], n: Int(total.value(.n, $0, y)), reason: "too few respondents answered the outcome")
            }
            return report
        }
        if !(PairStats(total, y, y).variance > 0) {
            // Say which answer: an outcome that is all 1 (or all 0) usually means the other
            // answer was read as "not answered", e.g. a `missing 0` meant for the ratings.
            let only = total.value(.sumI, y, y) / Double(outcomeN)
            report.notes.append(
                "Every respondent gave \(outcomeID) the same answer (\(format(only))), so nothing can explain it. "
                    + "If other answers exist in the data, check the block's `missing` codes: they apply to outcomes too.")
            report.excluded = (0..<y).map {
                ExcludedDriver(touchpointID: moments.variables[$0], n: Int(total.value(.n, $0, y)), reason: "the outcome does not vary")
            }
            return report
        }

        let (included, excluded) = selectTouchpoints(total, names: moments.variables)
        report.excluded = excluded
        guard !included.isEmpty else {
            report.notes.append("No touchpoint has enough ratings to enter the model (see excluded).")
            return report
        }
        let vars = included + [y]
        guard let point = Model(total, vars) else {
            report.notes.append("The correlations could not be computed.")  // selectTouchpoints rules this out
            return report
        }
        var pairNs: [Int] = []
        for a in 0..<vars.count { for b in (a + 1)..<vars.count { pairNs.append(Int(total.value(.n, vars[a], vars[b]))) } }
        report.smallestPairN = pairNs.min() ?? 0
        if point.weights.clippedEigenvalues > 0 {
            report.notes.append(
                "The pairwise correlation matrix had \(point.weights.clippedEigenvalues) negative eigenvalue(s) "
                    + "(smallest \(format(point.weights.smallestEigenvalue))), clipped at zero: missing ratings made some correlations inconsistent with each other."
            )
        }
        if !(point.weights.rSquared > 1e-12) {
            report.notes.append("The ratings explain none of \(outcomeID) (R² = 0): shares are reported as 0.")
        }

        // Bootstrap over the random groups that hold respondents.
        let boot = GroupBootstrap(moments: moments, vars: vars)
        report.groups = boot.groupCount
        var shareReps = [[Double]](repeating: [], count: included.count)
        var corrReps = [[Double]](repeating: [], count: included.count)
        var r2Reps: [Double] = []
        var rng = Xoshiro256(seed: seed)
        if boot.groupCount >= 2 {
            for _ in 0..<resamples {
                guard let m = boot.resample(&rng) else { continue }
                r2Reps.append(m.weights.rSquared)
                for j in included.indices {
                    shareReps[j].append(m.share(j))
                    corrReps[j].append(m.rxy[j])
                }
            }
        }
        report.resamplesUsed = r2Reps.count
        if r2Reps.count < resamples {
            report.notes.append(
                "\(resamples - r2Reps.count) of \(resamples) bootstrap resamples were left out: in them a rating or the outcome did not vary, "
                    + "or two touchpoints shared no respondent.")
        }
        func interval(_ value: Double, _ reps: [Double]) -> ScoreInterval {
            // Without resamples (fewer than two groups) the interval is the point: said in notes.
            guard !reps.isEmpty else { return ScoreInterval(value: value, low: value, high: value) }
            let (lo, hi) = Bootstrap.interval95(reps)
            return ScoreInterval(value: value, low: lo, high: hi)
        }
        if r2Reps.isEmpty { report.notes.append("No bootstrap interval: the respondents fall in fewer than two random groups.") }
        report.rSquared = interval(point.weights.rSquared, r2Reps)

        var drivers: [KeyDriver] = included.indices.map { j in
            let tp = included[j]
            return KeyDriver(
                touchpointID: moments.variables[tp], n: Int(total.value(.n, tp, y)),
                importance: interval(point.share(j), shareReps[j]),
                rawWeight: point.weights.raw[j], correlation: point.rxy[j], rank: 0,
                correlationInterval: interval(point.rxy[j], corrReps[j]))
        }
        drivers.sort { a, b in
            a.importance.value != b.importance.value ? a.importance.value > b.importance.value : a.touchpointID < b.touchpointID
        }
        for i in drivers.indices { drivers[i].rank = i + 1 }
        report.drivers = drivers
        return report
    }

    /// The drivers of every outcome the join measured, by outcome id.
    public static func all(_ m: JourneyMeasurements, resamples: Int = defaultResamples, seed: UInt64 = defaultSeed) -> [KeyDriverReport] {
        m.driverMoments.keys.sorted().compactMap { id in
            guard let moments = m.driverMoments[id] else { return nil }
            let kind = m.outcomeKinds[id] ?? .scale(Scale(min: -.infinity, max: .infinity))
            return analyse(moments, kind: kind, outcomeID: id, resamples: resamples, seed: seed)
        }
    }

    /// The drivers of every outcome within each period (issue 12): the same analysis on each
    /// period's own join (its moments, its respondents, its bootstrap), oldest period first. A
    /// period with too few respondents for a model says so in its reports' notes and exclusions,
    /// as the whole data would.
    public static func byPeriod(
        _ p: JourneyPeriods, resamples: Int = defaultResamples, seed: UInt64 = defaultSeed
    ) -> [(period: Period, reports: [KeyDriverReport])] {
        zip(p.periods, p.measurements).map { ($0, all($1, resamples: resamples, seed: seed)) }
    }

    /// How the outcome is modelled, in words (KeyDriverReport.model).
    public static func modelDescription(_ kind: OutcomeDeclaration.Kind) -> String {
        let rw = "relative weights (Johnson 2000) of a linear regression on the touchpoint ratings"
        switch kind {
        case .binary:
            return "linear probability model (binary outcome, 1 = yes, 0 = no): \(rw); "
                + "the logistic variant (Tonidandel & LeBreton 2010) is not used"
        case .nps: return "\(rw) (outcome: likelihood to recommend, 0-10)"
        case .scale(let s) where s.min.isFinite && s.max.isFinite: return "\(rw) (outcome: rating \(format(s.min))-\(format(s.max)))"
        case .scale: return "\(rw) (numeric outcome)"
        }
    }

    /// Touchpoints that can enter the model: rated with the outcome by enough respondents, a
    /// rating that varies, and a shared respondent with every other entering touchpoint. When
    /// two touchpoints share too few respondents, the one fewer respondents rated leaves.
    static func selectTouchpoints(_ total: DriverMoments.Sums, names: [String]) -> (included: [Int], excluded: [ExcludedDriver]) {
        let y = total.k - 1
        var included: [Int] = []
        var excluded: [ExcludedDriver] = []
        func n(_ j: Int) -> Int { Int(total.value(.n, j, y)) }
        for j in 0..<y {
            let nj = n(j)
            let pair = PairStats(total, j, y)
            if nj == 0 {
                excluded.append(ExcludedDriver(touchpointID: names[j], n: 0, reason: "nobody who answered the outcome rated it"))
            } else if nj < minimumRespondents {
                excluded.append(
                    ExcludedDriver(
                        touchpointID: names[j], n: nj,
                        reason: "only \(nj) respondents rated it and answered the outcome (at least \(minimumRespondents) needed)"))
            } else if !(pair.varianceI > 0) {
                excluded.append(ExcludedDriver(touchpointID: names[j], n: nj, reason: "every respondent gave it the same rating"))
            } else if !(pair.varianceJ > 0) {
                excluded.append(
                    ExcludedDriver(touchpointID: names[j], n: nj, reason: "everyone who rated it gave the outcome the same answer"))
            } else {
                included.append(j)
            }
        }
        while let (a, b) = firstBadPair(total, included) {
            let drop = n(a) < n(b) || (n(a) == n(b) && a > b) ? a : b
            let other = drop == a ? b : a
            let shared = Int(total.value(.n, a, b))
            included.removeAll { $0 == drop }
            let why =
                shared < 2
                ? "only \(shared) respondent(s) rated both it and \(names[other])"
                : "its ratings do not vary among the respondents who also rated \(names[other])"
            excluded.append(ExcludedDriver(touchpointID: names[drop], n: n(drop), reason: why))
        }
        excluded.sort { (names.firstIndex(of: $0.touchpointID) ?? 0) < (names.firstIndex(of: $1.touchpointID) ?? 0) }
        return (included, excluded)
    }

    private static func firstBadPair(_ s: DriverMoments.Sums, _ vars: [Int]) -> (Int, Int)? {
        for a in vars.indices {
            for b in (a + 1)..<vars.count where !PairStats(s, vars[a], vars[b]).correlates {
                return (vars[a], vars[b])
            }
        }
        return nil
    }

    static func format(_ x: Double) -> String {
        let r = (x * 10_000).rounded() / 10_000
        if r == r.rounded() { return "\(Int(r))" }
        return "\(r)"
    }
}

/// Pearson correlation of one pair from its sums over the respondents who answered both.
struct PairStats {
    let n, sx, sy, sxx, syy, sxy: Double
    init(_ s: DriverMoments.Sums, _ i: Int, _ j: Int) {
        // The sums store the lower index first (i ≤ j): swap the roles when i > j.
        let lo = min(i, j), hi = max(i, j)
        n = s.value(.n, lo, hi)
        let a = s.value(.sumI, lo, hi), b = s.value(.sumJ, lo, hi)
        let aa = s.value(.sumII, lo, hi), bb = s.value(.sumJJ, lo, hi)
        sx = i <= j ? a : b; sy = i <= j ? b : a
        sxx = i <= j ? aa : bb; syy = i <= j ? bb : aa
        sxy = s.value(.sumIJ, lo, hi)
    }
    /// n² times the variances and covariance: the 1/n² cancels in the correlation, and
    /// subtracting products of integers-valued sums keeps full precision for ratings.
    var varianceI: Double { n * sxx - sx * sx }
    var varianceJ: Double { n * syy - sy * sy }
    var variance: Double { varianceI }
    var correlates: Bool { n >= 2 && varianceI > 0 && varianceJ > 0 }
    var correlation: Double {
        let r = (n * sxy - sx * sy) / (varianceI * varianceJ).squareRoot()
        return min(1, max(-1, r))
    }
}

/// One fit: correlations of the chosen variables (touchpoints, outcome last) and their weights.
struct Model {
    let rxy: [Double]
    let weights: RelativeWeights

    init?(_ s: DriverMoments.Sums, _ vars: [Int]) {
        let p = vars.count - 1, y = vars[p]
        var rxx = [Double](repeating: 0, count: p * p)
        var rxy = [Double](repeating: 0, count: p)
        for a in 0..<p {
            rxx[a * p + a] = 1
            let py = PairStats(s, vars[a], y)
            guard py.correlates else { return nil }
            rxy[a] = py.correlation
            for b in (a + 1)..<max(a + 1, p) {
                let ab = PairStats(s, vars[a], vars[b])
                guard ab.correlates else { return nil }
                rxx[a * p + b] = ab.correlation
                rxx[b * p + a] = ab.correlation
            }
        }
        self.rxy = rxy
        weights = RelativeWeights(rxx: rxx, rxy: rxy)
    }

    /// Share of the explained outcome, percent; 0 when nothing is explained.
    func share(_ j: Int) -> Double {
        weights.rSquared > 1e-12 ? 100 * weights.raw[j] / weights.rSquared : 0
    }
}

/// Resamples the random groups that hold respondents, with replacement, as many as there are
/// (the random-group bootstrap: each group is an independent random share of the respondents).
struct GroupBootstrap {
    let vars: [Int]
    let k: Int
    /// Per non-empty group: the sums of the pairs among `vars` (a compact copy, so a resample
    /// adds up only what the model reads).
    private let compact: [[Double]]
    private let pairIndex: [Int]  // flat Sums index of each compact slot (block × k² + i·k + j)
    var groupCount: Int { compact.count }

    init(moments: DriverMoments, vars: [Int]) {
        self.vars = vars
        k = moments.k
        var idx: [Int] = []
        for b in DriverMoments.Sums.Block.allCases {
            for a in vars.indices {
                for c in a..<vars.count {
                    let i = min(vars[a], vars[c]), j = max(vars[a], vars[c])
                    idx.append(b.rawValue * k * k + i * k + j)
                }
            }
        }
        pairIndex = idx
        compact = moments.groups.filter { $0.respondents > 0 }.map { g in idx.map { g.values[$0] } }
    }

    /// One resample's model, or nil when a pair cannot be correlated in it.
    func resample(_ rng: inout Xoshiro256) -> Model? {
        let m = compact.count
        var counts = [Int](repeating: 0, count: m)
        for _ in 0..<m { counts[rng.below(m)] += 1 }
        var acc = [Double](repeating: 0, count: pairIndex.count)
        for g in 0..<m where counts[g] > 0 {
            let c = Double(counts[g])
            let row = compact[g]
            for p in acc.indices { acc[p] += c * row[p] }
        }
        var sums = DriverMoments.Sums(k: k)
        for (slot, flat) in pairIndex.enumerated() { sums.values[flat] = acc[slot] }
        return Model(sums, vars)
    }
}
