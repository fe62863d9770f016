import JourneyCore
import JourneyFeedback

/// One ranked pain point: a touchpoint, why it ranks where it does, and the evidence.
public struct PainPoint: Hashable, Sendable {
    public var rank: Int
    public var touchpointID: String
    public var touchpointTitle: String
    public var stageID: String
    /// The owning department's id and title (nil: the journey names no owner).
    public var ownerID: String?
    public var ownerTitle: String?
    /// The combined score (higher hurts more) and its parts, for the explanation.
    public var score: Double
    public var components: ScoreComponents
    /// One sentence: why it ranks here.
    public var explanation: String
    /// Evidence.
    public var metrics: Metrics?
    public var declaredPains: [String]
    public var opportunities: [String]
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
    public var isHandoff = false
    public var isLast = false
    public var isWorst = false
    /// No NPS, CSAT or sentiment for the touchpoint: scored from the journey's design alone.
    public var designOnly = false
}

/// A `pain` statement from the journey, checked against the data.
public struct DeclaredPain: Hashable, Sendable {
    public enum Status: String, Sendable {
        /// The data shows the touchpoint hurting (it ranks among the pain points).
        case confirmed
        /// The data is there and does not show it.
        case notConfirmed = "not confirmed"
        /// No responses for the touchpoint.
        case noData = "no data"
    }
    public var touchpointID: String
    public var text: String
    public var status: Status
    /// The numbers behind the verdict, e.g. "ranks #3; NPS −84 (95% −92 to −71) against −3
    /// for the journey".
    public var evidence: String = ""
}

/// What each department owns and must act on.
public struct DepartmentView: Hashable, Sendable {
    public var id: String
    public var title: String
    public var touchpoints: [String]
    public var metrics: Metrics?
    /// Its pain points, by rank.
    public var painPoints: [PainPoint]
    public var missedTargets: [TargetResult]
    /// Opportunities already written for its touchpoints: (touchpoint id, text).
    public var opportunities: [OpportunityItem]
}

public struct OpportunityItem: Hashable, Sendable {
    public var touchpointID: String
    public var text: String
}

/// A target checked against the data.
public struct TargetResult: Hashable, Sendable {
    public enum Status: String, Sendable {
        case met
        /// The figure is past the target in the wrong direction.
        case missed
        /// No responses in the target's scope: cannot be judged.
        case noData = "no data"
    }
    public var target: Target
    /// "journey", "touchpoint checkout", …
    public var scopeDescription: String
    /// The same with titles, for people: "touchpoint “Pays for the ticket”".
    public var scopeTitle: String = ""
    public var status: Status
    public var value: Double?
    /// The 95% interval when the metric has one.
    public var interval: ScoreInterval?
    /// The interval contains the target value: the verdict could change with more data.
    public var straddles: Bool
    public var responses: Int
    /// A sentence naming the target, the figure and the interval.
    public var message: String
}

/// Everything the analysis found for one journey.
public struct PainPointReport: Hashable, Sendable {
    public var journeyID: String
    public var journeyTitle: String
    public var painPoints: [PainPoint]
    public var declaredPains: [DeclaredPain]
    public var departments: [DepartmentView]
    public var targets: [TargetResult]
    public var measurements: JourneyMeasurements
    /// Key drivers of the journey's first declared outcome, as priorities; nil without one.
    public var drivers: DriverSummary? = nil
    public var missedTargets: [TargetResult] { targets.filter { $0.status == .missed } }
    /// What the ranking follows, for bars and tables: the priority with an outcome (0 for a
    /// touchpoint outside the driver model), else the pain score.
    public func rankValue(_ p: PainPoint) -> Double { drivers == nil ? p.score : (p.priority?.priority ?? 0) }
    /// "Priority" with an outcome, else "Score".
    public var rankValueName: String { drivers == nil ? "Score" : "Priority" }
}
