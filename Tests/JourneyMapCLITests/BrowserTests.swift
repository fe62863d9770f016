import Foundation
import JourneyTestSupport
import Testing

/// report.html opened in a real browser (headless Chromium from Debian's packages): it loads
/// with no console error, makes no network request of its own, shows the map as inline SVG
/// and its viewer zooms (`#map-zoom=2` runs the same zoom as the + button). Chromium's own background
/// traffic goes to a dead local proxy, so nothing leaves the machine.
@Suite struct BrowserTests {
    @Test(.enabled(if: OptionalTools.chromium != nil, "chromium is not installed (apt-get install chromium, or scripts/test-setup.sh)"))
    func reportLoadsCleanlyWithNoRequests() throws {
        let browser = try #require(OptionalTools.chromium)
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", "journeys/air-travel.journey", "-o", dir]).status == 0)
        let page = "\(dir)/air-travel/report.html"
        for (run, address) in [("plain", "file://\(page)"), ("zoomed", "file://\(page)#map-zoom=2")] {
            let (dom, log, pageRequests) = try Self.open(address, browser: browser, dir: "\(dir)/\(run)")
            #expect(dom.contains("Ranked pain points"), "the page rendered")
            #expect(!log.contains("CONSOLE"), "console messages: \(log.split(separator: "\n").filter { $0.contains("CONSOLE") }.prefix(3))")
            #expect(pageRequests.isEmpty, "\(pageRequests)")
            // The map is the inline SVG in the viewer, and the viewer's script ran (the policy
            // let its hash through): it marks the zoom it shows.
            let viewer = try #require(dom.range(of: "<div class=\"mapview\" id=\"map-view\""), "the map viewer is on the page")
            let tag = dom[viewer.lowerBound...].prefix { $0 != ">" }
            #expect(dom[viewer.lowerBound...].contains("<svg "), "the map is inline SVG")
            #expect(dom.contains("class=\"node\""), "the map's nodes are in the page")
            #expect(tag.contains(run == "plain" ? "data-zoom=\"1.00\"" : "data-zoom=\"2.00\""), "\(run): \(tag)")
        }
    }

    /// The trend charts (our own inline SVG) load under the same policy: no console message (a
    /// policy violation is one), no request, every chart in the DOM.
    @Test(.enabled(if: OptionalTools.chromium != nil, "chromium is not installed (apt-get install chromium, or scripts/test-setup.sh)"))
    func trendChartsLoadCleanly() throws {
        let browser = try #require(OptionalTools.chromium)
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", "journeys/online-return.journey", "-o", dir]).status == 0)
        let (dom, log, pageRequests) = try Self.open("file://\(dir)/online-return/report.html", browser: browser, dir: "\(dir)/run")
        #expect(dom.components(separatedBy: "<figure class=\"trend\">").count == 17, "the journey and 15 touchpoints, one figure each")
        #expect(!log.contains("CONSOLE"), "console messages: \(log.split(separator: "\n").filter { $0.contains("CONSOLE") }.prefix(3))")
        #expect(pageRequests.isEmpty, "\(pageRequests)")
    }

    /// Opens `address` in headless Chromium: the DOM after load, the browser's log, and the
    /// requests in its network log that are not Chromium's own update and account pings.
    static func open(_ address: String, browser: String, dir: String) throws -> (String, String, [String]) {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--disable-extensions", "--user-data-dir=\(dir)/profile",
            "--enable-logging=stderr", "--v=0", "--log-net-log=\(dir)/net.json", "--dump-dom", address,
        ]
        _ = FileManager.default.createFile(atPath: "\(dir)/err.txt", contents: nil)
        _ = FileManager.default.createFile(atPath: "\(dir)/dom.html", contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(dir)/err.txt"))
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(dir)/dom.html"))
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let dom = String(decoding: CLI.read("\(dir)/dom.html") ?? Data(), as: UTF8.self)
        let log = String(decoding: CLI.read("\(dir)/err.txt") ?? Data(), as: UTF8.self)
        let net = String(decoding: CLI.read("\(dir)/net.json") ?? Data(), as: UTF8.self)
        let own = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]
        var pageRequests: [String] = []
        var rest = Substring(net)
        while let r = rest.range(of: "\"url\":\"") {
            let tail = rest[r.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { break }
            let url = String(tail[..<end])
            if !own.contains(where: { url.contains($0) }) && !url.hasPrefix("file://") && !url.hasPrefix("data:") {
                pageRequests.append(url)
            }
            rest = tail[end...]
        }
        return (dom, log, pageRequests)
    }
}
