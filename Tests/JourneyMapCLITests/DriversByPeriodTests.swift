import Foundation
import JourneyTestSupport
import Testing

/// `metrics --by period --drivers`: key drivers within each period (issue 12), each period on
/// its own join, moments and bootstrap. Planted: in January the overall judgement follows the
/// rating of A alone, in February that of B alone; C never matters.
@Suite struct DriversByPeriodTests {
    static let journey = """
        journey kd "Drivers by period" {
          stage s "S" {
            touchpoint a "A"
            touchpoint b "B"
            touchpoint c "C"
          }
          feedback "kd.csv" {
            format wide
            respondent "id"
            column date = "date"
            rating a = "A"
            rating b = "B"
            rating c = "C"
            outcome overall = "overall" { scale 1..10 }
          }
        }

        """

    /// 500 respondents a month; overall = 1 + 2 × (driver − 1) ± 1, the driver A in January
    /// and B in February.
    static func data() -> String {
        var g = SplitMix64(seed: 12)
        var lines = ["id,date,A,B,C,overall"]
        for (month, driver) in [("2026-01", 0), ("2026-02", 1)] {
            for r in 0..<500 {
                let ratings = (0..<3).map { _ in 1 + Int(g.unit() * 5) % 5 }
                let noise = Int(g.unit() * 3) - 1
                let overall = min(10, max(1, 1 + 2 * (ratings[driver] - 1) + noise))
                let day = String(format: "%02d", 1 + r % 28)
                lines.append("r\(month)-\(r),\(month)-\(day),\(ratings[0]),\(ratings[1]),\(ratings[2]),\(overall)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func importance(_ period: [String: Any], _ tp: String) throws -> (value: Double, low: Double, high: Double) {
        let drivers = try #require(period["drivers"] as? [[String: Any]])
        let touchpoints = try #require(drivers.first?["touchpoints"] as? [[String: Any]])
        let row = try #require(touchpoints.first { $0["touchpoint"] as? String == tp })
        let i = try #require(row["importance"] as? [String: Double])
        return (i["value"]!, i["low"]!, i["high"]!)
    }

    @Test func eachPeriodFindsItsOwnDriver() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.journey.write(toFile: dir + "/kd.journey", atomically: true, encoding: .utf8)
        try Self.data().write(toFile: dir + "/kd.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["metrics", dir + "/kd.journey", "--by", "period", "--drivers", "--format", "json", "--resamples", "200"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let periods = try #require(doc["driversByPeriod"] as? [[String: Any]])
        #expect(periods.map { $0["period"] as? String } == ["2026-01", "2026-02"])
        let (jan, feb) = (periods[0], periods[1])
        // The planted driver explains nearly all of the explained variance in its month, with
        // an interval well clear of the others'; the other month's driver and C are near zero.
        let janA = try Self.importance(jan, "a"), janB = try Self.importance(jan, "b")
        let febA = try Self.importance(feb, "a"), febB = try Self.importance(feb, "b")
        #expect(janA.value > 90 && janA.low > 80, "\(janA)")
        #expect(janB.high < 10, "\(janB)")
        #expect(febB.value > 90 && febB.low > 80, "\(febB)")
        #expect(febA.high < 10, "\(febA)")
        #expect(try Self.importance(jan, "c").high < 10)
        // The CSV carries the same, with the period first.
        let csv = try CLI.run(["metrics", dir + "/kd.journey", "--by", "period", "--drivers", "--resamples", "200"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("period,first,last,outcome,touchpoint,rank") == true)
        #expect(lines.contains { $0.hasPrefix("2026-02,2026-02-01,2026-02-28,overall,b,1,") })
        #expect(lines.contains { $0.hasPrefix("2026-01,2026-01-01,2026-01-31,overall,a,1,") })
    }
}
