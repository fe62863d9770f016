import JourneyCore
import JourneyFeedback

/// A figure that change detection compares: one of the standard measures, or a composite
/// index declared in the journey (docs/feedback.md#composite-indices), named by its id.
public enum ChangeMetric: Hashable, Sendable, Codable, Comparable {
    case nps
    case csatTopBox
    case csatMean
    case cesMean
    case negativeShare
    /// A composite index (`index chi … = …`) by its id: 0–100, higher is better.
    case index(String)

    /// The standard measures, in report order; a pair's indices follow them, by id.
    public static let measures: [ChangeMetric] = [.nps, .csatTopBox, .csatMean, .cesMean, .negativeShare]

    /// The name in JSON and diagnostics: `nps`, `csat-top-box`, … or the index's id.
    public var rawValue: String {
        switch self {
        case .nps: "nps"
        case .csatTopBox: "csat-top-box"
        case .csatMean: "csat-mean"
        case .cesMean: "ces-mean"
        case .negativeShare: "negative-share"
        case .index(let id): id
        }
    }

    /// How reports name it (an index by its id in capitals, as the map writes it: "CHI").
    public var title: String {
        switch self {
        case .nps: return "NPS"
        case .csatTopBox: return "CSAT top-box"
        case .csatMean: return "CSAT mean"
        case .cesMean: return "CES mean"
        case .negativeShare: return "negative share"
        case .index(let id): return id.uppercased()
        }
    }

    /// The unit of a difference: NPS points, percentage points, or the scale's own units
    /// (an index's 0–100 points).
    public var unit: String {
        switch self {
        case .nps, .index: return ""
        case .csatTopBox, .negativeShare: return " pp"
        case .csatMean, .cesMean: return ""
        }
    }

    /// Encoded as its name (`"nps"`, `"chi"`).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    /// A standard measure's name, else an index id.
    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        self = Self.measures.first { $0.rawValue == name } ?? .index(name)
    }

    /// The standard measures in declaration order, then indices by id.
    public static func < (a: ChangeMetric, b: ChangeMetric) -> Bool {
        switch (a, b) {
        case (.index(let x), .index(let y)): return x < y
        case (.index, _): return false
        case (_, .index): return true
        default: return measures.firstIndex(of: a)! < measures.firstIndex(of: b)!
        }
    }
}

/// How the p-values of one report's comparisons are corrected for their number.
public enum MultipleComparison: String, Hashable, Sendable, Codable, CaseIterable {
    /// Holm (1979): step-down Bonferroni; controls the family-wise error rate under any
    /// dependence between the tests (consecutive comparisons share a period, touchpoints
    /// share respondents). The default.
    case holm
    /// Benjamini & Hochberg (1995): controls the false-discovery rate (valid under
    /// independence or positive dependence); more power when many changes are real.
    case benjaminiHochberg = "benjamini-hochberg"
    /// No correction (one planned comparison).
    case none
}

/// One comparison of one figure between two groups of responses (two periods, or a baseline
/// and the current data): both figures with their intervals and n, the difference with its
/// own 95% interval, and the p-value before and after the many-comparisons correction.
public struct MetricChange: Hashable, Sendable, Codable {
    /// Journey, stage or touchpoint.
    public var scope: PeriodScope
    /// The figure compared.
    public var metric: ChangeMetric
    /// The earlier side's label: a period (`2015-08`) or a baseline's name.
    public var from: String
    /// The later side's label.
    public var to: String
    /// The earlier figure with its interval.
    public var before: ScoreInterval
    /// Answers behind `before` (respondents when the data has them).
    public var nBefore: Int
    /// The later figure with its interval.
    public var after: ScoreInterval
    /// Answers behind `after`.
    public var nAfter: Int
    /// after − before, with its 95% interval (unadjusted; `significant` is the adjusted decision).
    public var difference: ScoreInterval
    /// The test's two-sided p-value.
    public var pValue: Double
    /// The p-value after the correction for the number of comparisons.
    public var adjustedP: Double
    /// The adjusted p-value is below the level (then the 95% interval also excludes 0).
    public var significant: Bool
    /// The later figure is the worse one (lower NPS or CSAT, higher negative share, more effort).
    public var isWorse: Bool
    /// The test: "adjusted Wald", "Agresti–Caffo", "Welch t", "cluster-robust".
    public var method: String

