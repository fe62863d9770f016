import JourneyFeedback

/// Key-driver analysis of one declared outcome (docs/feedback.md#key-drivers): how much of the
/// explained outcome each touchpoint's rating accounts for.
public struct KeyDriverReport: Hashable, Sendable, Codable {
    /// The outcome's id as declared (`outcome satisfied = "satisfaction" { yes "satisfied" }`).
    public var outcomeID: String
    /// How the outcome is modelled, in words, e.g. "linear probability model (binary outcome)".
    public var model: String
    /// How missing ratings are handled, in words, e.g. "pairwise: each correlation uses the
    /// respondents who answered both".
    public var missingRule: String
    /// Respondents with the outcome and at least one rating.
    public var respondents: Int
    /// R² of the full model, with its bootstrap interval (0…1).
    public var rSquared: ScoreInterval?
    /// Bootstrap resamples and seed (deterministic).
    public var resamples: Int
    public var seed: UInt64
    /// Most important first (ties by touchpoint id).
    public var drivers: [KeyDriver]

    public init(outcomeID: String, model: String, missingRule: String, respondents: Int,
                rSquared: ScoreInterval?, resamples: Int, seed: UInt64, drivers: [KeyDriver]) {
        self.outcomeID = outcomeID
        self.model = model
        self.missingRule = missingRule
        self.respondents = respondents
        self.rSquared = rSquared
        self.resamples = resamples
        self.seed = seed
        self.drivers = drivers
    }
}

/// One touchpoint's importance for an outcome.
public struct KeyDriver: Hashable, Sendable, Codable {
    public var touchpointID: String
    /// Respondents who rated this touchpoint and have the outcome.
    public var n: Int
    /// Relative weight (Johnson 2000) as a share of the explained outcome, percent 0…100,
    /// with a 95% percentile bootstrap interval.
    public var importance: ScoreInterval
    /// Raw relative weight (the part of R² it accounts for, 0…1).
    public var rawWeight: Double
    /// Pearson correlation of the rating with the outcome (pairwise).
    public var correlation: Double
    /// 1 = most important.
    public var rank: Int

    public init(touchpointID: String, n: Int, importance: ScoreInterval, rawWeight: Double, correlation: Double, rank: Int) {
        self.touchpointID = touchpointID
        self.n = n
        self.importance = importance
        self.rawWeight = rawWeight
        self.correlation = correlation
        self.rank = rank
    }
}
