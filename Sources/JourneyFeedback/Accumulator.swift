import JourneyCore

/// Running totals for one group of responses: constant size whatever the number of rows
/// (categories are counted per distinct category, comments are a bounded sample).
struct Accumulator {
    var rows = 0
    var npsN = 0, promoters = 0, passives = 0, detractors = 0
    var csatN = 0, csatSum = 0.0, csatTop = 0
    var cesN = 0, cesSum = 0.0, cesEasy = 0
    /// Sums of squares, for the t intervals of the means. Aggregate rows carry no squares:
    /// `squaresKnown` turns false and the mean intervals are left out.
    var csatSq = 0.0, cesSq = 0.0
    var squaresKnown = true
    /// Each answer's position on its own scale (−2…+2; CES turned round when lower is
    /// better), summed: measured emotion stays right when files declare different scales.
    var csatPosition = 0.0, cesPosition = 0.0
    var negative = 0, neutral = 0, positive = 0
    /// Category id → count. Bounded by `maxCategories`; the rest count as "(other)".
    var categories: [Int: Int] = [:]
    var comments = CommentSample()

    static let maxCategories = 2_000

    mutating func merge(_ o: Accumulator) {
        rows += o.rows
        npsN += o.npsN; promoters += o.promoters; passives += o.passives; detractors += o.detractors
        csatN += o.csatN; csatSum += o.csatSum; csatTop += o.csatTop
        cesN += o.cesN; cesSum += o.cesSum; cesEasy += o.cesEasy
        csatSq += o.csatSq; cesSq += o.cesSq; squaresKnown = squaresKnown && o.squaresKnown
        csatPosition += o.csatPosition; cesPosition += o.cesPosition
        negative += o.negative; neutral += o.neutral; positive += o.positive
        for (k, v) in o.categories { categories[k, default: 0] += v }
        for c in o.comments.items { comments.offer(c.key, c.comment) }
    }

    /// The metrics of this group; `clusters` (respondent-level data) gives the distinct
    /// respondents and, where one respondent gave several answers, the cluster-robust intervals.
    func metrics(categoryNames: ByteTable, smallSample: Int, clusters: ClusterGroup? = nil) -> Metrics {
        var m = Metrics()
        m.responses = rows
        m.respondents = clusters?.respondents ?? rows
        m.npsCount = npsN
        m.promoters = promoters
        m.passives = passives
        m.detractors = detractors
        m.csatCount = csatN
        m.csatTopCount = csatTop
        m.csatMean = csatN > 0 ? csatSum / Double(csatN) : nil
        m.cesCount = cesN
        m.cesMean = cesN > 0 ? cesSum / Double(cesN) : nil
        m.cesEasy = cesN > 0 ? 100 * Double(cesEasy) / Double(cesN) : nil
        let sentimentTotal = negative + neutral + positive
        if sentimentTotal > 0 {
            m.sentimentCounts = [.negative: negative, .neutral: neutral, .positive: positive]
        }
        // Independent answers: adjusted Wald (NPS), Agresti–Coull (shares), t (means).
        // Several answers per respondent: the ratio estimator's linearised variance.
        if let c = clusters?.nps, c.isClustered {
            m.clusterErrors.nps = ClusterError(c, scale: 100)
            m.nps = c.interval(scale: 100, clampLow: -100, clampHigh: 100)
            m.clusteredByRespondent = true
        } else {
            m.nps = MetricsMath.nps(promoters: promoters, detractors: detractors, n: npsN)
        }
        if let c = clusters?.top, c.isClustered {
            m.clusterErrors.csatTopBox = ClusterError(c, scale: 100)
            m.csatTopBox = c.interval(scale: 100, clampLow: 0, clampHigh: 100)
            m.clusteredByRespondent = true
        } else {
            m.csatTopBox = MetricsMath.share(csatTop, of: csatN)
        }
        if let c = clusters?.negative, c.isClustered {
            m.clusterErrors.negativeShare = ClusterError(c, scale: 100)
            m.negativeShare = c.interval(scale: 100, clampLow: 0, clampHigh: 100)
            m.clusteredByRespondent = true
        } else {
            m.negativeShare = MetricsMath.share(negative, of: sentimentTotal)
        }
        if squaresKnown {
            if let c = clusters?.csat, c.isClustered {
                m.clusterErrors.csatMean = ClusterError(c, scale: 1)
                m.csatMeanInterval = c.interval(scale: 1)
                m.clusteredByRespondent = true
            } else {
                m.csatMeanInterval = MetricsMath.meanInterval(sum: csatSum, sumOfSquares: csatSq, n: csatN)
            }
            if let c = clusters?.ces, c.isClustered {
                m.clusterErrors.cesMean = ClusterError(c, scale: 1)
                m.cesMeanInterval = c.interval(scale: 1)
                m.clusteredByRespondent = true
            } else {
                m.cesMeanInterval = MetricsMath.meanInterval(sum: cesSum, sumOfSquares: cesSq, n: cesN)
            }
        }
        m.topCategories = Accumulator.topCategories(categories, names: categoryNames)
        m.measuredEmotion = MetricsMath.measuredEmotion(
            nps: m.nps, npsCount: npsN,
            csatPosition: csatN > 0 ? csatPosition / Double(csatN) : nil, csatCount: csatN,
            cesPosition: cesN > 0 ? cesPosition / Double(cesN) : nil, cesCount: cesN,
            positive: positive, negative: negative, sentimentTotal: sentimentTotal)
        m.comments = comments.sorted
        m.isSmallSample = m.respondents < smallSample
        return m
    }

