import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// Values are checked strictly; a bad value rejects its row with a line and column.
@Suite struct ValueCheckTests {
    @Test(arguments: ["1e309", "NaN", "inf", "٣", "１", "5,5", "0x5", "11", "7.5", "-1", "--5"])
    func badNPSIsRejected(_ value: String) throws {
        let (m, diags) = try Fixture.join("touchpoint,nps\na,\"\(value)\"\n")
        #expect(m.accounting.rejected == 1 && m.accounting.used == 0, "\(value)")
        let d = try #require(diags.first { $0.code == "JM310" })
        #expect(d.range.start.line == 2 && d.range.start.column == 3)
        #expect(d.severity == .warning)
    }

    @Test(arguments: [" 5 ", "-0", "+7", "10"])
    func acceptableNPS(_ value: String) throws {
        let (m, _) = try Fixture.join("touchpoint,nps\na,\(value)\n")
        #expect(m.accounting.used == 1, "\(value)")
    }

    @Test func strictMakesRowProblemsErrors() throws {
        var o = JoinOptions()
        o.strict = true
        let (_, diags) = try Fixture.join("touchpoint,nps\na,11\n", options: o)
        #expect(diags.contains { $0.code == "JM310" && $0.severity == .error })
    }

    @Test func datesAreRealCalendarDatesAndFilter() throws {
        let text = "touchpoint,date,nps\na,2024-02-30,1\na,2024-02-29,9\na,2023-12-31,9\na,2024-03-01 10:00:00 -0800,9\n"
        var o = JoinOptions()
        o.since = "2024-01-01"
        o.until = "2024-02-29"
        let (m, diags) = try Fixture.join(text, options: o)
        #expect(diags.contains { $0.message.contains("'2024-02-30' is not a valid date") })
        #expect(m.accounting.used == 1 && m.accounting.filtered == 2 && m.accounting.rejected == 1)
        #expect(m.firstDate == "2024-02-29" && m.lastDate == "2024-02-29")
        #expect(m.accounting.balances)
    }

    @Test func unmatchedIdsSuggestAndRulesJoinByCategory() throws {
        let text = "touchpoint,category,nps\nbb,,5\n,Billing/Fees,3\n,delivery,9\n,,9\n"
        let (m, diags) = try Fixture.join(text, rules: [("billing", "c")])
        #expect(diags.contains { $0.code == "JM312" && $0.message.contains("'bb'; did you mean 'b'?") })
        #expect(m.byTouchpoint["c"]?.responses == 1, "case-insensitive, parent category")
        #expect(m.accounting.unmatched == 3)
        #expect(m.accounting.unmatchedByKey["bb"] == 1)
        #expect(m.journey.responses == 4, "unmatched valid rows still count for the journey baseline")
    }

    @Test func sentimentWordsAndNumbers() throws {
        let text = "touchpoint,sentiment\na,NEGATIVE\na,0.8\na,-0.9\na,0\na,meh\n"
        let (m, diags) = try Fixture.join(text)
        #expect(m.byTouchpoint["a"]?.sentimentCounts == [.negative: 2, .neutral: 1, .positive: 1])
        #expect(diags.contains { $0.message.contains("sentiment 'meh'") })
    }
}
