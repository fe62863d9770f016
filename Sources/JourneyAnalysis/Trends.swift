import JourneyFeedback

/// A journey's figures over time and what changed significantly between periods: what the
/// reports' "What changed" section, the map's trend marks and the HTML trend charts read.
public struct Trends: Hashable, Sendable {
    /// Per period: the journey's, each stage's and each touchpoint's figures with intervals.
    public var periods: JourneyPeriods
    /// Each period against the one before (and against `baseline` when given), one family
    /// corrected for the number of comparisons.
    public var changes: ChangeReport
    /// The baseline period's label, when one is compared against.
    public var baseline: String?

    /// Trends from their parts.
    public init(periods: JourneyPeriods, changes: ChangeReport, baseline: String? = nil) {
        self.periods = periods
        self.changes = changes
        self.baseline = baseline
    }

    /// Compares every period with the one before it (and with `baseline`, a period label).
    public static func analyse(_ periods: JourneyPeriods, baseline: String? = nil, settings: ChangeSettings = ChangeSettings()) -> Trends {
        let b = baseline.flatMap { label in periods.periods.firstIndex { $0.label == label } }
        return Trends(periods: periods, changes: ChangeDetection.periods(periods, baseline: b, settings: settings), baseline: baseline)
    }

    /// The significant changes of a scope, the latest first.
    public func significant(_ scope: PeriodScope) -> [MetricChange] {
        changes.significant.filter { $0.scope == scope }.sorted { $0.to != $1.to ? $0.to > $1.to : $0.metric < $1.metric }
    }
}
