import Foundation
import JourneyCore
import JourneyFeedback

/// A small journey with touchpoints in two stages and two departments, and a data file.
enum Fixture {
    static let r = SourceRange.file("t.journey")

    static func journey(_ sources: [FeedbackSource], ids: [String] = ["a", "b", "c", "d"]) -> Journey {
        let tps = ids.enumerated().map { i, id in
            Touchpoint(
                id: id, title: id.uppercased(), stageID: i < 2 ? "s1" : "s2", channel: "web", owner: i % 2 == 0 ? "ops" : "care", range: r)
        }
        return Journey(
            id: "t", title: "T",
            departments: [Department(id: "ops", title: "Ops", range: r), Department(id: "care", title: "Care", range: r)],
            channels: [Channel(id: "web", title: "Web", range: r)],
            stages: [
                Stage(id: "s1", title: "S1", touchpoints: Array(tps.prefix(2)), range: r),
                Stage(id: "s2", title: "S2", touchpoints: Array(tps.dropFirst(2)), range: r),
            ],
            feedback: sources, sourceFile: "t.journey", range: r)
    }

    static func file(_ text: String, ext: String = "csv") throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-\(UUID().uuidString).\(ext)").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func bytes(_ data: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fb-\(UUID().uuidString).csv").path
        try Data(data).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func source(
        _ path: String, format: FeedbackSource.Format? = nil, columns: [String: String] = [:],
        rules: [(String, String)] = []
    ) -> FeedbackSource {
        FeedbackSource(
            path: path, resolvedPath: path, format: format, columns: columns,
            categoryRules: rules.map { CategoryRule(category: $0.0, touchpoint: $0.1, range: r) }, range: r)
    }

    /// Joins text as a CSV against the fixture journey.
    static func join(
        _ text: String, columns: [String: String] = [:], rules: [(String, String)] = [], options: JoinOptions = JoinOptions()
    ) throws -> (JourneyMeasurements, [Diagnostic]) {
        let path = try file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = journey([source(path, columns: columns, rules: rules)])
        return FeedbackJoin.run(j, options: options)
    }
}

extension RowAccounting {
    var balances: Bool { read == used + rejected + unmatched + filtered }
}
