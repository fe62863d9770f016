/// `target nps >= 0`, `target csat >= 70% at checkout`: a goal that `check` gates on.
public struct Target: Hashable, Sendable {
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
    public enum Comparison: String, Hashable, Sendable {
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
    }
    public enum Scope: Hashable, Sendable {
        case journey
        case stage(String)
        case touchpoint(String)
        case department(String)
        case channel(String)
        case segment(String)
    }

    public var metric: Metric
    public var comparison: Comparison
    public var value: Double
    /// Written with `%` (for share metrics the value is a percentage either way).
    public var isPercent: Bool
    public var scope: Scope
    public var range: SourceRange

    public init(metric: Metric, comparison: Comparison, value: Double, isPercent: Bool = false,
                scope: Scope = .journey, range: SourceRange) {
        self.metric = metric
        self.comparison = comparison
        self.value = value
        self.isPercent = isPercent
        self.scope = scope
        self.range = range
    }
}
