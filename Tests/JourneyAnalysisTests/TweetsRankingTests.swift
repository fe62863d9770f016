import Foundation
import JourneyAnalysis
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// The real Twitter airline data, joined by complaint reason: the touchpoints customers
/// complain about most must rank on top, in the order of the dataset's own counts.
@Suite struct TweetsRankingTests {
    static let rules: [(String, String)] = [
        ("Customer Service Issue", "care"), ("Late Flight", "delay"), ("Cancelled Flight", "cancel"),
        ("Lost Luggage", "bags"), ("Damaged Luggage", "bags"), ("Bad Flight", "flight"),
        ("Flight Booking Problems", "booking"), ("Flight Attendant Complaints", "crew"), ("longlines", "queue"),
    ]

    /// CC BY-NC-SA data, kept out of the repository (Tests/Fixtures/README.md).
    static let tweets = Repo.sharedData("airline-tweets/Tweets.csv")

    @Test(
        .enabled(
            if: tweets != nil,
            "needs ../shared/data/airline-tweets/Tweets.csv (or JOURNEYMAP_SHARED); its licence keeps it out of the repository"))
    func rankingFollowsTheComplaintCounts() throws {
        let path = try #require(Self.tweets)
        let r = SourceRange.file("tweets.journey")
        let ids = ["booking", "delay", "cancel", "queue", "crew", "flight", "bags", "care"]
        let tps = ids.map { Touchpoint(id: $0, title: $0, stageID: "all", owner: "ops", range: r) }
        let source = FeedbackSource(
            path: path, resolvedPath: path,
            columns: ["category": "negativereason", "sentiment": "airline_sentiment", "comment": "text", "date": "tweet_created"],
            categoryRules: Self.rules.map { CategoryRule(category: $0.0, touchpoint: $0.1, range: r) }, range: r)
        let j = Journey(
            id: "tweets", title: "Tweets", departments: [Department(id: "ops", title: "Ops", range: r)],
            stages: [Stage(id: "all", title: "All", touchpoints: tps, range: r)], feedback: [source],
            sourceFile: "tweets.journey", range: r)
        let (m, diags) = FeedbackJoin.run(j)
        #expect(!diags.hasErrors)
        let counts: [String: Int] = [
            "care": 2910, "delay": 1665, "cancel": 847, "bags": 798, "flight": 580, "booking": 529, "crew": 481, "queue": 178,
        ]
        for (id, n) in counts { #expect(m.byTouchpoint[id]?.responses == n, "\(id)") }
        let report = PainPointAnalysis.analyse(j, m)
        let byScore = report.painPoints.map(\.touchpointID)
        let byCount = counts.sorted { $0.value > $1.value }.map(\.key)
        #expect(byScore == byCount, "pain ranking \(byScore) vs complaint counts \(byCount)")
    }
}
