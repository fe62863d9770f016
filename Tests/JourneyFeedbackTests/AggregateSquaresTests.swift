import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// `format aggregate` with the sums of squares that `journeymap sql` writes (`csat_sq`,
/// `ces_sq`): the means get the same t intervals as the raw rows give.
@Suite struct AggregateSquaresTests {
    static let raw = """
        touchpoint,nps,csat,ces,sentiment
        a,9,5,2,positive
        a,3,2,6,negative
        a,7,4,,neutral
        a,10,,3,

        """

    /// The raw rows' totals by hand: csat 5+2+4 = 11, squares 25+4+16 = 45; ces 2+6+3 = 11,
    /// squares 4+36+9 = 49.
    static func aggregate(squares: String?) -> String {
        let header =
            "touchpoint,responses,promoters,passives,detractors,csat_sum,csat_count,csat_top2,ces_sum,ces_count,ces_easy,positive,neutral,negative"
        let row = "a,4,2,1,1,11,3,2,11,3,1,1,1,1"
        guard let squares else { return header + "\n" + row + "\n" }
        return header + ",csat_sq,ces_sq\n" + row + "," + squares + "\n"
    }

    static func joinAggregate(_ text: String) throws -> (JourneyMeasurements, [Diagnostic]) {
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return FeedbackJoin.run(Fixture.journey([Fixture.source(path, format: .aggregate)]))
    }

    @Test func squaresGiveTheRawMeanIntervals() throws {
        let (raw, _) = try Fixture.join(Self.raw)
        let (agg, diags) = try Self.joinAggregate(Self.aggregate(squares: "45,49"))
        #expect(!diags.contains { $0.severity == .error }, "\(diags.map(\.message))")
        let r = try #require(raw.byTouchpoint["a"]), a = try #require(agg.byTouchpoint["a"])
        #expect(r.csatMeanInterval != nil && r.cesMeanInterval != nil)
        #expect(a.csatMeanInterval == r.csatMeanInterval)
        #expect(a.cesMeanInterval == r.cesMeanInterval)
        #expect(a.csatMean == r.csatMean && a.nps == r.nps)
    }

    @Test func withoutSquaresTheMeansHaveNoInterval() throws {
        let (agg, _) = try Self.joinAggregate(Self.aggregate(squares: nil))
        let a = try #require(agg.byTouchpoint["a"])
        #expect(a.csatMean != nil)
        #expect(a.csatMeanInterval == nil)
    }

    /// Squares no answers could give: below (Σx)²/n (11²/3 ≈ 40.3), above max²·n (25·3 = 75),
    /// or not a number.
    @Test(arguments: ["40,49", "76,49", "45,x", "45,-1"])
    func impossibleSquaresAreRejected(_ squares: String) throws {
        let (agg, diags) = try Self.joinAggregate(Self.aggregate(squares: squares))
        #expect(agg.byTouchpoint["a"] == nil)
        #expect(diags.contains { $0.message.contains("sq") }, "\(diags.map(\.message))")
    }

    /// Engines write large doubles with an exponent (Spark and Java from 10⁷ up: `4.5E1` here
    /// stands for them) and with all 17 digits: the aggregate reads both.
    @Test func exportedNumbersAreRead() throws {
        let text = Self.aggregate(squares: "4.5E1,49.000000000000000").replacingOccurrences(of: ",11,3,2,11,", with: ",1.1e1,3,2,11.0,")
        let (agg, diags) = try Self.joinAggregate(text)
        #expect(!diags.contains { $0.severity != .note }, "\(diags.map(\.message))")
        let (raw, _) = try Fixture.join(Self.raw)
        #expect(agg.byTouchpoint["a"]?.csatMeanInterval == raw.byTouchpoint["a"]?.csatMeanInterval)
        // Still refused: not numbers at all.
        for bad in ["nan", "inf", "0x2D", "E5", "4.5.1"] {
            let (m, d) = try Self.joinAggregate(Self.aggregate(squares: "\(bad),49"))
            #expect(m.byTouchpoint["a"] == nil, "\(bad)")
            #expect(!d.isEmpty)
        }
    }
}
