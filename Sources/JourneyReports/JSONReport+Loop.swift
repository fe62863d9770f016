import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension JSONReport {
    /// `loop.json`: the loop metrics per department and period, and the overdue follow-ups
    /// (schema `journeymap.loop` version 1, schemas/loop.schema.json; sorted keys, numbers rounded
    /// to three decimals: the same summary gives the same bytes).
    public static func loop(_ s: LoopSummary) throws -> String {
        struct Overdue: Encodable { var respondent: String?, touchpoints: [String], date: String?, due: String? }
        struct Department: Encodable {
            var id: String, title: String, serviceLevelHours: Int?, total: LoopFigures, periods: [LoopFigures]
            var overdue: [Overdue], laterScore: LaterScoreComparison?
        }
        struct Document: Encodable {
            var schema = "journeymap.loop", version = 1
            var asOf: String, recordRows: Int, departments: [Department]
        }
        // Figures rounded to three decimals, as in pain-points.json, so the bytes are stable.
        func interval(_ i: ScoreInterval) -> ScoreInterval { ScoreInterval(value: round(i.value), low: round(i.low), high: round(i.high)) }
        func rounded(_ f: LoopFigures) -> LoopFigures {
            var f = f
            f.contactedShare = f.contactedShare.map(interval)
            f.medianDaysToFirstContact = f.medianDaysToFirstContact.map(round)
            return f
        }
        func rounded(_ l: LaterScoreComparison?) -> LaterScoreComparison? {
            guard var l else { return nil }
            l.contactedMean = l.contactedMean.map(round)
            l.notContactedMean = l.notContactedMean.map(round)
            l.difference = l.difference.map(interval)
            return l
        }
        let doc = Document(
            asOf: s.asOf, recordRows: s.recordRows,
            departments: s.departments.map { d in
                Department(
                    id: d.department, title: d.title, serviceLevelHours: d.hours, total: rounded(d.total), periods: d.periods.map(rounded),
                    overdue: d.overdue.map { Overdue(respondent: $0.respondent, touchpoints: $0.touchpoints, date: $0.date, due: $0.due) },
                    laterScore: rounded(d.later))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(doc), as: UTF8.self) + "\n"
    }
}
