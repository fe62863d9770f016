import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `pain-points.json`: a stable, versioned schema (docs/pain-points.md#json-schema).
/// Keys are sorted and numbers rounded to three decimals so that the bytes are stable.
public enum JSONReport {
    /// The `version` of the schema; raised on any incompatible change.
    public static let schemaVersion = 2

    struct Document: Encodable {
        var schema = "journeymap.pain-points"
        var version = JSONReport.schemaVersion
        var journey: Ref
        var data: DataSummary
        var drivers: Drivers?
        var painPoints: [Item]
        var declaredPains: [Declared]
        var departments: [Department]
        var targets: [TargetItem]
        var trends: TrendsItem?
        var indices: [IndexItem]?
    }
    struct Ref: Encodable { var id: String; var title: String }
    struct DataSummary: Encodable {
        var rowsRead: Int, used: Int, rejected: Int, unmatched: Int, filtered: Int
        var firstDate: String?, lastDate: String?
        var journey: MetricsItem
    }
    struct Interval: Encodable { var value: Double; var low: Double; var high: Double }
    struct MetricsItem: Encodable {
        var responses: Int
        var nps: Interval?
        var csatTopBox: Interval?
        var csatMean: Double?
        var cesMean: Double?
        var cesEasy: Double?
        var sentiment: [String: Int]
        var measuredEmotion: Double?
        var topCategories: [CategoryCount]
        var smallSample: Bool
    }
    struct Item: Encodable {
        var rank: Int
        var touchpoint: Ref
        var stage: String
        var owner: Ref?
        var score: Double
        var explanation: String
        var momentOfTruth: Bool
        var smallSample: Bool
        var components: [String: Double]
        var metrics: MetricsItem?
        var comments: [Comment]
        var declaredPains: [String]
        var opportunities: [String]
        var priority: Double?
    }
    struct Declared: Encodable { var touchpoint: String; var text: String; var status: String; var evidence: String }
    struct Drivers: Encodable {
        var outcome: String, outcomeName: String, model: String, missingRule: String
        var respondents: Int, rSquared: Interval?, resamples: Int, seed: UInt64
        var importanceSplit: Double, performanceSplit: Double?
        var touchpoints: [DriverItem]
    }
    struct DriverItem: Encodable {
        var touchpoint: Ref, owner: Ref?
        var rank: Int, n: Int
        var importance: Interval, rawWeight: Double, correlation: Double
        var performance: Interval?, performanceMeasure: String?, performanceN: Int
        var gap: Double?, priority: Double, quadrant: String?, nearQuadrantLine: Bool
    }
    struct Department: Encodable {
        var id: String, title: String
        var touchpoints: [String]
        var painPoints: [String]
        var missedTargets: [String]
        var opportunities: [[String: String]]
    }
    struct TargetItem: Encodable {
        var metric: String, comparison: String, value: Double, percent: Bool
        var scope: String, status: String
        var figure: Double?
        var interval: Interval?
        var straddles: Bool
        var responses: Int
        var message: String
    }

    /// The report as JSON with sorted keys and rounded numbers; `journey` adds its composite
    /// indices (`indices`, absent without a journey or when it declares none).
    public static func render(_ r: PainPointReport, journey: Journey? = nil) throws -> String {
        let a = r.measurements.accounting
        let doc = Document(
            journey: Ref(id: r.journeyID, title: r.journeyTitle),
            data: DataSummary(
                rowsRead: a.read, used: a.used, rejected: a.rejected, unmatched: a.unmatched, filtered: a.filtered,
                firstDate: r.measurements.firstDate, lastDate: r.measurements.lastDate,
                journey: item(r.measurements.journey)),
            drivers: r.drivers.map(drivers),
            painPoints: r.painPoints.map { p in
                Item(
                    rank: p.rank, touchpoint: Ref(id: p.touchpointID, title: p.touchpointTitle), stage: p.stageID,
                    owner: p.ownerID.map { Ref(id: $0, title: p.ownerTitle ?? $0) }, score: round(p.score),
                    explanation: p.explanation, momentOfTruth: p.isMomentOfTruth, smallSample: p.isSmallSample,
                    components: components(p.components), metrics: p.metrics.map(item),
                    comments: p.metrics?.comments ?? [], declaredPains: p.declaredPains, opportunities: p.opportunities,
                    priority: p.priority.map { round($0.priority) })
            },
            declaredPains: r.declaredPains.map {
                Declared(touchpoint: $0.touchpointID, text: $0.text, status: $0.status.rawValue, evidence: $0.evidence)
            },
            departments: r.departments.map { d in
                Department(
                    id: d.id, title: d.title, touchpoints: d.touchpoints, painPoints: d.painPoints.map(\.touchpointID),
                    missedTargets: d.missedTargets.map(\.message),
                    opportunities: d.opportunities.map { ["touchpoint": $0.touchpointID, "text": $0.text] })
            },
            targets: r.targets.map { t in
                TargetItem(
                    metric: t.target.metricName, comparison: t.target.comparison.rawValue, value: t.target.value,
                    percent: t.target.isPercent, scope: t.scopeDescription, status: t.status.rawValue,
                    figure: t.value.map(round), interval: t.interval.map(interval), straddles: t.straddles,
                    responses: t.responses, message: t.message)
            }, trends: r.trends.map(trends), indices: indices(journey, r.measurements))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(doc), as: UTF8.self) + "\n"
    }

    static func round(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func interval(_ i: ScoreInterval) -> Interval { Interval(value: round(i.value), low: round(i.low), high: round(i.high)) }

    static func item(_ m: Metrics) -> MetricsItem {
        MetricsItem(
            responses: m.responses, nps: m.nps.map(interval), csatTopBox: m.csatTopBox.map(interval),
            csatMean: m.csatMean.map(round), cesMean: m.cesMean.map(round), cesEasy: m.cesEasy.map(round),
            sentiment: Dictionary(uniqueKeysWithValues: Sentiment.allCases.map { ($0.rawValue, m.sentimentCounts[$0] ?? 0) }),
            measuredEmotion: m.measuredEmotion.map(round), topCategories: m.topCategories, smallSample: m.isSmallSample)
    }

    static func components(_ c: ScoreComponents) -> [String: Double] {
        [
            "npsImpact": round(c.npsImpact), "csatImpact": round(c.csatImpact), "sentimentImpact": round(c.sentimentImpact),
            "evidence": round(c.evidence), "designedDip": round(c.designedDip), "measuredDip": round(c.measuredDip),
            "gap": round(c.gap), "localMinimum": c.isLocalMinimum ? 1 : 0, "momentOfTruthWeight": c.momentOfTruthWeight,
            "curveWeight": round(c.curveWeight), "confidence": round(c.confidence),
            "designOnly": c.designOnly ? 1 : 0, "handoff": c.isHandoff ? 1 : 0, "pathEnd": c.isLast ? 1 : 0, "worst": c.isWorst ? 1 : 0,
        ]
    }

    static func drivers(_ s: DriverSummary) -> Drivers {
        let k = s.keyDrivers
        return Drivers(
            outcome: k.outcomeID, outcomeName: s.outcomeName, model: k.model, missingRule: k.missingRule,
            respondents: k.respondents, rSquared: k.rSquared.map(interval), resamples: k.resamples, seed: k.seed,
            importanceSplit: round(s.importanceSplit), performanceSplit: s.performanceSplit.map(round),
            touchpoints: s.rows.map { d in
                DriverItem(
                    touchpoint: Ref(id: d.touchpointID, title: d.touchpointTitle),
                    owner: d.ownerID.map { Ref(id: $0, title: d.ownerTitle ?? $0) },
                    rank: d.driver.rank, n: d.driver.n, importance: interval(d.driver.importance),
                    rawWeight: round(d.driver.rawWeight), correlation: round(d.driver.correlation),
                    performance: d.performance.map(interval), performanceMeasure: d.measure?.rawValue,
                    performanceN: d.performanceN, gap: d.gap.map(round), priority: round(d.priority),
                    quadrant: d.quadrant?.rawValue, nearQuadrantLine: d.nearQuadrantLine)
            })
    }
}
