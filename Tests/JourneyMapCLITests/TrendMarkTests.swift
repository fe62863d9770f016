import Foundation
import JourneyTestSupport
import Testing

/// The report's map marks each touchpoint's latest significant change between periods, at a
/// glance, in the report's language (online-return has a planted October drop at drop-off).
@Suite struct TrendMarkTests {
    func reportMap(_ extra: [String]) throws -> String {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["report", "journeys/online-return.journey", "-o", dir] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return String(decoding: CLI.read(dir + "/online-return/map-pain-points.svg") ?? Data(), as: UTF8.self)
    }

    @Test func plantedDropIsMarkedOnItsTouchpointOnly() throws {
        let svg = try reportMap([])
        // Graphviz writes "-" in text as &#45;.
        #expect(svg.contains("▼ NPS −58 since 2026&#45;09 (−71…−43)"), "no trend mark on drop-off")
        #expect(svg.components(separatedBy: " since ").count == 2, "a mark where no change is significant")
    }

    @Test func markIsInTheReportsLanguage() throws {
        let svg = try reportMap(["--lang", "pl"])
        #expect(svg.contains("▼ NPS −58 od 2026&#45;09 (−71…−43)"))
    }

    @Test func reportPageLeadsWithTrendChartsUnderTheSamePolicy() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["report", "journeys/online-return.journey", "-o", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let html = String(decoding: CLI.read(dir + "/online-return/report.html") ?? Data(), as: UTF8.self)
        let trends = try #require(html.range(of: "<h2>Trends</h2>"), "no trend charts")
        let map = try #require(html.range(of: "<h2>Journey map</h2>"))
        #expect(trends.lowerBound < map.lowerBound, "what changed comes first")
        #expect(html.contains("▼ NPS −58 since 2026-09 (−71…−43)"))
        // One script (the map viewer) and the policy as before: the charts need neither.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("script-src 'sha256-") && html.contains("default-src 'none'"))
    }
}