    /// Significantly worse: what `check --fail-on regressions` fails on.
    public var isRegression: Bool { significant && isWorse }
}

/// Every comparison of one run with the correction applied.
public struct ChangeReport: Hashable, Sendable, Codable {
    /// Every comparison tested, in scope, metric and period order.
    public var tests: [MetricChange]
    /// The correction applied to `tests` as one family.
    public var correction: MultipleComparison
    /// The significance level (0.05).
    public var level: Double
    /// Comparisons not made because a side had fewer answers than the small-sample threshold.
    public var skippedTooFew: Int
    /// The significant changes, largest adjusted evidence first (then scope and metric order).
    public var significant: [MetricChange] {
        tests.filter(\.significant).sorted {
            $0.adjustedP != $1.adjustedP ? $0.adjustedP < $1.adjustedP : ($0.scope, $0.metric, $0.to) < ($1.scope, $1.metric, $1.to)
        }
    }
    /// The significant changes for the worse.
    public var regressions: [MetricChange] { significant.filter(\.isWorse) }
    /// "NPS, CSAT, CES and negative share", with the compared indices named ("…, negative
    /// share and the index CHI"): what the comparisons were of, for summaries.
    public var figuresCompared: String {
        var ids: [String] = []
        for t in tests { if case .index(let id) = t.metric, !ids.contains(id) { ids.append(id) } }
        guard !ids.isEmpty else { return "NPS, CSAT, CES and negative share" }
        return "NPS, CSAT, CES, negative share and the \(ids.count == 1 ? "index" : "indices") "
            + ids.map { $0.uppercased() }.joined(separator: ", ")
    }
    /// An empty report.
    public init(tests: [MetricChange] = [], correction: MultipleComparison = .holm, level: Double = 0.05, skippedTooFew: Int = 0) {
        self.tests = tests
        self.correction = correction
        self.level = level
        self.skippedTooFew = skippedTooFew
    }
}

/// Settings of change detection.
public struct ChangeSettings: Hashable, Sendable, Codable {
    /// Significance level after correction.
    public var level = 0.05
    /// The many-comparisons correction.
    public var correction = MultipleComparison.holm
    /// A side with fewer answers for a figure than this is not compared (small sample).
    public var minimumN = 30
    /// CES: a lower answer is less effort, hence better (the default scale's direction).
    public var cesLowerIsBetter = true
    /// The defaults: 5%, Holm, 30 answers.
    public init() {}
}

/// Significant changes: compares figures between two groups of responses with the
/// difference's own interval, and corrects for the number of comparisons
/// (docs/feedback.md#trends-and-changes states each method and its reference).
public enum ChangeDetection {
    /// One pair of groups to compare for one scope.
    public struct Pair: Sendable {
        /// Journey, stage or touchpoint.
        public var scope: PeriodScope
        /// The earlier side's label.
        public var from: String
        /// The later side's label.
        public var to: String
        /// The earlier side's metrics.
        public var before: Metrics
        /// The later side's metrics.
        public var after: Metrics
        /// A pair from its parts.
        public init(scope: PeriodScope, from: String, to: String, before: Metrics, after: Metrics) {
            self.scope = scope
            self.from = from
            self.to = to
            self.before = before
            self.after = after
        }
    }

    /// Tests every figure of every pair and corrects the whole family at once.
    public static func compare(_ pairs: [Pair], settings: ChangeSettings = ChangeSettings()) -> ChangeReport {
        var tests: [MetricChange] = []
        var skipped = 0
        for pair in pairs {
            // The indices both sides measure, by id, after the standard measures: one family.
            let indices = Set(pair.before.indices.keys).intersection(pair.after.indices.keys).sorted().map(ChangeMetric.index)
            for metric in ChangeMetric.measures + indices {
                switch test(metric, pair, settings: settings) {
                case .tested(let c): tests.append(c)
                case .tooFew: skipped += 1
                case .absent: break
                }
            }
        }
        let adjusted = adjust(tests.map(\.pValue), settings.correction)
        for i in tests.indices {
            tests[i].adjustedP = adjusted[i]
            tests[i].significant = adjusted[i] < settings.level
        }
        return ChangeReport(tests: tests, correction: settings.correction, level: settings.level, skippedTooFew: skipped)
    }

