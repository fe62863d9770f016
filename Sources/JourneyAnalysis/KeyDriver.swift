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
    /// Respondents who answered the outcome (each correlation's own n is in `drivers[].n`
    /// and `smallestPairN`).
    public var respondents: Int
    /// R² of the full model, with its bootstrap interval (0…1).
    public var rSquared: ScoreInterval?
    /// Bootstrap resamples and seed (deterministic).
    public var resamples: Int
    /// The generator's seed (fixed, so the same data gives the same intervals).
    public var seed: UInt64
    /// Most important first (ties by touchpoint id).
    public var drivers: [KeyDriver]
    /// Touchpoints left out of the model, with the reason (nobody rated it, too few
    /// respondents, the rating does not vary, …), in declaration order.
    public var excluded: [ExcludedDriver] = []
    /// The fewest respondents behind any correlation of the model (pairwise deletion: each
    /// correlation has its own n); 0 when there is no model.
    public var smallestPairN: Int = 0
    /// Random groups that held respondents: the units the bootstrap resamples (one respondent
    /// each, or nearly, below 200 respondents).
    public var groups: Int = 0
    /// Resamples that gave a usable model (a resample in which a rating happens not to vary is
    /// left out and said in `notes`).
    public var resamplesUsed: Int = 0
    /// Plain-language remarks: why there are no drivers, clipped eigenvalues, left-out
    /// resamples. Empty when there is nothing to say.
    public var notes: [String] = []

    /// A report from its parts (the analysis builds it; tests and readers of `format moments` too).
    public init(
        outcomeID: String, model: String, missingRule: String, respondents: Int,
        rSquared: ScoreInterval?, resamples: Int, seed: UInt64, drivers: [KeyDriver],
        excluded: [ExcludedDriver] = [], smallestPairN: Int = 0, groups: Int = 0,
        resamplesUsed: Int = 0, notes: [String] = []
    ) {
        self.outcomeID = outcomeID
        self.model = model
        self.missingRule = missingRule
        self.respondents = respondents
        self.rSquared = rSquared
        self.resamples = resamples
        self.seed = seed
        self.drivers = drivers
        self.excluded = excluded
        self.smallestPairN = smallestPairN
        self.groups = groups
        self.resamplesUsed = resamplesUsed
        self.notes = notes
    }
}

/// A touchpoint with a rating column that could not enter the key-driver model.
public struct ExcludedDriver: Hashable, Sendable, Codable {
    /// The touchpoint's id.
    public var touchpointID: String
    /// Respondents who rated it and answered the outcome.
    public var n: Int
    /// Why, in words ("nobody rated it", "only 4 respondents rated it and answered the outcome
    /// (at least 10 needed)", "every respondent gave it the same rating").
    public var reason: String
    /// An excluded touchpoint with its n and the reason.
    public init(touchpointID: String, n: Int, reason: String) {
        self.touchpointID = touchpointID
        self.n = n
        self.reason = reason
    }
}

/// One touchpoint's importance for an outcome.
public struct KeyDriver: Hashable, Sendable, Codable {
    /// The touchpoint's id.
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
    /// The correlation's 95% percentile bootstrap interval (same resamples as `importance`);
    /// nil only when built by hand.
    public var correlationInterval: ScoreInterval?
    /// 1 = most important.
    public var rank: Int

    /// A driver from its figures (`correlationInterval` is nil only when built by hand).
    public init(
        touchpointID: String, n: Int, importance: ScoreInterval, rawWeight: Double, correlation: Double, rank: Int,
        correlationInterval: ScoreInterval? = nil
    ) {
        self.touchpointID = touchpointID
        self.n = n
        self.importance = importance
        self.rawWeight = rawWeight
        self.correlation = correlation
        self.correlationInterval = correlationInterval
        self.rank = rank
    }
}
