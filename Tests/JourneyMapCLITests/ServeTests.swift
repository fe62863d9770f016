import Foundation
import JourneyTestSupport
import Testing

/// `journeymap serve`: the live preview on 127.0.0.1. The server runs as a real process on a
/// free port (`--port 0`); requests go through curl, and a headless Chromium holds the page
/// open while the journey is edited. Every wait is bounded and ends as soon as what it waits
/// for is there (no timed assertions).
@Suite(.serialized) struct ServeTests {
    static let curl = ["/usr/bin/curl", "/usr/local/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let journey = """
        journey workshop "Workshop <draft> & co" {
          department care "Care"
          stage one "One" {
            touchpoint greet "Greets the guest" { owner care }
          }
        }

        """

    /// A running `serve` with its folder, port and logs.
    final class Server {
        let dir: String
        let process = Process()
        var port = 0
        var log: String { String(decoding: CLI.read(dir + "/serve.err") ?? Data(), as: UTF8.self) }

        init() throws {
            dir = try CLI.tempDir()
            try FileManager.default.createDirectory(atPath: dir + "/j", withIntermediateDirectories: true)
            try Data(ServeTests.journey.utf8).write(to: URL(fileURLWithPath: dir + "/j/workshop.journey"))
            _ = FileManager.default.createFile(atPath: dir + "/serve.err", contents: nil)
            process.executableURL = URL(fileURLWithPath: Repo.binary)
            process.arguments = ["serve", dir + "/j", "--port", "0", "--log-requests"]
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/serve.err"))
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            try wait("the server to listen") {
                guard let r = self.log.range(of: "http://127.0.0.1:") else { return false }
                self.port = Int(self.log[r.upperBound...].prefix { $0.isNumber }) ?? 0
                return self.port > 0
            }
        }

        deinit {
            // SIGKILL: a child of the test runner may inherit a mask that blocks SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: dir)
        }

        func edit(_ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/j/workshop.journey"), options: .atomic)
        }

        /// curl's body (and status on the last line) for a path on this server.
        func get(_ path: String, host: String? = nil) throws -> (status: Int, body: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: ServeTests.curl!)
            p.arguments =
                ["-s", "--max-time", "20", "-w", "\n%{http_code}"] + (host.map { ["-H", "Host: \($0)"] } ?? []) + [
                    "http://127.0.0.1:\(port)\(path)"
                ]
            let out = dir + "/curl-\(UUID().uuidString)"
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            defer { try? FileManager.default.removeItem(atPath: out) }
            p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            try p.run()
            p.waitUntilExit()
            let text = String(decoding: CLI.read(out) ?? Data(), as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
        }

        func state() throws -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(try get("/state.json").body.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// Polls until `condition` holds; fails after two minutes (a loaded machine), which
    /// only bounds a hang: nothing asserts how long it took.
    static func wait(_ what: String, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for \(what)")
        throw CancellationError()
    }

    @Test(.enabled(if: curl != nil, "curl is not installed"))
    func editsShowAndErrorsKeepTheLastGoodMap() throws {
        let server = try Server()
        try Self.wait("the first render") { try server.state()["svgVersion"] as? Int == 1 }
        let page = try server.get("/")
        #expect(page.status == 200)
        #expect(page.body.contains("Workshop &lt;draft&gt; &amp; co"), "the title is escaped")
        #expect(!page.body.contains("<draft>"))
        #expect(try server.get("/map.svg").body.contains("Greets the guest"))
        // The event stream announces the next change.
        let events = server.dir + "/events.txt"
        _ = FileManager.default.createFile(atPath: events, contents: nil)
        let sse = Process()
        sse.executableURL = URL(fileURLWithPath: Self.curl!)
        sse.arguments = ["-sN", "--max-time", "120", "http://127.0.0.1:\(server.port)/events"]
        sse.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: events))
        try sse.run()
        defer { sse.terminate() }
        try Self.wait("the stream to open") { (CLI.read(events)?.count ?? 0) > 0 }
        try server.edit(Self.journey.replacingOccurrences(of: "Greets the guest", with: "Waves goodbye"))
        try Self.wait("an update event") { String(decoding: CLI.read(events) ?? Data(), as: UTF8.self).contains("event: update") }
        try Self.wait("the new map") { try server.get("/map.svg").body.contains("Waves goodbye") }
        // An error: the diagnostics show, escaped, and the last good map stays.
        try server.edit(Self.journey.replacingOccurrences(of: "owner care", with: "owner <cafe>"))
        try Self.wait("the error") { try server.state()["ok"] as? Bool == false }
        let broken = try server.get("/")
        #expect(broken.body.contains("showing the last good map"))
        #expect(broken.body.contains("error:"), "diagnostics on the page")
        #expect(try server.get("/map.svg").body.contains("Waves goodbye"), "the last good map is kept")
        #expect(try server.state()["svgVersion"] as? Int == 2)
        // Only this machine's names: another Host (DNS rebinding) is refused.
        #expect(try server.get("/", host: "attacker.example").status == 403)
        #expect(try server.get("/nothing-here").status == 404)
    }

    /// The page in a real browser: its script runs under the CSP (no console message), opens
    /// the event stream, and after an edit fetches the new state and the new image by itself;
    /// every request stays on 127.0.0.1 (everything else would go to a dead proxy; loopback bypasses it).
    @Test(.enabled(if: OptionalTools.chromium != nil && curl != nil, "chromium or curl is not installed"))
    func browserFollowsEdits() throws {
        let browser = try #require(OptionalTools.chromium)
        let server = try Server()
        try Self.wait("the first render") { try server.state()["svgVersion"] as? Int == 1 }
        let chrome = Process()
        chrome.executableURL = URL(fileURLWithPath: browser)
        chrome.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-default-apps", "--disable-extensions", "--user-data-dir=\(server.dir)/profile",
            "--enable-logging=stderr", "--v=0", "--log-net-log=\(server.dir)/net.json",
            "--remote-debugging-port=0", "http://127.0.0.1:\(server.port)/",
        ]
        _ = FileManager.default.createFile(atPath: server.dir + "/chrome.err", contents: nil)
        chrome.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: server.dir + "/chrome.err"))
        chrome.standardOutput = FileHandle.nullDevice
        try chrome.run()
        defer { if chrome.isRunning { chrome.terminate() } }
        try Self.wait("the page to open the stream and load the map") {
            server.log.contains("request: GET /events") && server.log.contains("request: GET /map.svg?j=workshop&v=1")
        }
        try server.edit(Self.journey.replacingOccurrences(of: "Greets the guest", with: "Waves goodbye"))
        try Self.wait("the page to fetch the new map by itself") { server.log.contains("request: GET /map.svg?j=workshop&v=2") }
        chrome.terminate()
        chrome.waitUntilExit()
        let log = String(decoding: CLI.read(server.dir + "/chrome.err") ?? Data(), as: UTF8.self)
        #expect(!log.contains("CONSOLE"), "console messages: \(log.split(separator: "\n").filter { $0.contains("CONSOLE") }.prefix(3))")
        let net = String(decoding: CLI.read(server.dir + "/net.json") ?? Data(), as: UTF8.self)
        let own = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]
        var elsewhere: [String] = []
        var rest = Substring(net)
        while let r = rest.range(of: "\"url\":\"") {
            let tail = rest[r.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { break }
            let url = String(tail[..<end])
            if !own.contains(where: { url.contains($0) }) && !url.hasPrefix("http://127.0.0.1:\(server.port)/") && !url.hasPrefix("data:") {
                elsewhere.append(url)
            }
            rest = tail[end...]
        }
        #expect(elsewhere.isEmpty, "\(elsewhere)")
    }
}
