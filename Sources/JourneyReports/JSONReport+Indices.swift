import JourneyAnalysis
import JourneyCore
import JourneyFeedback

extension JSONReport {
    /// A declared composite index and every group measuring it (docs/feedback.md#composite-indices).
    struct IndexItem: Encodable {
        var id: String, title: String, formula: String
        var groups: [IndexGroup]
    }
    /// The index in one group: `level` (`journey`, `stage`, `department`, `segment`,
    /// `touchpoint`) and `id` name the group as a target's `at` does.
    struct IndexGroup: Encodable {
        var level: String, id: String
        var value: Double
        var interval: Interval?
        var standardError: Double?
        var n: Int
        var components: [IndexComponent]
    }
    /// One measure of the index in the group, on 0–100, with its normalised weight and answers.
    struct IndexComponent: Encodable { var measure: String, weight: Double, score: Double, answers: Int }

    /// The declared indices in the journey's order; nil when the journey declares none (the
    /// key is then absent, so reports of journeys without indices keep their bytes).
    static func indices(_ journey: Journey?, _ m: JourneyMeasurements) -> [IndexItem]? {
        guard let journey, !journey.indices.isEmpty else { return nil }
        return journey.indices.map { index in
            IndexItem(
                id: index.id, title: index.title, formula: index.formula,
                groups: IndexRows.rows(index, journey, m, .en).map { row in
                    let (level, id) = levelAndID(row.scope, journey)
                    let e = row.estimate
                    return IndexGroup(
                        level: level, id: id, value: round(e.value), interval: e.interval.map(interval),
                        standardError: e.standardError.map(round), n: e.respondents,
                        components: e.components.map {
                            IndexComponent(measure: $0.measure, weight: round($0.weight), score: round($0.score), answers: $0.answers)
                        })
                })
        }
    }

    static func levelAndID(_ scope: Target.Scope, _ journey: Journey) -> (String, String) {
        switch scope {
        case .journey: ("journey", journey.id)
        case .stage(let id): ("stage", id)
        case .touchpoint(let id): ("touchpoint", id)
        case .department(let id): ("department", id)
        case .channel(let id): ("channel", id)
        case .segment(let id): ("segment", id)
        }
    }
}
