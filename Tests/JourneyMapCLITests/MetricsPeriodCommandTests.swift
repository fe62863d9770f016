import Foundation
import JourneyTestSupport
import Testing

/// `journeymap metrics --by period`: each period's figures with intervals per touchpoint, stage
/// and journey; small periods marked, not hidden; undated answers said.
@Suite struct MetricsPeriodCommandTests {
    static func table(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The journey's periods add up to the whole-data respondents, every touchpoint has a row
    /// for every period (gaps included), too_few follows n, and every figure has its interval.
    @Test func periodTableAddsUpToTheWhole() throws {
        let r = try CLI.run(["metrics", "journeys/air-travel.journey", "--by", "period"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = Self.table(r.stdout)
        let whole = Self.table(try CLI.run(["metrics", "journeys/air-travel.journey", "--by", "journey", "touchpoint"]).stdout)
        let periods = Set(rows.map { $0["period"]! })
        #expect(periods == ["2026-08", "2026-09", "2026-10"])
        let journey = rows.filter { $0["level"] == "journey" }
        #expect(journey.count == 3)
        #expect(journey.map { Int($0["n"]!)! }.reduce(0, +) == Int(whole.first { $0["level"] == "journey" }!["respondents"]!)!)
        for tp in whole.filter({ $0["level"] == "touchpoint" }) {
            let mine = rows.filter { $0["level"] == "touchpoint" && $0["id"] == tp["id"] }
            #expect(mine.count == 3, "\(tp["id"]!)")
            #expect(mine.map { Int($0["n"]!)! }.reduce(0, +) == Int(tp["respondents"]!)!, "\(tp["id"]!)")
        }
        #expect(Set(rows.map { $0["level"]! }) == ["touchpoint", "stage", "journey"])
        for row in rows {
            #expect(row["too_few"] == (Int(row["n"]!)! < 30 ? "true" : "false"))
            // The adjusted-Wald interval is centred on the adjusted figure: with one or two
            // answers the raw NPS can fall outside it, so only compared periods are checked.
            if let v = Double(row["nps"]!), row["too_few"] == "false" {
                #expect(Double(row["nps_low"]!)! <= v && v <= Double(row["nps_high"]!)!)
                #expect(Int(row["nps_n"]!)! > 0)
            }
        }
        #expect(rows.contains { $0["too_few"] == "true" }, "small periods are listed, not hidden")
    }

    /// Undated answers are said on stderr; with no date at all the command says what to map.
    @Test func undatedAnswersAreSaid() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var csv = "touchpoint,date,nps\n"
        for i in 0..<40 { csv += "a,2025-0\(i % 2 + 1)-1\(i % 9),\(i % 11)\n" }
        csv += "a,,9\na,,3\n"
        try csv.write(toFile: dir + "/f.csv", atomically: true, encoding: .utf8)
        try "journey j \"J\" {\n  stage s \"S\" {\n    touchpoint a \"A\"\n  }\n  feedback \"f.csv\"\n}\n"
            .write(toFile: dir + "/j.journey", atomically: true, encoding: .utf8)
        let r = try CLI.run(["metrics", "j.journey", "--by", "period", "touchpoint"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: 2 answers had no date"))
        let rows = Self.table(r.stdout)
        #expect(rows.map { "\($0["id"]!) \($0["period"]!) \($0["n"]!)" } == ["a 2025-01 20", "a 2025-02 20"])

        try "touchpoint,nps\na,9\n".write(toFile: dir + "/f.csv", atomically: true, encoding: .utf8)
        let none = try CLI.run(["metrics", "j.journey", "--by", "period"], cwd: dir)
        #expect(none.status == 1 && none.stderr.contains("--by period needs dated responses") && none.stdout.isEmpty)
    }

    /// JSON: the whole-data groups plus `trends` with the chosen levels' series only.
    @Test func jsonHasTrendsOfTheChosenLevels() throws {
        let r = try CLI.run(["metrics", "journeys/air-travel.journey", "--by", "period", "journey", "--format", "json"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let trends = try #require(doc["trends"] as? [String: Any])
        let series = try #require(trends["series"] as? [[String: Any]])
        #expect(series.count == 1 && (series[0]["scope"] as? [String: Any])?["kind"] as? String == "journey")
        #expect((trends["periods"] as? [Any])?.count == 3)
        #expect((doc["groups"] as? [[String: Any]])?.map { $0["level"] as! String } == ["journey"])
    }

    @Test func periodRefusesOtherLevels() throws {
        let r = try CLI.run(["metrics", "journeys/air-travel.journey", "--by", "period", "department"])
        #expect(r.status == 64 && r.stderr.contains("--by period shows touchpoints, stages and the journey"))
    }
}