    /// Each period against the one before it, for the journey, every stage and every
    /// touchpoint; with `baseline` (an index into `periods.periods`), also every later period
    /// against that one. One family for the correction.
    public static func periods(_ p: JourneyPeriods, baseline: Int? = nil, settings: ChangeSettings = ChangeSettings()) -> ChangeReport {
        var pairs: [Pair] = []
        for series in p.allSeries {
            var compared = Set<[Int]>()
            for i in p.periods.indices.dropFirst() { compared.insert([i - 1, i]) }
            if let b = baseline, p.periods.indices.contains(b) {
                for i in p.periods.indices where i > b { compared.insert([b, i]) }
            }
            for ab in compared.sorted(by: { ($0[1], $0[0]) < ($1[1], $1[0]) }) {
                guard let before = p.metrics(series.scope, at: ab[0]), let after = p.metrics(series.scope, at: ab[1]) else { continue }
                pairs.append(
                    Pair(scope: series.scope, from: p.periods[ab[0]].label, to: p.periods[ab[1]].label, before: before, after: after))
            }
        }
        return compare(pairs, settings: settings)
    }

    /// A baseline's measurements against the current ones (`check --baseline`, `diff` of two
    /// feedback snapshots): the journey, each stage and each touchpoint of `journey`.
    public static func between(
        _ old: JourneyMeasurements, _ new: JourneyMeasurements, journey: Journey, from: String, to: String,
        settings: ChangeSettings = ChangeSettings()
    ) -> ChangeReport {
        var pairs: [Pair] = []
        if old.journey.responses > 0, new.journey.responses > 0 {
            pairs.append(Pair(scope: PeriodScope(.journey, journey.id), from: from, to: to, before: old.journey, after: new.journey))
        }
        for stage in journey.stages {
            if let a = old.byStage[stage.id], let b = new.byStage[stage.id] {
                pairs.append(Pair(scope: PeriodScope(.stage, stage.id), from: from, to: to, before: a, after: b))
            }
        }
        for tp in journey.touchpoints {
            if let a = old.byTouchpoint[tp.id], let b = new.byTouchpoint[tp.id] {
                pairs.append(Pair(scope: PeriodScope(.touchpoint, tp.id), from: from, to: to, before: a, after: b))
            }
        }
        return compare(pairs, settings: settings)
    }

    enum Outcome {
        case tested(MetricChange)
        case tooFew
        case absent
    }

    /// One figure of one pair: the difference, its interval and p-value (unadjusted).
    static func test(_ metric: ChangeMetric, _ pair: Pair, settings: ChangeSettings) -> Outcome {
        let a = pair.before, b = pair.after
        guard let fa = figure(metric, a), let fb = figure(metric, b) else { return .absent }
        let na = count(metric, a), nb = count(metric, b)
        guard na >= settings.minimumN, nb >= settings.minimumN else { return .tooFew }
        guard let d = difference(metric, a, b) else { return .absent }
        let higherIsBetter: Bool
        switch metric {
        case .nps, .csatTopBox, .csatMean, .index: higherIsBetter = true
        case .negativeShare: higherIsBetter = false
        case .cesMean: higherIsBetter = !settings.cesLowerIsBetter
        }
        let delta = fb.value - fa.value
        let change = MetricChange(
            scope: pair.scope, metric: metric, from: pair.from, to: pair.to, before: fa, nBefore: na, after: fb, nAfter: nb,
            difference: ScoreInterval(value: delta, low: d.low, high: d.high), pValue: d.p, adjustedP: d.p, significant: false,
            isWorse: higherIsBetter ? delta < 0 : delta > 0, method: d.method)
        return .tested(change)
    }

    static func figure(_ metric: ChangeMetric, _ m: Metrics) -> ScoreInterval? {
        switch metric {
        case .nps: return m.nps
        case .csatTopBox: return m.csatTopBox
        case .csatMean: return m.csatMeanInterval
        case .cesMean: return m.cesMeanInterval
        case .negativeShare: return m.negativeShare
        case .index(let id):
            // The comparison needs the index's standard error, so an index of one respondent is not compared.
            guard let e = m.indices[id], let i = e.interval, e.standardError != nil else { return nil }
            return ScoreInterval(value: e.value, low: i.low, high: i.high)
        }
    }

