/// What a period series describes: the whole journey, one stage or one touchpoint.
public struct PeriodScope: Hashable, Comparable, Sendable, Codable {
    /// The level of the scope.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case journey, stage, touchpoint
    }
    /// Journey, stage or touchpoint.
    public var kind: Kind
    /// The stage or touchpoint id; the journey's id for `.journey`.
    public var id: String
    /// A scope from its parts.
    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }
    /// Journey first, then stages, then touchpoints; by id within a level.
    public static func < (a: PeriodScope, b: PeriodScope) -> Bool {
        let order: [Kind] = [.journey, .stage, .touchpoint]
        let (x, y) = (order.firstIndex(of: a.kind)!, order.firstIndex(of: b.kind)!)
        return x != y ? x < y : a.id < b.id
    }
}

/// One period's figures for one scope. Every figure carries its count and its 95% interval;
/// a period with no answers has n = 0 and no figures, and one below the small-sample threshold
/// is marked `tooFew` (shown with its n, never hidden).
public struct PeriodFigures: Hashable, Sendable, Codable {
    /// The period.
    public var period: Period
    /// Distinct respondents (equal to `responses` for long data without a respondent column).
    public var n: Int
    /// Answers joined in this period.
    public var responses: Int
    /// NPS answers.
    public var npsCount: Int
    /// NPS −100…100 with its interval (adjusted Wald, or cluster-robust for respondent data).
    public var nps: ScoreInterval?
    /// CSAT answers.
    public var csatCount: Int
    /// Top-two-box CSAT in percent, with its interval.
    public var csatTopBox: ScoreInterval?
    /// The CSAT mean on its scale, with its t interval (nil from aggregate data, which has no spread).
    public var csatMean: ScoreInterval?
    /// CES answers.
    public var cesCount: Int
    /// The CES mean on its scale, with its t interval.
    public var cesMean: ScoreInterval?
    /// Responses with a sentiment.
    public var sentimentCount: Int
    /// Share of negative sentiment in percent, with its interval.
    public var negativeShare: ScoreInterval?
    /// n is below the small-sample threshold: shown, but not compared.
    public var tooFew: Bool

    /// A period's figures taken from its joined metrics (nil metrics: an empty period).
    public init(period: Period, metrics m: Metrics?, smallSample: Int) {
        self.period = period
        n = m?.respondents ?? 0
        responses = m?.responses ?? 0
        npsCount = m?.npsCount ?? 0
        nps = m?.nps
        csatCount = m?.csatCount ?? 0
        csatTopBox = m?.csatTopBox
        csatMean = m?.csatMeanInterval
        cesCount = m?.cesCount ?? 0
        cesMean = m?.cesMeanInterval
        sentimentCount = m?.sentimentTotal ?? 0
        negativeShare = m?.negativeShare
        tooFew = n < smallSample
    }
}

/// A scope's figures in every period, oldest first (empty periods included).
public struct PeriodSeries: Hashable, Sendable, Codable {
    /// Journey, stage or touchpoint.
    public var scope: PeriodScope
    /// One entry per period of `JourneyPeriods.periods`, in the same order.
    public var points: [PeriodFigures]
    /// A series from its parts.
    public init(scope: PeriodScope, points: [PeriodFigures]) {
        self.scope = scope
        self.points = points
    }
}

/// A journey's feedback grouped by period: the periods from the first dated response to the
/// last, each with the full joined metrics (for change detection) and the per-scope series.
public struct JourneyPeriods: Hashable, Sendable {
    /// The period length used.
    public var unit: PeriodUnit
    /// Every period from the first dated response's to the last's, oldest first.
    public var periods: [Period]
    /// Per period (same order as `periods`): the join of that period's responses alone.
    public var measurements: [JourneyMeasurements]
    /// The journey's series.
    public var journey: PeriodSeries
    /// Per stage id.
    public var byStage: [String: PeriodSeries]
    /// Per touchpoint id.
    public var byTouchpoint: [String: PeriodSeries]
    /// Used answers (ratings) with no date: counted in the journey's overall figures, in no
    /// period. Never dropped silently: reports show this count.
    public var undated: Int
    /// Used respondents (rows of data without a respondent column) with no date.
    public var undatedRespondents: Int
    /// The small-sample threshold the `tooFew` marks use.
    public var smallSample: Int

    /// The series of a scope, if it has data in some period.
    public func series(_ scope: PeriodScope) -> PeriodSeries? {
        switch scope.kind {
        case .journey: return journey
        case .stage: return byStage[scope.id]
        case .touchpoint: return byTouchpoint[scope.id]
        }
    }

    /// Every series: journey, stages, touchpoints (sorted by `PeriodScope`).
    public var allSeries: [PeriodSeries] {
        [journey] + byStage.values.sorted { $0.scope < $1.scope } + byTouchpoint.values.sorted { $0.scope < $1.scope }
    }

    /// The metrics of one scope in period `index` (nil when it had no answers).
    public func metrics(_ scope: PeriodScope, at index: Int) -> Metrics? {
        guard measurements.indices.contains(index) else { return nil }
        let m = measurements[index]
        switch scope.kind {
        case .journey: return m.journey.responses > 0 ? m.journey : nil
        case .stage: return m.byStage[scope.id]
        case .touchpoint: return m.byTouchpoint[scope.id]
        }
    }

    /// A grouping from its parts (FeedbackPeriods.run builds it from the data).
    public init(
        unit: PeriodUnit, periods: [Period], measurements: [JourneyMeasurements], journeyID: String,
        undated: Int, undatedRespondents: Int, smallSample: Int
    ) {
        self.unit = unit
        self.periods = periods
        self.measurements = measurements
        self.undated = undated
        self.undatedRespondents = undatedRespondents
        self.smallSample = smallSample
        func series(_ scope: PeriodScope, _ pick: (JourneyMeasurements) -> Metrics?) -> PeriodSeries {
            PeriodSeries(
                scope: scope,
                points: zip(periods, measurements).map { PeriodFigures(period: $0, metrics: pick($1), smallSample: smallSample) })
        }
        journey = series(PeriodScope(.journey, journeyID)) { $0.journey.responses > 0 ? $0.journey : nil }
        var stages = Set<String>(), touchpoints = Set<String>()
        for m in measurements {
            stages.formUnion(m.byStage.keys)
            touchpoints.formUnion(m.byTouchpoint.keys)
        }
        byStage = Dictionary(uniqueKeysWithValues: stages.map { id in (id, series(PeriodScope(.stage, id)) { $0.byStage[id] }) })
        byTouchpoint = Dictionary(
            uniqueKeysWithValues: touchpoints.map { id in (id, series(PeriodScope(.touchpoint, id)) { $0.byTouchpoint[id] }) })
    }
}
