import Foundation
import JourneyTestSupport
import JourneyWorkflow
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A failed or killed run replaces nothing; concurrent runs into one folder lose nothing;
/// two journeys never share an output folder (issue 14, items 3–6).
@Suite struct OutputSafetyTests {
    static func journey(id: String, title: String = "J") -> String {
        "journey \(id) \"\(title)\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"A\" { owner d } }\n}\n"
    }

    static func leftovers(_ dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).filter { $0.contains(".journeymap-tmp-") }
    }

    @Test func twoJourneysWithOneIDAreAnErrorNamingBothFiles() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: "\(dir)/in", withIntermediateDirectories: true)
        try Self.journey(id: "same", title: "First").write(toFile: "\(dir)/in/a.journey", atomically: true, encoding: .utf8)
        try Self.journey(id: "same", title: "Second").write(toFile: "\(dir)/in/b.journey", atomically: true, encoding: .utf8)
        try Self.journey(id: "other").write(toFile: "\(dir)/in/c.journey", atomically: true, encoding: .utf8)
        for command in [["render", "--format", "svg"], ["report"]] {
            let out = "\(dir)/out-\(command[0])"
            let r = try CLI.run(command + ["\(dir)/in", "-o", out])
            #expect(r.status == 1, "\(command[0])")
            #expect(r.stderr.contains("journey id 'same' is used by \(dir)/in/a.journey and \(dir)/in/b.journey"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: "\(out)/same"), "nothing rendered for the clashing id")
            #expect(FileManager.default.fileExists(atPath: "\(out)/other"), "the other journey renders")
        }
        #expect(try CLI.run(["render", "--check", "\(dir)/in", "-o", "\(dir)/out-render", "--format", "svg"]).status == 1)
    }

    @Test func aFailedWriteReplacesNothing() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = ["map.pdf", "map.png", "map.svg", "pain-points.md"]
        let old = names.map { OutputFile(path: "\(dir)/j/\($0)", bytes: Array("old \($0)".utf8)) }
        #expect(try OutputWriter.write(old).count == 4)
        try "kept".write(toFile: "\(dir)/j/report.html", atomically: true, encoding: .utf8)
        let new = names.map { OutputFile(path: "\(dir)/j/\($0)", bytes: Array("new \($0), longer than before".utf8)) }
        // The disk fills up at the second file: map.pdf is written by then, but not switched in.
        #expect {
            try OutputWriter.write(new, fault: { $0.hasSuffix("map.png") ? ENOSPC : nil })
        } throws: { error in
            "\(error)" == "cannot write '\(dir)/j/map.png': No space left on device"
        }
        for name in names {
            #expect(CLI.read("\(dir)/j/\(name)") == Data("old \(name)".utf8), "\(name) is the old version")
        }
        #expect(CLI.read("\(dir)/j/report.html") == Data("kept".utf8))
        #expect(Self.leftovers(dir).isEmpty, "\(Self.leftovers(dir))")
        // Then the whole new set, the other file kept.
        #expect(try OutputWriter.write(new).count == 4)
        for name in names { #expect(CLI.read("\(dir)/j/\(name)") == Data("new \(name), longer than before".utf8)) }
        #expect(CLI.read("\(dir)/j/report.html") == Data("kept".utf8))
    }

    @Test func aStagingFolderOfAKilledRunIsRemovedByTheNextRun() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A process id that is not running: a child that has exited.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        let dead = p.processIdentifier
        try FileManager.default.createDirectory(atPath: "\(dir)/out/.journeymap-tmp-\(dead)-j.AbCdEf", withIntermediateDirectories: true)
        try "half".write(toFile: "\(dir)/out/.journeymap-tmp-\(dead)-j.AbCdEf/map.svg", atomically: true, encoding: .utf8)
        // A staging folder of a process still running (this one) stays.
        try FileManager.default.createDirectory(
            atPath: "\(dir)/out/.journeymap-tmp-\(getppid())-k.AbCdEf", withIntermediateDirectories: true)
        try Self.journey(id: "j").write(toFile: "\(dir)/j.journey", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["render", "\(dir)/j.journey", "-o", "\(dir)/out", "--format", "svg"]).status == 0)
        #expect(Self.leftovers("\(dir)/out") == [".journeymap-tmp-\(getppid())-k.AbCdEf"])
    }

    /// SIGKILL at random moments of `report`: the set on disk is always one whole run's set.
    @Test func killedReportsLeaveTheOldSetOrTheNewOne() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = ["report", "journeys/online-return.journey"]
        #expect(try CLI.run(base + ["-o", "\(dir)/a", "--theme", "default"]).status == 0)
        #expect(try CLI.run(base + ["-o", "\(dir)/b", "--theme", "dark"]).status == 0)
        let a = try KillTests.snapshot("\(dir)/a"), b = try KillTests.snapshot("\(dir)/b")
        #expect(a.count == 9 && a != b)  // 7 files and the segment heat map (svg, png)
        #expect(try CLI.run(base + ["-o", "\(dir)/out", "--theme", "default"]).status == 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<10 {
            try KillTests.runAndKill(
                base + ["-o", "\(dir)/out", "--theme", round % 2 == 0 ? "dark" : "default"], maxDelay: 1_500_000, using: &generator)
            let now = try KillTests.snapshot("\(dir)/out")
            #expect(now == a || now == b, "round \(round): a mix of runs: \(now.keys.sorted().filter { now[$0] != a[$0] })")
        }
        #expect(try CLI.run(base + ["-o", "\(dir)/out", "--theme", "dark"]).status == 0)
        #expect(Self.leftovers("\(dir)/out").isEmpty, "\(Self.leftovers("\(dir)/out"))")
    }

    /// Two processes render different journeys into one folder at once: the manifest keeps both.
    @Test func concurrentRendersIntoOneFolderKeepEveryManifestEntry() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for side in ["left", "right"] {
            try FileManager.default.createDirectory(atPath: "\(dir)/\(side)", withIntermediateDirectories: true)
            for i in 0..<4 {
                try Self.journey(id: "\(side)\(i)").write(toFile: "\(dir)/\(side)/\(i).journey", atomically: true, encoding: .utf8)
            }
        }
        let processes = try ["left", "right"].map { side in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: Repo.binary)
            p.arguments = ["render", "\(dir)/\(side)", "-o", "\(dir)/out", "--format", "svg", "--jobs", "1"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes {
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
        }
        for side in ["left", "right"] {
            let check = try CLI.run(["render", "--check", "\(dir)/\(side)", "-o", "\(dir)/out", "--format", "svg"])
            #expect(check.status == 0, "\(side): \(check.stdout)")
        }
    }
}

