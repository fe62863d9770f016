import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension JSONReport {
    /// `loop.json`: the loop metrics per department and period, and the overdue follow-ups
    /// (sorted keys; the same summary gives the same bytes).
    public static func loop(_ s: LoopSummary) throws -> String {
        struct Overdue: Encodable { var respondent: String?, touchpoints: [String], date: String?, due: String? }
        struct Department: Encodable {
            var id: String, title: String, serviceLevelHours: Int?, total: LoopFigures, periods: [LoopFigures]
            var overdue: [Overdue], laterScore: LaterScoreComparison?
        }
        struct Document: Encodable { var asOf: String, recordRows: Int, departments: [Department] }
        let doc = Document(
            asOf: s.asOf, recordRows: s.recordRows,
            departments: s.departments.map { d in
                Department(
                    id: d.department, title: d.title, serviceLevelHours: d.hours, total: d.total, periods: d.periods,
                    overdue: d.overdue.map { Overdue(respondent: $0.respondent, touchpoints: $0.touchpoints, date: $0.date, due: $0.due) },
                    laterScore: d.later)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(doc), as: UTF8.self) + "\n"
    }
}
