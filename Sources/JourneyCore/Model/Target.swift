/// `target nps >= 0`, `target csat >= 70% at checkout`: a goal that `check` gates on.
public struct Target: Hashable, Sendable {
    /// The figure a target is about.
    public enum Metric: String, Hashable, Sendable, CaseIterable {
        /// Net Promoter Score, -100...100.
        case nps
        /// Top-two-box CSAT share in percent (0...100).
        case csat
        /// Mean CSAT on its scale.
        case csatMean = "csat-mean"
        /// Mean CES on its scale.
        case ces
        /// Share of easy CES answers in percent.
        case cesEasy = "ces-easy"
        /// Share of negative / positive sentiment in percent.
        case negative, positive
        /// Measured emotion, -2...+2.
        case emotion
        /// Number of responses.
        case responses
    }
    /// How the figure is compared with the target's value.
    public enum Comparison: String, Hashable, Sendable {
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
    }
    /// Where the figure is measured: the whole journey or one stage, touchpoint, department, channel or segment (`at …`).
    public enum Scope: Hashable, Sendable {
        case journey
        case stage(String)
        case touchpoint(String)
        case department(String)
        case channel(String)
        case segment(String)
    }

    /// The figure the target is about.
    public var metric: Metric
    /// How the figure must compare with `value`.
    public var comparison: Comparison
    /// The goal, in the metric's unit.
    public var value: Double
    /// Written with `%` (for share metrics the value is a percentage either way).
    public var isPercent: Bool
    /// Where the figure is measured.
    public var scope: Scope
    /// Where the target is written (a missed target points here).
    public var range: SourceRange
    /// The id of a declared composite index (`target chi >= 70`); when set, the target is
    /// about that index (0–100) and `metric` is not read.
    public var index: String? = nil

    /// What the target measures, as written: the index id or the metric's name.
    public var metricName: String { index ?? metric.rawValue }

    /// A target from its parts.
    public init(
        metric: Metric, comparison: Comparison, value: Double, isPercent: Bool = false,
        scope: Scope = .journey, range: SourceRange
    ) {
        self.metric = metric
        self.comparison = comparison
        self.value = value
        self.isPercent = isPercent
        self.scope = scope
        self.range = range
    }
}
