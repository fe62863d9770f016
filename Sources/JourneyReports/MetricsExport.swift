import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

/// `journeymap metrics`: the joined metrics as CSV (formula-safe cells) or JSON, one row per
/// group. Deterministic: groups in journey order, then sorted.
public enum MetricsExport {
    /// The kind of group a row describes (`--by`).
    public enum Level: String, CaseIterable, Sendable {
        case touchpoint, stage, department, channel, segment, journey
        /// Per period (`--by period`): the touchpoint, stage and journey levels given, each period apart.
        case period
    }

    static let columns = [
        "level", "id", "responses", "nps", "nps_low", "nps_high", "promoters", "passives", "detractors",
        "csat_top2_pct", "csat_mean", "ces_mean", "ces_easy_pct", "positive", "neutral", "negative",
        "measured_emotion", "small_sample", "top_category",
        // Respondent-level columns (docs/feedback.md#intervals), appended so old readers keep their indices.
        "respondents", "csat_top2_low", "csat_top2_high", "csat_mean_low", "csat_mean_high",
        "ces_mean_low", "ces_mean_high", "negative_pct", "negative_low", "negative_high", "clustered_by_respondent",
    ]

    /// One row per group of each level, in journey order.
    public static func rows(_ j: Journey, _ m: JourneyMeasurements, levels: [Level]) -> [(Level, String, Metrics)] {
        var out: [(Level, String, Metrics)] = []
        for level in levels {
            switch level {
            case .touchpoint: out += j.touchpoints.compactMap { t in m.byTouchpoint[t.id].map { (level, t.id, $0) } }
            case .stage: out += j.stages.compactMap { s in m.byStage[s.id].map { (level, s.id, $0) } }
            case .department: out += j.departments.compactMap { d in m.byDepartment[d.id].map { (level, d.id, $0) } }
            case .channel: out += j.channels.compactMap { c in m.byChannel[c.id].map { (level, c.id, $0) } }
            case .segment: out += m.bySegment.sorted { $0.key < $1.key }.map { (level, $0.key, $0.value) }
            case .journey: out.append((level, j.id, m.journey))
            case .period: break  // its own table: periodsCSV, or `trends` in the JSON
            }
        }
        return out
    }

    /// The rows as CSV with a header; cells that a spreadsheet would run as formulas are quoted harmless.
    public static func csv(_ j: Journey, _ m: JourneyMeasurements, levels: [Level]) -> String {
        // Each declared index adds its value, interval and n (docs/feedback.md#composite-indices).
        let indexColumns = j.indices.flatMap { i in ["", "_low", "_high", "_n"].map { Escape.csvField("index_" + i.id + $0) } }
        var out = (columns + indexColumns).joined(separator: ",") + "\n"
        for (level, id, x) in rows(j, m, levels: levels) {
            let cells: [String] = [
                level.rawValue, id, "\(x.responses)", num(x.nps?.value), num(x.nps?.low), num(x.nps?.high),
                "\(x.promoters)", "\(x.passives)", "\(x.detractors)", num(x.csatTopBox?.value), num(x.csatMean), num(x.cesMean),
                num(x.cesEasy), "\(x.sentimentCounts[.positive] ?? 0)", "\(x.sentimentCounts[.neutral] ?? 0)",
                "\(x.sentimentCounts[.negative] ?? 0)", num(x.measuredEmotion), x.isSmallSample ? "true" : "false",
                x.topCategories.first?.category ?? "",
                "\(x.respondents)", num(x.csatTopBox?.low), num(x.csatTopBox?.high), num(x.csatMeanInterval?.low),
                num(x.csatMeanInterval?.high),
                num(x.cesMeanInterval?.low), num(x.cesMeanInterval?.high), num(x.negativeShare?.value), num(x.negativeShare?.low),
                num(x.negativeShare?.high), x.clusteredByRespondent ? "true" : "false",
            ]
            // Ids and categories come from input: formula-neutralised and quoted.
            let indexCells = j.indices.flatMap { i -> [String] in
                let e = x.indices[i.id]
                return [num(e?.value), num(e?.interval?.low), num(e?.interval?.high), e.map { "\($0.respondents)" } ?? ""]
            }
            out +=
                (cells.enumerated().map { i, c in i == 1 || i == 18 ? Escape.csvField(c) : c } + indexCells).joined(separator: ",") + "\n"
        }
        return out
    }

