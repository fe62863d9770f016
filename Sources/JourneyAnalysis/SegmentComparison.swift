import Foundation
import JourneyCore
import JourneyFeedback

/// The figure a segment × touchpoint table shows and compares (docs/feedback.md#segments).
public enum SegmentFigure: String, Sendable, Codable, CaseIterable {
    /// NPS −100…100; difference by the adjusted-Wald interval of two independent NPS.
    case nps
    /// Top-two-box CSAT in percent; difference by Agresti–Caffo.
    case csat
    /// Negative sentiment in percent; difference by Agresti–Caffo.
    case negative
    /// The touchpoint's share of the segment's answers in percent (the mix of complaints in
    /// social data, where every joined answer is negative); difference by Agresti–Caffo.
    case share

    /// How the figure is named in tables and legends.
    public var title: String {
        switch self {
        case .nps: "NPS"
        case .csat: "CSAT top-2 box %"
        case .negative: "negative sentiment %"
        case .share: "share of the segment's answers %"
        }
    }

    /// Whether a higher figure is better (nil: neither, e.g. a share of answers).
    public var higherIsBetter: Bool? {
        switch self {
        case .nps, .csat: true
        case .negative: false
        case .share: nil
        }
    }

    /// The figure's range, for colour scales.
    public var range: ClosedRange<Double> { self == .nps ? -100...100 : 0...100 }
}

/// One cell of the table: a segment at a touchpoint, against every other answer there.
public struct SegmentCell: Sendable, Hashable {
    /// The segment (the data's `segment` value).
    public var segment: String
    /// The touchpoint id.
    public var touchpointID: String
    /// Answers behind the figure in this segment.
    public var n: Int
    /// The segment's figure with its 95% interval; nil when `n` is 0.
    public var figure: ScoreInterval?
    /// Answers behind the figure in the rest (every other answer at the touchpoint).
    public var restN: Int
    /// The rest's figure with its 95% interval.
    public var rest: ScoreInterval?
    /// Segment − rest with its 95% interval; nil when the cell was not tested.
    public var difference: ScoreInterval?
    /// Two-sided p-value of the difference, before correction; nil when not tested.
    public var p: Double?
    /// Holm-adjusted p-value over every tested cell of the table.
    public var adjustedP: Double?
    /// The segment differs from the rest after the Holm correction (adjusted p ≤ α).
    public var isSignificant: Bool = false
    /// The cell was tested (both sides had at least the table's minimum n).
    public var isTested: Bool { p != nil }
}

/// A segment × touchpoint table: rows are segments, columns touchpoints in document order.
public struct SegmentTable: Sendable, Hashable {
    /// The figure in every cell.
    public var figure: SegmentFigure
    /// Segments, most answers first (ties by name).
    public var segments: [String]
    /// Touchpoints with at least one answer carrying a segment, in document order.
    public var touchpointIDs: [String]
    /// Every (segment, touchpoint) cell, row by row; cells without answers have n = 0.
    public var cells: [SegmentCell]
    /// Family-wise error rate the Holm correction keeps (0.05).
    public var alpha: Double
    /// Fewest answers on each side for a cell to be tested.
    public var minimumN: Int
    /// Cells tested: the size of the family corrected for.
    public var tests: Int
    /// Segments left out beyond `SegmentComparison.Options.maxSegments` (the smallest).
    public var omittedSegments: [String] = []

    /// The cell of `segment` at `touchpointID`.
    public func cell(_ segment: String, _ touchpointID: String) -> SegmentCell? {
        guard let r = segments.firstIndex(of: segment), let c = touchpointIDs.firstIndex(of: touchpointID) else { return nil }
        return cells[r * touchpointIDs.count + c]
    }

    /// Cells where the segment differs significantly, smallest adjusted p first.
    public var significantCells: [SegmentCell] {
        cells.filter(\.isSignificant).sorted {
            ($0.adjustedP ?? 1, $0.segment, $0.touchpointID) < ($1.adjustedP ?? 1, $1.segment, $1.touchpointID)
        }
    }
}

