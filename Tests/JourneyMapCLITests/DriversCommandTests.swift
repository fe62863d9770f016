import Foundation
import JourneyTestSupport
import Testing

/// `render --view drivers` and the report set of a journey with an outcome.
@Suite struct DriversCommandTests {
    @Test func driversViewAndReportLeadWithTheGrid() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run([
            "render", "journeys/airport-lounge.journey", "journeys/online-return.journey", "-o", dir, "--view", "drivers", "--format",
            "svg,dot",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let dot = String(decoding: try #require(CLI.read("\(dir)/airport-lounge/drivers.dot")), as: UTF8.self)
        for quadrant in ["FIX FIRST", "KEEP UP", "SECONDARY", "OVER-SERVED"] { #expect(dot.contains(quadrant)) }
        #expect(dot.contains("Performance → CSAT top-two box, % of answers"))
        // Asked for alone without an outcome, the view says how to get one.
        let none = String(decoding: try #require(CLI.read("\(dir)/online-return/drivers.dot")), as: UTF8.self)
        #expect(none.contains("No key drivers: declare an outcome"))
        // `--view all` leaves the grid out where there is no outcome.
        let all = try CLI.run(["render", "journeys/online-return.journey", "-o", "\(dir)/all", "--view", "all", "--format", "svg"])
        #expect(all.status == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/all/online-return/drivers.svg"))
        // The report set: drivers.png beside pain-points.md, which links it before the ranking.
        let rep = try CLI.run(["report", "journeys/airport-lounge.journey", "-o", "\(dir)/rep"])
        #expect(rep.status == 0, "\(rep.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/rep/airport-lounge/drivers.png"))
        let md = String(decoding: try #require(CLI.read("\(dir)/rep/airport-lounge/pain-points.md")), as: UTF8.self)
        let link = try #require(md.range(of: "](drivers.png)"))
        #expect(link.lowerBound < md.range(of: "## Ranked pain points")!.lowerBound)
        let html = String(decoding: try #require(CLI.read("\(dir)/rep/airport-lounge/report.html")), as: UTF8.self)
        #expect(html.contains("<h2>Key drivers of “"))
        #expect(html.contains("alt=\"Key drivers of"))
    }
}