/// Limits that hold (issue 14, items 10 and 13).
@Suite struct RenderLimitTests {
    @Test func aJourneyPastTheLayoutLimitIsRefusedBeforeLayout() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let touchpoints = (0..<30).map { "    touchpoint t\($0) \"T\($0)\" { owner d }" }.joined(separator: "\n")
        try "journey big \"Big\" {\n  department d \"D\"\n  stage s \"S\" {\n\(touchpoints)\n  }\n}\n".write(
            toFile: "\(dir)/big.journey", atomically: true, encoding: .utf8)
        for command in ["render", "report"] {
            let r = try CLI.run([command, "\(dir)/big.journey", "-o", "\(dir)/out", "--max-layout-touchpoints", "20"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("'big' has 30 touchpoints, more than the 20 that are laid out"), "\(r.stderr)")
            #expect(r.stderr.contains("raise --max-layout-touchpoints"))
            #expect(!FileManager.default.fileExists(atPath: "\(dir)/out/big"))
        }
        #expect(
            try CLI.run(["render", "\(dir)/big.journey", "-o", "\(dir)/out", "--format", "svg"]).status == 0, "the default allows 5,000")
    }

    @Test func reportAcceptsTheDPIItAdvises() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", "journeys/online-return.journey", "-o", "\(dir)/96"]).status == 0)
        let r = try CLI.run(["report", "journeys/online-return.journey", "-o", "\(dir)/48", "--dpi", "48"])
        #expect(r.status == 0, "\(r.stderr)")
        let big = try #require(CLI.read("\(dir)/96/online-return/report.png")),
            small = try #require(CLI.read("\(dir)/48/online-return/report.png"))
        #expect(small.count < big.count)
    }

    @Test func tooLittleMemoryIsSaidPlainly() throws {
        let r = try CLI.run(["render", "journeys/online-return.journey", "-o", "/tmp/unused", "--max-memory", "16"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--max-memory 16 is too little memory: a worker needs at least 512 MiB"), "\(r.stderr)")
        #expect(!r.stderr.contains("not recognized"))
    }
}