    /// `drivers`: key drivers per outcome (`--drivers`), added as the document's `drivers`;
    /// `trends` (`--by period`): every period's figures and the significant changes, as `trends`.
    public static func json(
        _ j: Journey, _ m: JourneyMeasurements, levels: [Level], drivers: [KeyDriverReport]? = nil, trends: Trends? = nil,
        driversByPeriod: [(period: Period, reports: [KeyDriverReport])]? = nil
    ) throws -> String {
        var items: [JSONBox] = []
        for (level, id, x) in rows(j, m, levels: levels) {
            var o: [String: JSONBox] = [
                "level": .string(level.rawValue), "id": .string(id), "responses": .int(x.responses),
                "promoters": .int(x.promoters), "passives": .int(x.passives), "detractors": .int(x.detractors),
                "smallSample": .bool(x.isSmallSample),
            ]
            if let n = x.nps { o["nps"] = .object(["value": .double(r(n.value)), "low": .double(r(n.low)), "high": .double(r(n.high))]) }
            if let c = x.csatTopBox {
                o["csatTopBox"] = .object(["value": .double(r(c.value)), "low": .double(r(c.low)), "high": .double(r(c.high))])
            }
            func interval(_ c: ScoreInterval) -> JSONBox {
                .object(["value": .double(r(c.value)), "low": .double(r(c.low)), "high": .double(r(c.high))])
            }
            o["respondents"] = .int(x.respondents)
            o["clusteredByRespondent"] = .bool(x.clusteredByRespondent)
            if let c = x.csatMeanInterval { o["csatMeanInterval"] = interval(c) }
            if let c = x.cesMeanInterval { o["cesMeanInterval"] = interval(c) }
            if let c = x.negativeShare { o["negativeShare"] = interval(c) }
            if let v = x.csatMean { o["csatMean"] = .double(r(v)) }
            if let v = x.cesMean { o["cesMean"] = .double(r(v)) }
            if let v = x.cesEasy { o["cesEasy"] = .double(r(v)) }
            if let v = x.measuredEmotion { o["measuredEmotion"] = .double(r(v)) }
            o["sentiment"] = .object(
                Dictionary(uniqueKeysWithValues: Sentiment.allCases.map { ($0.rawValue, JSONBox.int(x.sentimentCounts[$0] ?? 0)) }))
            if !x.indices.isEmpty { o["indices"] = indicesJSON(x.indices) }
            o["topCategories"] = .array(x.topCategories.map { .object(["category": .string($0.category), "count": .int($0.count)]) })
            items.append(.object(o))
        }
        let a = m.accounting
        func tally(_ t: RowAccounting.Tally) -> JSONBox {
            .object([
                "read": .int(t.read), "used": .int(t.used), "rejected": .int(t.rejected), "unmatched": .int(t.unmatched),
                "filtered": .int(t.filtered),
            ])
        }
        var doc: [String: JSONBox] = [
            "schema": .string("journeymap.metrics"), "version": .int(1), "journey": .string(j.id),
            "rows": .object([
                "read": .int(a.read), "used": .int(a.used), "rejected": .int(a.rejected),
                "unmatched": .int(a.unmatched), "filtered": .int(a.filtered),
            ]),
            "respondents": tally(a.respondents), "ratings": tally(a.ratings), "ratingsNotAnswered": .int(a.ratingsMissing),
            "groups": .array(items),
        ]
        if let drivers { doc["drivers"] = driversJSON(drivers) }
        if let trends { doc["trends"] = trendsJSON(j, trends, levels: levels) }
        if let driversByPeriod { doc["driversByPeriod"] = driversByPeriodJSON(driversByPeriod) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(JSONBox.object(doc)), as: UTF8.self) + "\n"
    }

    static func r(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// Each index measured in a group: value, interval, standard error, n and its measures.
    static func indicesJSON(_ indices: [String: IndexEstimate]) -> JSONBox {
        .object(
            indices.mapValues { e in
                var o: [String: JSONBox] = [
                    "value": .double(r(e.value)), "respondents": .int(e.respondents),
                    "components": .array(
                        e.components.map {
                            .object([
                                "measure": .string($0.measure), "weight": .double(r($0.weight)), "score": .double(r($0.score)),
                                "answers": .int($0.answers),
                            ])
                        }),
                ]
                if let i = e.interval { o["low"] = .double(r(i.low)); o["high"] = .double(r(i.high)) }
                if let se = e.standardError { o["standardError"] = .double(r(se)) }
                return .object(o)
            })
    }

    static func num(_ x: Double?) -> String {
        guard let x else { return "" }
        let v = r(x)
        return v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
