import Foundation
import JourneyTestSupport
import Testing

/// report.html opened in a real browser (headless Chromium from Debian's packages): it loads
/// with no console error and makes no network request of its own. Chromium's own background
/// traffic goes to a dead local proxy, so nothing leaves the machine.
@Suite struct BrowserTests {
    @Test(.enabled(if: OptionalTools.chromium != nil, "chromium is not installed (apt-get install chromium, or scripts/test-setup.sh)"))
    func reportLoadsCleanlyWithNoRequests() throws {
        let browser = try #require(OptionalTools.chromium)
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", "journeys/air-travel.journey", "-o", dir]).status == 0)
        let page = "\(dir)/air-travel/report.html"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--disable-extensions", "--user-data-dir=\(dir)/profile",
            "--enable-logging=stderr", "--v=0", "--log-net-log=\(dir)/net.json", "--dump-dom", "file://\(page)",
        ]
        _ = FileManager.default.createFile(atPath: "\(dir)/err.txt", contents: nil)
        _ = FileManager.default.createFile(atPath: "\(dir)/dom.html", contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(dir)/err.txt"))
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "\(dir)/dom.html"))
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let dom = String(decoding: CLI.read("\(dir)/dom.html") ?? Data(), as: UTF8.self)
        #expect(dom.contains("Ranked pain points"), "the page rendered")
        let log = String(decoding: CLI.read("\(dir)/err.txt") ?? Data(), as: UTF8.self)
        #expect(!log.contains("CONSOLE"), "console messages: \(log.split(separator: "\n").filter { $0.contains("CONSOLE") }.prefix(3))")
        // Requests in the network log that are not Chromium's own update and account pings.
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
        #expect(pageRequests.isEmpty, "\(pageRequests)")
    }
}
