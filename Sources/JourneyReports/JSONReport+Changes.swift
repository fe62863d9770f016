import Foundation
import JourneyAnalysis
import JourneyFeedback

/// `trends` in pain-points.json: every period's figures per scope and the significant changes.
extension JSONReport {
    struct TrendsItem: Encodable {
        var unit: String
        var periods: [PeriodItem]
        var correction: String
        var level: Double
        var comparisons: Int
        var skippedTooFew: Int
        var undated: Int
        var undatedRespondents: Int
        var smallSample: Int
        var significant: [ChangeItem]
        var series: [SeriesItem]
    }
    struct PeriodItem: Encodable { var label: String, first: String, last: String }
    struct ScopeItem: Encodable { var kind: String, id: String }
    struct SideItem: Encodable { var period: String, figure: Interval, n: Int }
    struct ChangeItem: Encodable {
        var scope: ScopeItem
        var metric: String
        var before: SideItem
        var after: SideItem
        var difference: Interval
        var pValue: Double
        var adjustedP: Double
        var worse: Bool
        var method: String
    }
    struct PointItem: Encodable {
        var period: String
        var n: Int, responses: Int
        var nps: Interval?, npsCount: Int
        var csatTopBox: Interval?, csatMean: Interval?, csatCount: Int
        var cesMean: Interval?, cesCount: Int
        var negativeShare: Interval?, sentimentCount: Int
        var tooFew: Bool
    }
    struct SeriesItem: Encodable { var scope: ScopeItem, points: [PointItem] }

    static func trends(_ t: Trends) -> TrendsItem {
        let p = t.periods
        return TrendsItem(
            unit: p.unit.rawValue, periods: p.periods.map { PeriodItem(label: $0.label, first: $0.first, last: $0.last) },
            correction: t.changes.correction.rawValue, level: t.changes.level, comparisons: t.changes.tests.count,
            skippedTooFew: t.changes.skippedTooFew, undated: p.undated, undatedRespondents: p.undatedRespondents,
            smallSample: p.smallSample,
            significant: t.changes.significant.map { c in
                ChangeItem(
                    scope: ScopeItem(kind: c.scope.kind.rawValue, id: c.scope.id), metric: c.metric.rawValue,
                    before: SideItem(period: c.from, figure: interval(c.before), n: c.nBefore),
                    after: SideItem(period: c.to, figure: interval(c.after), n: c.nAfter), difference: interval(c.difference),
                    pValue: pRound(c.pValue), adjustedP: pRound(c.adjustedP), worse: c.isWorse, method: c.method)
            },
            series: p.allSeries.map { s in
                SeriesItem(
                    scope: ScopeItem(kind: s.scope.kind.rawValue, id: s.scope.id),
                    points: s.points.map { f in
                        PointItem(
                            period: f.period.label, n: f.n, responses: f.responses, nps: f.nps.map(interval), npsCount: f.npsCount,
                            csatTopBox: f.csatTopBox.map(interval), csatMean: f.csatMean.map(interval), csatCount: f.csatCount,
                            cesMean: f.cesMean.map(interval), cesCount: f.cesCount, negativeShare: f.negativeShare.map(interval),
                            sentimentCount: f.sentimentCount, tooFew: f.tooFew)
                    })
            })
    }

    /// p-values keep their small size: six significant digits, not three decimals.
    static func pRound(_ p: Double) -> Double {
        guard p > 0 else { return 0 }
        let digits = 6 - Int((log10(p)).rounded(.up))
        let scale = pow(10.0, Double(max(0, digits)))
        return (p * scale).rounded() / scale
    }
}
