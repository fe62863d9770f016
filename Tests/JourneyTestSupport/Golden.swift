import Foundation
import Testing

/// Golden files: recorded by running the tests with `JOURNEYMAP_RECORD=1`, never typed by hand.
/// Without it, a missing or different golden fails the test with a diff hint.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["JOURNEYMAP_RECORD"] == "1" }

    public static func check(_ actual: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: path)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden \(path); record it with JOURNEYMAP_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("""
                \(path) differs at line \(i + 1):
                  expected: \(i < e.count ? String(e[i]) : "<end>")
                  actual:   \(i < a.count ? String(a[i]) : "<end>")
                (re-record with JOURNEYMAP_RECORD=1 if the change is intended)
                """, sourceLocation: sourceLocation)
        }
    }
}

/// Paths of the repository, found from this file's location.
public enum Repo {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// `../shared` beside the checkout: test data that is not part of the product. nil when
    /// absent (tests then skip with a message).
    public static var shared: String? {
        let p = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// The built CLI (tests run after `swift build`).
    public static var binary: String {
        for config in ["debug", "release"] {
            let p = root + "/.build/\(config)/journeymap"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root + "/.build/debug/journeymap"
    }
}
