import JourneyCore
import JourneyFeedback

/// One ranked pain point: a touchpoint, why it ranks where it does, and the evidence.
public struct PainPoint: Hashable, Sendable {
    /// 1 for the pain point that hurts most.
    public var rank: Int
    /// The touchpoint's id.
    public var touchpointID: String
    /// The touchpoint's title (untrusted text: escape it).
    public var touchpointTitle: String
    /// The id of the touchpoint's stage.
    public var stageID: String
    /// The owning department's id and title (nil: the journey names no owner).
    public var ownerID: String?
    /// The owning department's title.
    public var ownerTitle: String?
    /// The combined score (higher hurts more) and its parts, for the explanation.
    public var score: Double
    /// The parts of `score`.
    public var components: ScoreComponents
    /// One sentence: why it ranks here.
    public var explanation: String
    /// Evidence.
    public var metrics: Metrics?
    /// Pains the journey itself writes for the touchpoint.
    public var declaredPains: [String]
    /// Opportunities the journey writes for the touchpoint.
    public var opportunities: [String]
    /// Marked `moment of truth` in the journey.
    public var isMomentOfTruth: Bool
    /// n below the small-sample threshold: damped, shown, never hidden.
    public var isSmallSample: Bool
    /// With a declared outcome: the touchpoint's importance, performance and priority (the
    /// ranking follows `priority.priority`); nil without an outcome or outside the model.
    public var priority: DriverPriority? = nil
}

/// The parts of a pain score (docs/pain-points.md explains each).
public struct ScoreComponents: Hashable, Sendable {
    /// Volume-weighted NPS impact (k/N)(R - T), in NPS points, only when it hurts.
    public var npsImpact: Double = 0
    /// Volume-weighted CSAT top-box impact, in percentage points.
    public var csatImpact: Double = 0
    /// Excess share of negative sentiment over the rest of the journey, volume-weighted.
    public var sentimentImpact: Double = 0
    /// What customers report: (npsImpact + csatImpact + sentimentImpact) / 20. Zero when the
    /// touchpoint is at least as good as the rest of the journey on every measure.
    public var evidence: Double = 0
    /// Drop in emotion from every touchpoint customers reach this one from (designed/measured),
    /// on −2…+2.
    public var designedDip: Double = 0
    /// The same drop on the measured curve.
    public var measuredDip: Double = 0
    /// A local minimum of the measured (or designed) curve along the declared flows.
    public var isLocalMinimum = false
    /// Designed minus measured emotion when the organisation believes it is better than customers say.
    public var gap: Double = 0
    /// The curve's weight: with data 1…1.25 (the curve can tip close cases, never outweigh
    /// evidence 25% stronger); from the design alone the peak-end and hand-off multipliers.
    public var curveWeight: Double = 1
    /// The team's `moment of truth`: × 1.5.
    public var momentOfTruthWeight: Double = 1
    /// 0...1: sample size and interval overlap damping.
    public var confidence: Double = 1
    /// The touchpoint changes owner from the one before it (× 1.1 from the design alone).
    public var isHandoff = false
    /// The journey's last touchpoint (the "end" of peak-end).
    public var isLast = false
    /// The lowest point of the curve (the "peak" of peak-end).
    public var isWorst = false
    /// No NPS, CSAT or sentiment for the touchpoint: scored from the journey's design alone.
    public var designOnly = false
}

/// A `pain` statement from the journey, checked against the data.
public struct DeclaredPain: Hashable, Sendable {
    /// What the data says about the pain.
    public enum Status: String, Sendable {
        /// The data shows the touchpoint hurting (it ranks among the pain points).
        case confirmed
        /// The data is there and does not show it.
        case notConfirmed = "not confirmed"
        /// No responses for the touchpoint.
        case noData = "no data"
    }
    /// The touchpoint the pain is written for.
    public var touchpointID: String
    /// The pain as written.
    public var text: String
    /// The verdict.
    public var status: Status
    /// The numbers behind the verdict, e.g. "ranks #3; NPS −84 (95% −92 to −71) against −3
    /// for the journey".
    public var evidence: String = ""
}

/// What each department owns and must act on.
public struct DepartmentView: Hashable, Sendable {
    /// The department's id.
    public var id: String
    /// The department's title.
    public var title: String
    /// The ids of the touchpoints it owns, in document order.
    public var touchpoints: [String]
    /// Its joined figures; nil without data.
    public var metrics: Metrics?
    /// Its pain points, by rank.
    public var painPoints: [PainPoint]
    /// Targets missed on its touchpoints or on the department.
    public var missedTargets: [TargetResult]
    /// Opportunities already written for its touchpoints: (touchpoint id, text).
    public var opportunities: [OpportunityItem]
}

/// An opportunity written in the journey, with its touchpoint.
public struct OpportunityItem: Hashable, Sendable {
    /// The touchpoint it is written for.
    public var touchpointID: String
    /// The opportunity as written.
    public var text: String
}

/// A target checked against the data.
public struct TargetResult: Hashable, Sendable {
    /// The verdict.
    public enum Status: String, Sendable {
        /// The figure meets the target.
        case met
        /// The figure is past the target in the wrong direction.
        case missed
        /// No responses in the target's scope: cannot be judged.
        case noData = "no data"
    }
    /// The target as written.
    public var target: Target
    /// "journey", "touchpoint checkout", …
    public var scopeDescription: String
    /// The same with titles, for people: "touchpoint “Pays for the ticket”".
    public var scopeTitle: String = ""
    /// The verdict.
    public var status: Status
    /// The figure measured; nil without data.
    public var value: Double?
    /// The 95% interval when the metric has one.
    public var interval: ScoreInterval?
    /// The interval contains the target value: the verdict could change with more data.
    public var straddles: Bool
    /// The responses in the target's scope (its n).
    public var responses: Int
    /// A sentence naming the target, the figure and the interval.
    public var message: String
}

/// Everything the analysis found for one journey.
public struct PainPointReport: Hashable, Sendable {
    /// The journey's id.
    public var journeyID: String
    /// The journey's title.
    public var journeyTitle: String
    /// Ranked, the worst first.
    public var painPoints: [PainPoint]
    /// Every `pain` of the journey with its verdict.
    public var declaredPains: [DeclaredPain]
    /// One view per department, in declaration order.
    public var departments: [DepartmentView]
    /// Every target with its verdict, in document order.
    public var targets: [TargetResult]
    /// The joined data the analysis read.
    public var measurements: JourneyMeasurements
    /// Key drivers of the journey's first declared outcome, as priorities; nil without one.
    public var drivers: DriverSummary? = nil
    /// Figures per period and the significant changes between periods (dated data only; set
    /// by the report job, docs/feedback.md#trends-and-changes); nil without dates.
    public var trends: Trends? = nil
    /// The targets missed.
    public var missedTargets: [TargetResult] { targets.filter { $0.status == .missed } }
    /// What the ranking follows, for bars and tables: the priority with an outcome (0 for a
    /// touchpoint outside the driver model), else the pain score.
    public func rankValue(_ p: PainPoint) -> Double { drivers == nil ? p.score : (p.priority?.priority ?? 0) }
    /// "Priority" with an outcome, else "Score".
    public var rankValueName: String { drivers == nil ? "Score" : "Priority" }
}
