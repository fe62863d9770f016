import JourneyCore

/// A proportion-based score with its 95% interval, e.g. NPS -100...100.
public struct ScoreInterval: Hashable, Sendable, Codable {
    /// The point estimate.
    public var value: Double
    /// The lower end of the 95% interval.
    public var low: Double
    /// The upper end of the 95% interval.
    public var high: Double
    /// An estimate with its interval.
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
    /// Answers joined to this group (rows of long data, rating cells of wide data).
    public var responses: Int = 0
    /// Distinct respondents with at least one answer here: the n of the group. Equal to
    /// `responses` when every answer is its own respondent (long data with no respondent column).
    public var respondents: Int = 0
    /// True when some respondent gave several answers in this group, so the intervals are
    /// the cluster-robust ones (docs/feedback.md#intervals).
    public var clusteredByRespondent: Bool = false

    /// NPS answers and their split.
    public var npsCount: Int = 0
    /// NPS answers of 9 or 10.
    public var promoters: Int = 0
    /// NPS answers of 7 or 8.
    public var passives: Int = 0
    /// NPS answers of 0 to 6.
    public var detractors: Int = 0
    /// NPS (-100...100) with the adjusted-Wald 95% interval; nil when npsCount == 0.
    public var nps: ScoreInterval?

    /// CSAT answers counted.
    public var csatCount: Int = 0
    /// Share of top-two-box answers in percent, with a 95% interval.
    public var csatTopBox: ScoreInterval?
    /// CSAT answers in the top two boxes (the count behind `csatTopBox`).
    public var csatTopCount: Int = 0
    /// The mean CSAT answer on its scale; nil with no answer.
    public var csatMean: Double?
    /// The CSAT mean with its 95% t interval (nil below two answers, or from aggregate data).
    public var csatMeanInterval: ScoreInterval?

    /// CES answers counted.
    public var cesCount: Int = 0
    /// The mean CES answer on its scale; nil with no answer.
    public var cesMean: Double?
    /// The CES mean with its 95% t interval.
    public var cesMeanInterval: ScoreInterval?
    /// Share of easy answers in percent (the easy end of the scale's top two boxes).
    public var cesEasy: Double?

    /// Sentiment counts, indexed by Sentiment.
    public var sentimentCounts: [Sentiment: Int] = [:]
    /// Responses with a sentiment.
    public var sentimentTotal: Int { sentimentCounts.values.reduce(0, +) }
    /// Share of negative sentiment in percent, with a 95% interval.
    public var negativeShare: ScoreInterval?

    /// Top categories, most frequent first (ties by name), with hierarchical roll-up.
    public var topCategories: [CategoryCount] = []

    /// Measured emotion on the designed scale, -2...+2 (docs/feedback.md gives the formula).
    public var measuredEmotion: Double?

    /// A bounded, deterministic sample of verbatim comments (the most negative first).
    public var comments: [Comment] = []

    /// True when `respondents` is below the small-sample threshold.
    public var isSmallSample: Bool = true

    /// The cluster-robust standard errors of the figures whose intervals are cluster-robust
    /// (nil otherwise), for comparing two groups (JourneyAnalysis.ChangeDetection).
    public var clusterErrors = ClusterErrors()

    /// The journey's composite indices measured here, by index id: only where every measure
    /// of the index has answers (docs/feedback.md#composite-indices).
    public var indices: [String: IndexEstimate] = [:]

    /// No responses yet.
    public init() {}
}

/// How many responses carry a category (with roll-up of `a/b` into `a`).
public struct CategoryCount: Hashable, Sendable, Codable {
    /// The category as written in the data.
    public var category: String
    /// Responses with it.
    public var count: Int
    /// A count from its parts.
    public init(category: String, count: Int) {
        self.category = category
        self.count = count
    }
}

