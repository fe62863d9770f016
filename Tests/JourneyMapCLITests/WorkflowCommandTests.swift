import Foundation
import JourneyTestSupport
import Testing

@Suite struct WorkflowCommandTests {
    @Test func fmtCheckThenFormat() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/messy.journey"
        try "journey  m \"M\"{\n department d   \"D\" # keep me\nstage s \"S\" {touchpoint a \"A\" {owner d}}\n}\n".write(
            toFile: f, atomically: true, encoding: .utf8)
        let check = try CLI.run(["fmt", "--check", f])
        #expect(check.status == 1)
        #expect(check.stdout.contains("messy.journey"))
        #expect(try CLI.run(["fmt", f]).status == 0)
        let text = String(decoding: try #require(CLI.read(f)), as: UTF8.self)
        #expect(text.contains("  department d \"D\" # keep me\n"))
        #expect(try CLI.run(["fmt", "--check", f]).status == 0)
        #expect(try CLI.run(["fmt", "--check", "journeys"]).status == 0, "the examples are formatted")
    }

    @Test func initScaffoldsAJourneyThatChecks() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try CLI.run(["init", "trial", "-d", dir])
        #expect(r.status == 0)
        let check = try CLI.run(["check", "\(dir)/trial.journey"])
        #expect(check.status == 1, "the starter's target is missed on purpose by its sample data")
        #expect(!check.stderr.contains(": error: ") || check.stderr.contains("[JM510]"))
        #expect(try CLI.run(["check", "\(dir)/trial.journey", "--fail-on", "errors"]).status == 0)
        #expect(try CLI.run(["init", "trial", "-d", dir]).status == 64, "no silent overwrite")
    }
}

@Suite struct InteropCommandTests {
    @Test func mermaidSuiteImportsOrPointsAtTheBadScore() throws {
        let dir = Repo.fixture("mermaid-suite")
        let files = Repo.files(in: dir, suffix: ".mmd")
        #expect(files.count == 9, "Tests/Fixtures/mermaid-suite yields its 9 diagrams")
        let tmp = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        for f in files {
            let out = "\(tmp)/\(f).journey"
            let r = try CLI.run(["import", "mermaid", "\(dir)/\(f)", "-o", out])
            if f.contains("INVALID") {
                #expect(r.status == 1, "\(f)")
                #expect(r.stderr.contains("[JM604]") && r.stderr.contains("^"), "\(f): \(r.stderr)")
                continue
            }
            #expect(r.status == 0, "\(f): \(r.stderr)")
            #expect(try CLI.run(["check", out, "--fail-on", "errors"]).status == 0, "\(f) imports to a valid journey")
            let render = try CLI.run(["render", out, "-o", "\(tmp)/out", "--format", "svg"])
            #expect(render.status == 0, "\(f): \(render.stderr)")
            let back = try CLI.run(["export", out, "--to", "mermaid"])
            #expect(back.status == 0 && back.stdout.hasPrefix("journey\n"))
        }
    }

    @Test func exportJSONAndDOT() throws {
        let json = try CLI.run(["export", "journeys/online-return.journey", "--to", "json"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doc["id"] as? String == "online-return")
        #expect((doc["stages"] as? [Any])?.count == 6)
        let dot = try CLI.run(["export", "journeys/online-return.journey", "--to", "dot"])
        #expect(dot.stdout.hasPrefix("digraph journey {"))
    }
}

@Suite struct DiffCommandTests {
    @Test func reportsTouchpointChangesAndMarksTheMap() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let head = "journey j \"J\" {\n  department a \"Alpha\"\n  department b \"Beta\"\n  stage s \"S\" {\n"
        let old =
            head
            + "    touchpoint x \"Pays\" { owner a; emotion happy }\n    touchpoint y \"Waits\" { owner a }\n    touchpoint gone \"Leaves\" { owner a }\n  }\n  stage t \"T\" {\n    touchpoint z \"Ends\" { owner a }\n  }\n}\n"
        let new =
            head
            + "    touchpoint x \"Pays online\" { owner b; emotion angry; moment of truth }\n    touchpoint fresh \"Chats\" { owner a }\n  }\n  stage t \"T\" {\n    touchpoint y \"Waits\" { owner a }\n    touchpoint z \"Ends\" { owner a }\n  }\n}\n"
        try old.write(toFile: "\(dir)/old.journey", atomically: true, encoding: .utf8)
        try new.write(toFile: "\(dir)/new.journey", atomically: true, encoding: .utf8)
        let r = try CLI.run(["diff", "\(dir)/old.journey", "\(dir)/new.journey", "--map", "\(dir)/diff.svg"])
        #expect(r.status == 0, "\(r.stderr)")
        for line in [
            "➕ added **Chats** in S", "➖ removed **Leaves** from S", "↔ moved **Waits** from S to T",
            "✎ renamed **Pays** to **Pays online**", "emotion of **Pays online**: happy (+1) → angry (-2)",
            "owner of **Pays online**: Alpha → Beta", "is now a moment of truth",
        ] {
            #expect(r.stdout.contains(line), "missing: \(line)\n\(r.stdout)")
        }
        let svg = String(decoding: try #require(CLI.read("\(dir)/diff.svg")), as: UTF8.self)
        #expect(svg.contains(">NEW<") && svg.contains(">CHANGED<"))
    }
}

@Suite struct WatchCommandTests {
    @Test func rerendersOnChangeAndKeepsTheLastGoodOutput() async throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let j = "\(dir)/j.journey"
        func write(_ title: String, owner: String = "d") throws {
            try "journey j \"J\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"\(title)\" { owner \(owner) } }\n}\n".write(
                toFile: j, atomically: true, encoding: .utf8)
        }
        try write("First title")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Repo.binary)
        p.arguments = ["watch", dir, "-o", "\(dir)/out", "--interval", "0.1", "--max-seconds", "300"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let svg = "\(dir)/out/j/map.svg"
        // Generous bounds: under a loaded machine (the whole suite in parallel on 2 cores) a
        // debug render can take many seconds; the test ends as soon as the text appears, and
        // the watcher is stopped when the test ends.
        func waitFor(_ text: String) async -> Bool {
            for _ in 0..<1200 {
                if let d = CLI.read(svg), String(decoding: d, as: UTF8.self).contains(text) { return true }
                try? await Task.sleep(nanoseconds: 100_000_000)
            }
            return false
        }
        #expect(await waitFor("First title"))
        try await Task.sleep(nanoseconds: 1_100_000_000)  // a new mtime second on coarse file systems
        try write("Second title")
        #expect(await waitFor("Second title"))
        try await Task.sleep(nanoseconds: 1_100_000_000)
        try write("Broken title", owner: "nobody")
        try await Task.sleep(nanoseconds: 1_500_000_000)
        let kept = String(decoding: CLI.read(svg) ?? Data(), as: UTF8.self)
        #expect(kept.contains("Second title") && !kept.contains("Broken title"), "the last good output stays")
    }
}
