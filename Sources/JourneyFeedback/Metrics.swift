import JourneyCore

/// A proportion-based score with its 95% interval, e.g. NPS -100...100.
public struct ScoreInterval: Hashable, Sendable, Codable {
    public var value: Double
    public var low: Double
    public var high: Double
    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }
}

/// CX metrics for one group of responses (a touchpoint, stage, department, channel,
/// segment or the whole journey). Every figure carries the count it was computed from;
/// a figure with no data is nil, never 0.
public struct Metrics: Hashable, Sendable {
    /// Rows joined to this group.
    public var responses: Int = 0

    /// NPS answers and their split.
    public var npsCount: Int = 0
    public var promoters: Int = 0
    public var passives: Int = 0
    public var detractors: Int = 0
    /// NPS (-100...100) with the adjusted-Wald 95% interval; nil when npsCount == 0.
    public var nps: ScoreInterval?

    public var csatCount: Int = 0
    /// Share of top-two-box answers in percent, with a 95% interval.
    public var csatTopBox: ScoreInterval?
    public var csatMean: Double?

    public var cesCount: Int = 0
    public var cesMean: Double?
    /// Share of easy answers in percent (the easy end of the scale's top two boxes).
    public var cesEasy: Double?

    /// Sentiment counts, indexed by Sentiment.
    public var sentimentCounts: [Sentiment: Int] = [:]
    public var sentimentTotal: Int { sentimentCounts.values.reduce(0, +) }

    /// Top categories, most frequent first (ties by name), with hierarchical roll-up.
    public var topCategories: [CategoryCount] = []

    /// Measured emotion on the designed scale, -2...+2 (docs/feedback.md gives the formula).
    public var measuredEmotion: Double?

    /// A bounded, deterministic sample of verbatim comments (the most negative first).
    public var comments: [Comment] = []

    /// True when `responses` is below the small-sample threshold.
    public var isSmallSample: Bool = true

    public init() {}
}

public struct CategoryCount: Hashable, Sendable, Codable {
    public var category: String
    public var count: Int
    public init(category: String, count: Int) {
        self.category = category
        self.count = count
    }
}

/// A customer's own words (untrusted text: escape at every output).
public struct Comment: Hashable, Sendable, Codable {
    public var text: String
    /// Where it came from: file and line (CSV row's first line).
    public var file: String
    public var line: Int
    public var sentiment: Sentiment?
    public var score: Double?
    public init(text: String, file: String, line: Int, sentiment: Sentiment? = nil, score: Double? = nil) {
        self.text = text
        self.file = file
        self.line = line
        self.sentiment = sentiment
        self.score = score
    }
}

/// The joined data of one journey: metrics per group, and the row accounting.
public struct JourneyMeasurements: Hashable, Sendable {
    public var journey: Metrics = Metrics()
    public var byTouchpoint: [String: Metrics] = [:]
    public var byStage: [String: Metrics] = [:]
    public var byDepartment: [String: Metrics] = [:]
    public var byChannel: [String: Metrics] = [:]
    public var bySegment: [String: Metrics] = [:]
    /// Earliest and latest response date seen (ISO 8601 yyyy-mm-dd), for "data as of".
    public var firstDate: String?
    public var lastDate: String?
    public var accounting: RowAccounting = RowAccounting()
    /// Per declared outcome id: the pairwise moments of the touchpoint ratings and the
    /// outcome, for key-driver analysis (JourneyAnalysis computes the drivers from them).
    public var driverMoments: [String: DriverMoments] = [:]
    /// Per declared outcome id: how it is measured (binary yes/no, NPS 0…10, a scale).
    public var outcomeKinds: [String: OutcomeDeclaration.Kind] = [:]
    public init() {}
}

/// Every row accounted for: read = used + rejected + unmatched + filtered.
public struct RowAccounting: Hashable, Sendable {
    public var read: Int = 0
    public var used: Int = 0
    public var rejected: Int = 0
    public var unmatched: Int = 0
    /// Outside --since/--until.
    public var filtered: Int = 0
    /// Rejections per reason (e.g. "nps outside 0..10"), for the summary.
    public var rejectedByReason: [String: Int] = [:]
    /// Unmatched touchpoint ids (or categories) and how many rows named them.
    public var unmatchedByKey: [String: Int] = [:]
    public init() {}
}
