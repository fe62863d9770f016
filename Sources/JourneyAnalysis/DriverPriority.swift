import JourneyFeedback

/// One touchpoint on the importance × performance grid (Martilla & James 1977): how much of
/// the explained outcome it drives, how well it performs, and the priority that follows
/// (docs/pain-points.md#priorities).
public struct DriverPriority: Hashable, Sendable {
    /// The four quadrants, split at the average importance and the average performance.
    public enum Quadrant: String, Hashable, Sendable, CaseIterable {
        /// High importance, low performance: where the budget goes first.
        case fixFirst = "fix first"
        /// High importance, high performance: protect it.
        case keepUp = "keep up"
        /// Low importance, low performance: after the first ones.
        case secondary
        /// Low importance, high performance: effort that may be spent elsewhere.
        case overServed = "over-served"
    }

    /// Which figure stands for performance: the first the touchpoint has, in this order.
    public enum Measure: String, Hashable, Sendable {
        /// CSAT top-two box (a rating's top two points).
        case csatTopBox = "CSAT top-two box"
        /// NPS promoters (9–10).
        case promoters = "NPS promoters"
        /// CES easy answers (the easy end's top two points).
        case cesEasy = "CES easy"
    }

    /// The touchpoint's id.
    public var touchpointID: String
    /// The touchpoint's title.
    public var touchpointTitle: String
    /// The owning department's id, when declared.
    public var ownerID: String?
    /// The owning department's title, when declared.
    public var ownerTitle: String?
    /// The key-driver figures (importance share with its interval, n, correlation, rank).
    public var driver: KeyDriver
    /// Share of favourable answers in percent with its 95% interval; nil: no rating data.
    public var performance: ScoreInterval?
    /// Which figure `performance` is; nil without rating data.
    public var measure: Measure?
    /// Answers behind `performance`.
    public var performanceN: Int
    /// 100 − performance: the share not in the top box, in percent.
    public var gap: Double?
    /// importance (%) × gap (%) / 100: percentage points of the explained outcome that sit
    /// with customers who do not give this touchpoint a top mark. 0 without performance data.
    public var priority: Double
    /// The touchpoint's quadrant; nil without performance data.
    public var quadrant: Quadrant?
    /// The importance or performance interval crosses a quadrant line: the quadrant could
    /// change with more data.
    public var nearQuadrantLine = false
    /// The gap in words, e.g. "49% rate it 3 or lower (n = 1,204)".
    public var gapPhrase: String?
}

/// The key drivers of one outcome turned into priorities.
public struct DriverSummary: Hashable, Sendable {
    /// The key-driver model behind the priorities.
    public var keyDrivers: KeyDriverReport
    /// The outcome in words (the column it comes from, e.g. "satisfaction").
    public var outcomeName: String
    /// Highest priority first (ties: more important first, then touchpoint id).
    public var rows: [DriverPriority]
    /// The quadrant lines: importance 100/k percent (every driver equal), performance the
    /// mean of the drivers' performance.
    public var importanceSplit: Double
    /// The mean performance of the drivers (percent); nil when none has performance data.
    public var performanceSplit: Double?
}