/// A customer's own words (untrusted text: escape at every output).
public struct Comment: Hashable, Sendable, Codable {
    /// The words, as written (escape them for any output).
    public var text: String
    /// Where it came from: file and line (CSV row's first line).
    public var file: String
    /// The 1-based line of the row (its first line when a quoted field spans several).
    public var line: Int
    /// The row's sentiment, if it has one.
    public var sentiment: Sentiment?
    /// The row's score on its scale, used to pick the most negative comments first.
    public var score: Double?
    /// A comment from its parts.
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
    /// Every used response.
    public var journey: Metrics = Metrics()
    /// Per touchpoint id.
    public var byTouchpoint: [String: Metrics] = [:]
    /// Per stage id.
    public var byStage: [String: Metrics] = [:]
    /// Per owning department id.
    public var byDepartment: [String: Metrics] = [:]
    /// Per channel id.
    public var byChannel: [String: Metrics] = [:]
    /// Per segment (the data's `segment` column).
    public var bySegment: [String: Metrics] = [:]
    /// Per segment, then per touchpoint id: the segment × touchpoint cells (answers that
    /// carry a segment; their intervals treat the answers as independent).
    public var bySegmentTouchpoint: [String: [String: Metrics]] = [:]
    /// Earliest and latest response date seen (ISO 8601 yyyy-mm-dd), for "data as of".
    public var firstDate: String?
    /// The latest response date seen (yyyy-mm-dd).
    public var lastDate: String?
    /// What became of every row read.
    public var accounting: RowAccounting = RowAccounting()
    /// Per declared outcome id: the pairwise moments of the touchpoint ratings and the
    /// outcome, for key-driver analysis (JourneyAnalysis computes the drivers from them).
    public var driverMoments: [String: DriverMoments] = [:]
    /// Per declared outcome id: how it is measured (binary yes/no, NPS 0…10, a scale).
    public var outcomeKinds: [String: OutcomeDeclaration.Kind] = [:]
    /// What the journey's tagging rules did (docs/close-the-loop.md); nil without rules.
    public var tagging: TaggingSummary?
    /// No data joined yet.
    public init() {}
}

/// Every row accounted for: read = used + rejected + unmatched + filtered. With
/// respondent-level data the same promise holds counted in respondents and in ratings.
public struct RowAccounting: Hashable, Sendable {
    /// One count of the promise read = used + rejected + unmatched + filtered.
    public struct Tally: Hashable, Sendable {
        /// Counts: read, used, rejected (bad values), unmatched (no touchpoint), filtered (dates).
        public var read = 0, used = 0, rejected = 0, unmatched = 0, filtered = 0
        /// All zero.
        public init() {}
        /// True when the promise holds.
        public var balances: Bool { read == used + rejected + unmatched + filtered }
    }
    /// Respondents: rows of wide data, distinct respondents of long data with a respondent
    /// column, rows otherwise. A respondent is used when any of its answers is used.
    public var respondents = Tally()
    /// Ratings (answers): rows of long data, rating cells of wide data that hold a value.
    public var ratings = Tally()
    /// Rating cells left blank or holding a `missing` code: neither rejected nor counted.
    public var ratingsMissing = 0
    /// True when a source is wide or names its respondent column.
    public var isRespondentLevel = false
    /// Rows read (after the header).
    public var read: Int = 0
    /// Rows joined to a touchpoint.
    public var used: Int = 0
    /// Rows rejected for a bad value or a malformed row.
    public var rejected: Int = 0
    /// Rows naming no touchpoint of the journey and matching no category rule.
    public var unmatched: Int = 0
    /// Outside --since/--until.
    public var filtered: Int = 0
    /// Rejections per reason (e.g. "nps outside 0..10"), for the summary.
    public var rejectedByReason: [String: Int] = [:]
    /// Unmatched touchpoint ids (or categories) and how many rows named them.
    public var unmatchedByKey: [String: Int] = [:]
    /// All zero.
    public init() {}
}

/// Cluster-robust standard errors (ratio estimator, ClusterSums.variance) on the reported
/// scale (NPS and shares in points, means on their own scale), each with its respondents;
/// nil where the figure's interval is the independent one.
public struct ClusterErrors: Hashable, Sendable {
    /// NPS in points.
    public var nps: ClusterError?
    /// Top-two-box CSAT in percentage points.
    public var csatTopBox: ClusterError?
    /// Negative share in percentage points.
    public var negativeShare: ClusterError?
    /// The CSAT mean.
    public var csatMean: ClusterError?
    /// The CES mean.
    public var cesMean: ClusterError?
    /// None.
    public init() {}
}

/// One cluster-robust standard error and the respondents it rests on (degrees of freedom + 1).
public struct ClusterError: Hashable, Sendable {
    /// The standard error.
    public var standardError: Double
    /// Respondents (clusters) with an answer.
    public var respondents: Int
    /// From the sums of a group, scaled; nil below two respondents.
    init?(_ c: ClusterSums, scale: Double) {
        guard let v = c.variance else { return nil }
        standardError = scale * v.squareRoot()
        respondents = c.clusters
    }
}
