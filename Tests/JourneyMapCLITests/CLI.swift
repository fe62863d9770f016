import Foundation
import JourneyTestSupport

/// Runs the built `journeymap` binary (tests run after `swift build`).
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `stdin`: bytes the command reads from standard input (none when nil).
    static func run(_ args: [String], cwd: String = Repo.root, environment: [String: String] = [:], stdin: Data? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Repo.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        p.environment = env
        // Output goes to files: no pipe can fill up and block the child.
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("jm-run-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: base + ".out")
            try? FileManager.default.removeItem(atPath: base + ".err")
            try? FileManager.default.removeItem(atPath: base + ".in")
        }
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".out"))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: base + ".err"))
        if let stdin {
            _ = FileManager.default.createFile(atPath: base + ".in", contents: stdin)
            p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: base + ".in"))
        } else {
            p.standardInput = FileHandle.nullDevice
        }
        try p.run()
        p.waitUntilExit()
        let outData = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: base + ".err") ?? Data()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary folder.
    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jm-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func read(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}