/// Compares each segment with the rest of the respondents at each touchpoint, with a Holm
/// correction over the whole table (docs/feedback.md#segments gives the method).
public enum SegmentComparison {
    /// What to compare and how strictly.
    public struct Options: Sendable, Hashable {
        /// The figure; nil chooses NPS, then CSAT, then negative sentiment (where it varies),
        /// then the share of answers, whichever the cells have.
        public var figure: SegmentFigure?
        /// Family-wise error rate kept by the Holm correction.
        public var alpha = 0.05
        /// Fewest answers on each side (segment and rest) for a cell to be tested.
        public var minimumN = 30
        /// Most segments shown (the largest); the rest are named in `omittedSegments`.
        public var maxSegments = 12
        /// The defaults.
        public init() {}
    }

    /// The table, or nil when no answer carries a segment.
    public static func analyse(_ journey: Journey, _ m: JourneyMeasurements, options: Options = Options()) -> SegmentTable? {
        let cellsBySegment = m.bySegmentTouchpoint.filter { !$0.value.isEmpty }
        guard !cellsBySegment.isEmpty else { return nil }
        let tps = journey.touchpoints.map(\.id).filter { id in cellsBySegment.values.contains { $0[id] != nil } }
        guard !tps.isEmpty else { return nil }
        let figure = options.figure ?? chooseFigure(cellsBySegment, m.byTouchpoint)
        func size(_ s: String) -> Int { cellsBySegment[s]?.values.reduce(0) { $0 + $1.responses } ?? 0 }
        let ranked = cellsBySegment.keys.sorted { (size($0), $1) > (size($1), $0) }
        let segments = Array(ranked.prefix(options.maxSegments))
        // Denominators of the share figure: all answers of the segment, and of everyone.
        let allAnswers = tps.reduce(0) { $0 + (m.byTouchpoint[$1]?.responses ?? 0) }
        var cells: [SegmentCell] = []
        for s in segments {
            let segmentAnswers = size(s)
            for tp in tps {
                let inside = cellsBySegment[s]?[tp] ?? Metrics()
                let total = m.byTouchpoint[tp] ?? Metrics()
                var c = SegmentCell(segment: s, touchpointID: tp, n: 0, restN: 0)
                switch figure {
                case .nps:
                    let rest = (
                        p: total.promoters - inside.promoters, d: total.detractors - inside.detractors, n: total.npsCount - inside.npsCount
                    )
                    (c.n, c.restN) = (inside.npsCount, rest.n)
                    c.figure = MetricsMath.nps(promoters: inside.promoters, detractors: inside.detractors, n: inside.npsCount)
                    c.rest = MetricsMath.nps(promoters: rest.p, detractors: rest.d, n: rest.n)
                    if c.n >= options.minimumN, c.restN >= options.minimumN {
                        (c.difference, c.p) = npsDifference(
                            (inside.promoters, inside.detractors, inside.npsCount), (rest.p, rest.d, rest.n))
                    }
                case .csat, .negative, .share:
                    let x1: Int, n1: Int, x2: Int, n2: Int
                    switch figure {
                    case .csat: (x1, n1, x2, n2) = (inside.csatTopCount, inside.csatCount, total.csatTopCount, total.csatCount)
                    case .negative:
                        (x1, n1) = (inside.sentimentCounts[.negative] ?? 0, inside.sentimentTotal)
                        (x2, n2) = (total.sentimentCounts[.negative] ?? 0, total.sentimentTotal)
                    default: (x1, n1, x2, n2) = (inside.responses, segmentAnswers, total.responses, allAnswers)
                    }
                    (c.n, c.restN) = (n1, n2 - n1)
                    c.figure = MetricsMath.share(x1, of: n1)
                    c.rest = MetricsMath.share(x2 - x1, of: n2 - n1)
                    if c.n >= options.minimumN, c.restN >= options.minimumN {
                        (c.difference, c.p) = proportionDifference(x1, n1, x2 - x1, n2 - n1)
                    }
                }
                cells.append(c)
            }
        }
        // Holm over every tested cell of the table: the family is the table.
        let tested = cells.indices.filter { cells[$0].p != nil }
        let adjusted = holm(tested.map { cells[$0].p! })
        for (k, i) in tested.enumerated() {
            cells[i].adjustedP = adjusted[k]
            cells[i].isSignificant = adjusted[k] <= options.alpha
        }
        return SegmentTable(
            figure: figure, segments: segments, touchpointIDs: tps, cells: cells, alpha: options.alpha, minimumN: options.minimumN,
            tests: tested.count, omittedSegments: ranked.count > segments.count ? Array(ranked.dropFirst(segments.count)).sorted() : [])
    }