    /// The n of a figure: respondents with an answer when clustered, else answers.
    static func count(_ metric: ChangeMetric, _ m: Metrics) -> Int {
        let e = clusterError(metric, m)
        switch metric {
        case .nps: return e?.respondents ?? m.npsCount
        case .csatTopBox, .csatMean: return e?.respondents ?? m.csatCount
        case .cesMean: return e?.respondents ?? m.cesCount
        case .negativeShare: return e?.respondents ?? m.sentimentTotal
        case .index(let id): return m.indices[id]?.respondents ?? 0
        }
    }

    static func clusterError(_ metric: ChangeMetric, _ m: Metrics) -> ClusterError? {
        switch metric {
        case .nps: return m.clusterErrors.nps
        case .csatTopBox: return m.clusterErrors.csatTopBox
        case .csatMean: return m.clusterErrors.csatMean
        case .cesMean: return m.clusterErrors.cesMean
        case .negativeShare: return m.clusterErrors.negativeShare
        case .index: return nil
        }
    }

    struct Difference {
        var low: Double
        var high: Double
        var p: Double
        var method: String
    }

    /// The interval of b − a and the two-sided p-value of "no difference".
    static func difference(_ metric: ChangeMetric, _ a: Metrics, _ b: Metrics) -> Difference? {
        let z = MetricsMath.z
        if case .index(let id) = metric { return indexDifference(id, a, b) }
        let ea = clusterError(metric, a), eb = clusterError(metric, b)
        if ea != nil || eb != nil {
            // Cluster-robust (respondents answered several touchpoints): each side's ratio
            // estimator's standard error; a t reference with the smaller side's respondents − 1.
            guard let fa = figure(metric, a), let fb = figure(metric, b),
                let sa = ea?.standardError ?? independentSE(metric, a), let sb = eb?.standardError ?? independentSE(metric, b)
            else { return nil }
            let se = (sa * sa + sb * sb).squareRoot()
            let df = Double(max(1, min(count(metric, a), count(metric, b)) - 1))
            let diff = fb.value - fa.value
            guard se > 0 else { return nil }
            let half = MetricsMath.tQuantile(0.975, df: df) * se
            return Difference(low: diff - half, high: diff + half, p: MetricsMath.tTwoSidedP(diff / se, df: df), method: "cluster-robust")
        }
        switch metric {
        case .nps:
            // Adjusted Wald for the difference of two NPS (MeasuringU): each side's n + 3,
            // P + ¾, D + ¾; the variances add.
            func adjusted(_ m: Metrics) -> (Double, Double) {
                let n1 = Double(m.npsCount) + 3
                let p = (Double(m.promoters) + 0.75) / n1, d = (Double(m.detractors) + 0.75) / n1
                return (100 * (p - d), 100 * 100 * (p + d - (p - d) * (p - d)) / n1)
            }
            let (va, vara) = adjusted(a), (vb, varb) = adjusted(b)
            let se = (vara + varb).squareRoot()
            let centre = vb - va
            return Difference(
                low: max(-200, centre - z * se), high: min(200, centre + z * se), p: MetricsMath.normalTwoSidedP(centre / se),
                method: "adjusted Wald")
        case .csatTopBox, .negativeShare:
            // Agresti–Caffo: one success and one failure added to each side.
            guard let (ka, na) = successes(metric, a), let (kb, nb) = successes(metric, b) else { return nil }
            let pa = (Double(ka) + 1) / (Double(na) + 2), pb = (Double(kb) + 1) / (Double(nb) + 2)
            let se = (pa * (1 - pa) / (Double(na) + 2) + pb * (1 - pb) / (Double(nb) + 2)).squareRoot()
            let centre = pb - pa
            return Difference(
                low: 100 * (centre - z * se), high: 100 * (centre + z * se), p: MetricsMath.normalTwoSidedP(centre / se),
                method: "Agresti–Caffo")
        case .csatMean, .cesMean:
            // Welch: unequal variances, Welch–Satterthwaite degrees of freedom.
            guard let fa = figure(metric, a), let fb = figure(metric, b), let sa = independentSE(metric, a),
                let sb = independentSE(metric, b)
            else { return nil }
            let na = Double(count(metric, a)), nb = Double(count(metric, b))
            let va = sa * sa, vb = sb * sb
            let se = (va + vb).squareRoot()
            guard se > 0 else { return nil }
            let df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1))
            let diff = fb.value - fa.value
            let half = MetricsMath.tQuantile(0.975, df: df) * se
            return Difference(low: diff - half, high: diff + half, p: MetricsMath.tTwoSidedP(diff / se, df: df), method: "Welch t")
        case .index: return nil
        }
    }

    /// A composite index's difference between two independent samples: each side's
    /// respondent-clustered delta-method standard error (IndexMoments), the variances added,
    /// and a t reference with the smaller side's respondents − 1 (as the cluster-robust
    /// comparison of single measures; docs/feedback.md#composite-indices).
    static func indexDifference(_ id: String, _ a: Metrics, _ b: Metrics) -> Difference? {
        guard let ea = a.indices[id], let eb = b.indices[id], let sa = ea.standardError, let sb = eb.standardError else { return nil }
        let se = (sa * sa + sb * sb).squareRoot()
        guard se > 0 else { return nil }
        let df = Double(max(1, min(ea.respondents, eb.respondents) - 1))
        let diff = eb.value - ea.value
        let half = MetricsMath.tQuantile(0.975, df: df) * se
        return Difference(low: diff - half, high: diff + half, p: MetricsMath.tTwoSidedP(diff / se, df: df), method: "delta method")
    }

    /// The independent standard error of one side's figure, on the reported scale.
    static func independentSE(_ metric: ChangeMetric, _ m: Metrics) -> Double? {
        switch metric {
        case .nps:
            guard m.npsCount > 0 else { return nil }
            let n1 = Double(m.npsCount) + 3
            let p = (Double(m.promoters) + 0.75) / n1, d = (Double(m.detractors) + 0.75) / n1
            return 100 * ((p + d - (p - d) * (p - d)) / n1).squareRoot()
        case .csatTopBox, .negativeShare:
            guard let (k, n) = successes(metric, m), n > 0 else { return nil }
            let p = (Double(k) + 1) / (Double(n) + 2)
            return 100 * (p * (1 - p) / (Double(n) + 2)).squareRoot()
        case .csatMean, .cesMean:
            // The t interval is mean ± t(0.975, n−1)·s/√n: its half-width gives s/√n back.
            guard let f = figure(metric, m) else { return nil }
            let n = count(metric, m)
            guard n > 1 else { return nil }
            return (f.high - f.low) / 2 / MetricsMath.tQuantile975(df: n - 1)
        case .index(let id): return m.indices[id]?.standardError
        }
    }

    /// Successes and trials of a share: top-two-box answers of CSAT, negative sentiments.
    static func successes(_ metric: ChangeMetric, _ m: Metrics) -> (Int, Int)? {
        switch metric {
        case .csatTopBox:
            guard let t = m.csatTopBox, m.csatCount > 0 else { return nil }
            return (Int((t.value * Double(m.csatCount) / 100).rounded()), m.csatCount)
        case .negativeShare:
            guard m.sentimentTotal > 0 else { return nil }
            return (m.sentimentCounts[.negative] ?? 0, m.sentimentTotal)
        default: return nil
        }
    }

    /// Adjusted p-values (each at most 1), in the order given.
    public static func adjust(_ p: [Double], _ method: MultipleComparison) -> [Double] {
        let m = p.count
        guard m > 0 else { return [] }
        let order = p.indices.sorted { p[$0] != p[$1] ? p[$0] < p[$1] : $0 < $1 }
        var out = Array(repeating: 1.0, count: m)
        switch method {
        case .none:
            return p.map { min(1, $0) }
        case .holm:
            // Step-down: p(k)·(m − k + 1), made monotone upward.
            var running = 0.0
            for (k, i) in order.enumerated() {
                running = max(running, min(1, p[i] * Double(m - k)))
                out[i] = running
            }
        case .benjaminiHochberg:
            // Step-up: p(k)·m/k, made monotone downward from the largest.
            var running = 1.0
            for (k, i) in order.enumerated().reversed() {
                running = min(running, p[i] * Double(m) / Double(k + 1))
                out[i] = min(1, running)
            }
        }
        return out
    }
}
