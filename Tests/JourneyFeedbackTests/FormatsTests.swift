import Foundation
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

@Suite struct FormatsTests {
    static let csv = "touchpoint,nps,csat,ces,sentiment\na,10,5,1,positive\na,3,2,6,negative\nb,8,4,3,neutral\n"

    @Test func jsonLinesEqualsCSV() throws {
        let jsonl = """
            {"touchpoint": "a", "nps": 10, "csat": 5, "ces": 1, "sentiment": "positive"}
            {"touchpoint": "a", "nps": 3, "csat": 2, "ces": 6, "sentiment": "negative"}
            not json
            {"touchpoint": "b", "nps": "8", "csat": 4, "ces": 3, "sentiment": "neutral"}

            """
        let path = try Fixture.file(jsonl, ext: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (mj, dj) = FeedbackJoin.run(Fixture.journey([Fixture.source(path)]))
        let (mc, _) = try Fixture.join(Self.csv)
        #expect(
            mj.byTouchpoint
                == mc.byTouchpoint.mapValues { m in
                    var m = m
                    m.comments = []
                    return m
                })
        #expect(dj.contains { $0.code == "JM310" && $0.range.start.line == 3 })
    }

    @Test func aggregateEqualsRaw() throws {
        let agg = """
            touchpoint,responses,promoters,passives,detractors,csat_sum,csat_count,csat_top2,ces_sum,ces_count,ces_easy,positive,neutral,negative
            a,2,1,0,1,7,2,1,7,2,1,1,0,1
            b,1,0,1,0,4,1,1,3,1,0,0,1,0
            c,5,9,0,0,0,0,0,0,0,0,0,0,0

            """
        let path = try Fixture.file(agg)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (ma, da) = FeedbackJoin.run(Fixture.journey([Fixture.source(path, format: .aggregate)]))
        let (mc, _) = try Fixture.join(Self.csv)
        for id in ["a", "b"] {
            #expect(ma.byTouchpoint[id]?.nps == mc.byTouchpoint[id]?.nps)
            #expect(ma.byTouchpoint[id]?.csatMean == mc.byTouchpoint[id]?.csatMean)
            #expect(ma.byTouchpoint[id]?.cesEasy == mc.byTouchpoint[id]?.cesEasy)
            #expect(ma.byTouchpoint[id]?.sentimentCounts == mc.byTouchpoint[id]?.sentimentCounts)
        }
        #expect(da.contains { $0.message.contains("do not add up") }, "9 promoters of 5 responses")
        #expect(ma.byTouchpoint["c"] == nil)
    }

    /// The real Twitter airline data: 14,640 rows with quotes, commas and line breaks inside
    /// fields, joined by complaint reason. Counts must equal an independent count.
    @Test(
        .enabled(
            if: Repo.sharedData("airline-tweets/Tweets.csv") != nil,
            "needs ../shared/data/airline-tweets/Tweets.csv (or JOURNEYMAP_SHARED); its licence keeps it out of the repository"))
    func realTweetsJoinByReason() throws {
        let path = try #require(Repo.sharedData("airline-tweets/Tweets.csv"))
        let reasons: [(String, String)] = [
            ("Customer Service Issue", "care"), ("Late Flight", "delay"), ("Can't Tell", "unknown"), ("Cancelled Flight", "cancel"),
            ("Lost Luggage", "bags"), ("Damaged Luggage", "bags"), ("Bad Flight", "flight"), ("Flight Booking Problems", "booking"),
            ("Flight Attendant Complaints", "crew"), ("longlines", "queue"),
        ]
        let ids = ["care", "delay", "unknown", "cancel", "bags", "flight", "booking", "crew", "queue"]
        let source = Fixture.source(
            path, columns: ["category": "negativereason", "sentiment": "airline_sentiment", "comment": "text", "date": "tweet_created"],
            rules: reasons)
        let (m, diags) = FeedbackJoin.run(Fixture.journey([source], ids: ids))
        #expect(!diags.hasErrors)
        #expect(m.accounting.read == 14_640)
        #expect(m.accounting.rejected == 0)
        #expect(m.accounting.unmatched == 5_462, "blank reasons")
        let expected = [
            "care": 2910, "delay": 1665, "unknown": 1190, "cancel": 847, "bags": 798, "flight": 580, "booking": 529, "crew": 481,
            "queue": 178,
        ]
        for (id, n) in expected { #expect(m.byTouchpoint[id]?.responses == n, "\(id)") }
        #expect(m.journey.sentimentCounts == [.negative: 9178, .neutral: 3099, .positive: 2363])
        // An independent count with Python's csv module, where python3 exists.
        guard
            FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
                || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")
        else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", "-c",
            "import csv,sys,collections; r=csv.DictReader(open(sys.argv[1],newline='',encoding='utf-8')); c=collections.Counter(x['negativereason'] for x in r); print('\\n'.join(f'{k}\\t{v}' for k,v in sorted(c.items())))",
            path,
        ]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var python: [String: Int] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            if parts.count == 2 { python[String(parts[0])] = Int(parts[1]) }
        }
        for (reason, tp) in reasons where reason != "Damaged Luggage" && reason != "Lost Luggage" {
            #expect(m.byTouchpoint[tp]?.responses == python[reason], "\(reason)")
        }
        #expect(m.byTouchpoint["bags"]?.responses == (python["Lost Luggage"] ?? 0) + (python["Damaged Luggage"] ?? 0))
        #expect(m.accounting.unmatched == python[""])
    }
}
