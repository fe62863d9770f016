import Foundation
import JourneyTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// SIGKILL in the middle of a batch render, many times at random moments: every output file
/// is always either the old complete version or the new complete version.
@Suite struct KillTests {
    /// The complete files under `dir` (temporary files of a write in progress left out).
    static func snapshot(_ dir: String) throws -> [String: Data] {
        try FileTree.read(dir) { !$0.contains(".journeymap-tmp-") }
    }

    /// Runs the real binary with `arguments` from the repository root and SIGKILLs it after a
    /// random delay of up to `maxDelay` microseconds, then waits for it to end.
    static func runAndKill(_ arguments: [String], maxDelay: UInt32, using generator: inout SystemRandomNumberGenerator) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Repo.binary)
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: Repo.root)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        usleep(UInt32.random(in: 10_000...maxDelay, using: &generator))
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    @Test func killedRendersNeverLeaveHalfFiles() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = ["render", "journeys", "--format", "svg,png,pdf", "--force"]
        // The two complete versions every file may hold.
        #expect(try CLI.run(base + ["-o", "\(dir)/a", "--theme", "default"]).status == 0)
        #expect(try CLI.run(base + ["-o", "\(dir)/b", "--theme", "dark"]).status == 0)
        let a = try Self.snapshot("\(dir)/a").filter { !$0.key.hasSuffix(".json") }
        let b = try Self.snapshot("\(dir)/b").filter { !$0.key.hasSuffix(".json") }
        #expect(a.count >= 9 && a.keys.sorted() == b.keys.sorted())
        #expect(try CLI.run(base + ["-o", "\(dir)/out", "--theme", "default"]).status == 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<10 {
            try Self.runAndKill(
                base + ["-o", "\(dir)/out", "--theme", round % 2 == 0 ? "dark" : "default"], maxDelay: 900_000, using: &generator)
            for (file, bytes) in try Self.snapshot("\(dir)/out") where !file.hasSuffix(".json") {
                #expect(bytes == a[file] || bytes == b[file], "round \(round): \(file) is neither complete version")
            }
            let manifest = FileManager.default.contents(atPath: "\(dir)/out/.journeymap-manifest.json") ?? Data("{}".utf8)
            #expect((try? JSONSerialization.jsonObject(with: manifest)) != nil, "the manifest is always whole JSON")
        }
        // A run that completes clears what killed runs left behind.
        #expect(try CLI.run(base + ["-o", "\(dir)/out"]).status == 0)
        let leftovers = (FileManager.default.enumerator(atPath: "\(dir)/out")?.allObjects as? [String] ?? []).filter {
            $0.contains(".journeymap-tmp-")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
