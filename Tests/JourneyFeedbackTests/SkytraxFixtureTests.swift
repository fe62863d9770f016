import Foundation
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// Real survey data shipped with the repository (Tests/Fixtures/skytrax, CC0): a wide export
/// with blanks and free text spanning lines, joined by lounge type. Every figure equals an
/// independent count with Python's csv module (the numbers in the comments were computed so).
@Suite struct SkytraxFixtureTests {
    static let lounge = Repo.fixture("skytrax/lounge.csv")

    @Test func loungeReviewsJoinByLoungeType() throws {
        let rules = [("Business Class", "business"), ("First Class", "first"), ("Frequent Flyer", "frequent"), ("Other", "other")]
        let source = Fixture.source(
            Self.lounge, columns: ["category": "lounge_type", "csat": "comfort_rating", "comment": "content", "date": "date"],
            rules: rules)
        let (m, diags) = FeedbackJoin.run(Fixture.journey([source], ids: rules.map(\.1)))
        #expect(!diags.hasErrors)
        #expect(m.accounting.read == 2_264, "reviews (python: len(list(csv.DictReader(f))))")
        #expect(m.accounting.balances)
        // Eight comfort ratings are 0, outside the 1..5 scale: rejected (values are checked
        // before the join), never counted; 299 valid rows have no lounge type.
        #expect(m.accounting.rejected == 8)
        #expect(m.accounting.unmatched == 299)
        #expect(m.accounting.used == 1_957)
        #expect(diags.contains { $0.code == "JM310" && $0.message.contains("csat 0") })
        // python: Counter(lounge_type) over rows whose comfort_rating is 1..5; top box is 4 or 5.
        let expected: [String: (n: Int, top: Int, sum: Int)] = [
            "business": (1693, 852, 5611), "first": (232, 146, 852), "frequent": (29, 14, 97), "other": (3, 3, 12),
        ]
        for (id, e) in expected {
            let x = try #require(m.byTouchpoint[id], "\(id)")
            #expect(x.responses == e.n && x.csatCount == e.n, "\(id)")
            #expect(x.csatTopBox?.value == 100 * Double(e.top) / Double(e.n), "\(id)")
            #expect(x.csatMean == Double(e.sum) / Double(e.n), "\(id)")
        }
    }

    /// The copies in Tests/Fixtures are the files in ../shared, byte for byte, when it is there.
    @Test(.enabled(if: Repo.sharedData("skytrax") != nil, "needs ../shared/data/skytrax to compare with"))
    func fixturesAreUnchangedCopies() throws {
        let shared = try #require(Repo.sharedData("skytrax"))
        for name in ["lounge.csv", "seat.csv"] {
            #expect(
                FileManager.default.contents(atPath: shared + "/" + name)
                    == FileManager.default.contents(atPath: Repo.fixture("skytrax/" + name)), "\(name)")
        }
    }
}