    /// Counts every category and each of its parents (`billing/fees` also counts for
    /// `billing`); the five most frequent, ties by name.
    static func topCategories(_ counts: [Int: Int], names: ByteTable, limit: Int = 5) -> [CategoryCount] {
        var rolled: [String: Int] = [:]
        for (id, n) in counts {
            let name = String(decoding: names.key(id), as: UTF8.self)
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            for k in 1...parts.count {
                rolled[parts.prefix(k).joined(separator: "/"), default: 0] += n
            }
        }
        return rolled.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { CategoryCount(category: $0.key, count: $0.value) }
    }
}

/// The scales in force for one feedback source.
struct ResolvedScales {
    var nps = Scale.nps
    var csat = Scale.csat
    var ces = Scale.ces
}

/// A deterministic sample of the most negative comments: ordered by sentiment (negative
/// first), then by the lowest normalised score, then by file order.
struct CommentSample {
    struct Key: Comparable {
        var sentimentRank: Int
        var score: Double
        var order: Int
        static func < (a: Key, b: Key) -> Bool {
            (a.sentimentRank, a.score, a.order) < (b.sentimentRank, b.score, b.order)
        }
    }
    struct Item {
        var key: Key
        var comment: Comment
    }
    static let size = 3
    static let maxLength = 500
    private(set) var items: [Item] = []

    /// Would a comment with this key enter the sample? (Checked before making its String.)
    func accepts(_ key: Key) -> Bool {
        items.count < CommentSample.size || key < items[items.count - 1].key
    }

    mutating func offer(_ key: Key, _ comment: Comment) {
        guard accepts(key) else { return }
        // The same words twice say nothing new: keep the first (lowest key) only.
        if let i = items.firstIndex(where: { $0.comment.text == comment.text }) {
            if key < items[i].key { items[i] = Item(key: key, comment: items[i].comment) }
            return
        }
        var c = comment
        if c.text.count > CommentSample.maxLength { c.text = String(c.text.prefix(CommentSample.maxLength - 1)) + "…" }
        items.append(Item(key: key, comment: c))
        items.sort { $0.key < $1.key }
        if items.count > CommentSample.size { items.removeLast() }
    }

    var sorted: [Comment] { items.map(\.comment) }
}