    /// NPS where any cell has it; else CSAT; else negative sentiment when some touchpoint has
    /// answers that are not negative (social complaints joined by reason are all negative);
    /// else the share of answers.
    static func chooseFigure(_ cells: [String: [String: Metrics]], _ byTouchpoint: [String: Metrics]) -> SegmentFigure {
        let all = cells.values.flatMap(\.values)
        if all.contains(where: { $0.npsCount > 0 }) { return .nps }
        if all.contains(where: { $0.csatCount > 0 }) { return .csat }
        if byTouchpoint.values.contains(where: { $0.sentimentTotal > ($0.sentimentCounts[.negative] ?? 0) }) { return .negative }
        return .share
    }

    /// Two independent NPS (promoters, detractors, n): the adjusted-Wald interval of the
    /// difference, `NPS'₁ − NPS'₂ ± z·√(Var₁ + Var₂)` (the point is the raw difference), and the
    /// two-sided p-value of the pooled test: under "no difference" both groups share one split,
    /// so `z = (NPS₁ − NPS₂) / √((P + D − (P − D)²)·(1/n₁ + 1/n₂))` with the pooled shares P, D.
    /// The unpooled statistic rejects too often far in the tail, where Holm works (docs).
    public static func npsDifference(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> (ScoreInterval, Double) {
        func adjusted(_ x: (Int, Int, Int)) -> (Double, Double) {
            let n1 = Double(x.2) + 3
            let pp = (Double(x.0) + 0.75) / n1, dd = (Double(x.1) + 0.75) / n1
            return (pp - dd, (pp + dd - (pp - dd) * (pp - dd)) / n1)
        }
        let (ca, va) = adjusted(a), (cb, vb) = adjusted(b)
        let (na, nb) = (Double(max(1, a.2)), Double(max(1, b.2)))
        let raw = Double(a.0 - a.1) / na - Double(b.0 - b.1) / nb
        let pooledP = Double(a.0 + b.0) / (na + nb), pooledD = Double(a.1 + b.1) / (na + nb)
        let pooledSE = ((pooledP + pooledD - (pooledP - pooledD) * (pooledP - pooledD)) * (1 / na + 1 / nb)).squareRoot()
        return (interval(point: 100 * raw, centre: 100 * (ca - cb), se: 100 * (va + vb).squareRoot()), pValue(raw, pooledSE))
    }

    /// Two independent proportions x₁/n₁, x₂/n₂ in percent: the Agresti–Caffo interval of the
    /// difference (one success and one failure added to each) and the two-sided p-value of the
    /// pooled two-proportion z test, `z = (p₁ − p₂) / √(p(1 − p)(1/n₁ + 1/n₂))`.
    public static func proportionDifference(_ x1: Int, _ n1: Int, _ x2: Int, _ n2: Int) -> (ScoreInterval, Double) {
        let p1 = (Double(x1) + 1) / (Double(n1) + 2), p2 = (Double(x2) + 1) / (Double(n2) + 2)
        let se = (p1 * (1 - p1) / (Double(n1) + 2) + p2 * (1 - p2) / (Double(n2) + 2)).squareRoot()
        let (a, b) = (Double(max(1, n1)), Double(max(1, n2)))
        let raw = Double(x1) / a - Double(x2) / b
        let pooled = Double(x1 + x2) / (a + b)
        return (
            interval(point: 100 * raw, centre: 100 * (p1 - p2), se: 100 * se),
            pValue(raw, (pooled * (1 - pooled) * (1 / a + 1 / b)).squareRoot())
        )
    }

    /// The 95% interval `centre ± z·se` around `point`.
    static func interval(point: Double, centre: Double, se: Double) -> ScoreInterval {
        let half = MetricsMath.z * se
        return ScoreInterval(value: point, low: centre - half, high: centre + half)
    }

    /// Two-sided normal p-value of `difference / se` (1 when both are 0: nothing varies).
    static func pValue(_ difference: Double, _ se: Double) -> Double {
        se > 0 ? erfc(abs(difference / se) / 2.0.squareRoot()) : (difference == 0 ? 1 : 0)
    }

    /// Holm's step-down adjustment (Holm 1979): sort the m p-values, multiply the k-th smallest
    /// by m − k + 1, keep the running maximum, cap at 1. Controls the family-wise error rate
    /// under any dependence between the tests. Returned in the input's order.
    public static func holm(_ p: [Double]) -> [Double] {
        ChangeDetection.adjust(p, .holm)  // the one Holm of the package (trends use it too)
    }
}
