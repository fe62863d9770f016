import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// Join results that used to be wrong without a word (issue 11, point 6). Each test failed
/// before its fix.
@Suite struct SilentResultTests {
    @Test func theFirstCategoryRuleWinsAsInSQL() throws {
        // Two rules for one category: the first written wins (before: the last did).
        let text = "category,csat\nLate,1\nbilling/fees,2\n"
        let (m, _) = try Fixture.join(text, rules: [("late", "a"), ("LATE", "b"), ("billing", "c"), ("billing/fees", "d")])
        #expect(m.byTouchpoint["a"]?.responses == 1 && m.byTouchpoint["b"] == nil)
        // A parent rule written first wins over a later child rule (before: the child did).
        #expect(m.byTouchpoint["c"]?.responses == 1 && m.byTouchpoint["d"] == nil)
        // A child rule written first is more specific and is used.
        let (m2, _) = try Fixture.join(text, rules: [("billing/fees", "d"), ("billing", "c")])
        #expect(m2.byTouchpoint["d"]?.responses == 1 && m2.byTouchpoint["c"] == nil)
    }

    @Test func theSQLPicksTheSameRule() throws {
        let j = Fixture.journey([Fixture.source("x.csv", rules: [("late", "a"), ("late", "b"), ("billing", "c"), ("billing/fees", "d")])])
        let sql = FeedbackSQL.generate(j, source: j.feedback.first, table: "t", dialect: .duckdb)
        // A CASE takes the first WHEN that matches: 'late' → a before b, 'billing' (and its
        // children) → c before d.
        let a = try #require(sql.range(of: "THEN 'a'")), b = try #require(sql.range(of: "THEN 'b'"))
        let c = try #require(sql.range(of: "THEN 'c'")), d = try #require(sql.range(of: "THEN 'd'"))
        #expect(a.lowerBound < b.lowerBound && c.lowerBound < d.lowerBound)
    }

    @Test func eachFilesScaleDrivesItsOwnRows() throws {
        // File 1: CES 1 on 1..7 lower is better (very easy: +2). File 2 declares higher is
        // better and has no CES of its own. Before: the last file's scale turned file 1's
        // CES round, +2 became −2.
        let p1 = try Fixture.file("touchpoint,ces\na,1\n")
        let p2 = try Fixture.file("touchpoint,csat\nb,5\n")
        defer { try? FileManager.default.removeItem(atPath: p1); try? FileManager.default.removeItem(atPath: p2) }
        var s2 = Fixture.source(p2)
        s2.scales["ces"] = Scale(min: 1, max: 7, lowerIsBetter: false)
        s2.scales["csat"] = Scale(min: 1, max: 10)
        let (m, _) = FeedbackJoin.run(Fixture.journey([Fixture.source(p1), s2]))
        #expect(m.byTouchpoint["a"]?.measuredEmotion == 2)
        // CSAT 5 on 1..10 sits just below the middle: 4·(5−1)/9 − 2 = −0.222…
        #expect(abs((m.byTouchpoint["b"]?.measuredEmotion ?? 9) - (16.0 / 9 - 2)) < 1e-12)
        // Journey: the mean of the two positions.
        #expect(abs((m.journey.measuredEmotion ?? 9) - (2 + 16.0 / 9 - 2) / 2) < 1e-12)
    }

    @Test func aggregateSumsBeyondTheirScaleAreRejected() throws {
        let text = """
            touchpoint,responses,csat_sum,csat_count,csat_top2,ces_sum,ces_count
            a,2,11,2,1,0,0
            a,2,8,2,1,40,2
            a,2,1,2,0,0,0
            a,2,8,2,1,4,2

            """
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path, format: .aggregate)]))
        // csat_sum 11 > 5 × 2; ces_sum 40 > 7 × 2 (a mean of 20); csat_sum 1 < 1 × 2.
        #expect(m.accounting.rejected == 3 && m.accounting.used == 1 && m.accounting.balances)
        #expect(diags.filter { $0.code == "JM310" }.map(\.range.start.line) == [2, 3, 4])
        #expect(diags.contains { $0.message.contains("csat_sum 11 is not possible for 2 answers on 1..5") })
        #expect(m.byTouchpoint["a"]?.csatMean == 4)
    }

    @Test func jsonBooleansAreNotScores() throws {
        // Before: true became 1 (a valid NPS).
        let path = try Fixture.file(
            "{\"touchpoint\": \"a\", \"nps\": true}\n{\"touchpoint\": \"a\", \"csat\": false}\n{\"touchpoint\": \"a\", \"nps\": 9}\n",
            ext: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path)]))
        #expect(m.accounting.rejected == 2 && m.accounting.used == 1)
        #expect(diags.filter { $0.code == "JM310" }.map(\.range.start.line) == [1, 2])
        #expect(diags.contains { $0.message.contains("nps 'true' is not a number") })
    }

    @Test func aRepeatedJSONKeyIsRejected() throws {
        // Before: the last value silently won.
        let path = try Fixture.file(
            "{\"touchpoint\": \"a\", \"nps\": 0}\n{\"touchpoint\": \"a\", \"nps\": 0, \"n\\u0070s\": 10}\n{\"touchpoint\": \"a\", \"x\": {\"nps\": 1}, \"nps\": 10}\n",
            ext: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path)]))
        #expect(m.accounting.rejected == 1 && m.accounting.used == 2 && m.accounting.balances)
        let d = try #require(diags.first { $0.code == "JM310" })
        #expect(d.range.start.line == 2 && d.message.contains("key 'nps' appears twice"))
    }

    @Test func theSameFileDeclaredTwiceIsReadOnce() throws {
        let path = try Fixture.file("touchpoint,nps\na,10\nb,0\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Before: 2 rows reported as 4 here (and 8 with the file declared four times).
        let (m, diags) = FeedbackJoin.run(
            Fixture.journey([Fixture.source(path), Fixture.source(path)]),
            options: {
                var o = JoinOptions(); o.extraFeedback = [path]; return o
            }())
        #expect(m.accounting.read == 2 && m.journey.responses == 2)
        #expect(diags.filter { $0.code == "JM308" }.count == 2)
        #expect(diags.first { $0.code == "JM308" }?.severity == .warning)
    }
}
