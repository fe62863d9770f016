import Foundation
import Testing

/// Golden files: recorded by running the tests with `JOURNEYMAP_RECORD=1`, never typed by hand
/// and never rewritten without it. On a mismatch the test fails with the whole unified diff,
/// and the actual output is written beside the golden as `NAME.actual` (ignored by git) so it
/// can be inspected or copied over the golden by hand.
public enum Golden {
    /// Whether this run records goldens (`JOURNEYMAP_RECORD=1`) instead of comparing.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["JOURNEYMAP_RECORD"] == "1" }

    /// Where a mismatching output is written: beside the golden.
    public static func actualPath(for path: String) -> String { path + ".actual" }

    /// Compares `actual` with the golden at `path` (records it when recording); a mismatch fails
    /// the test with the unified diff and writes `NAME.actual`.
    public static func check(_ actual: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: path)
        let actualURL = URL(fileURLWithPath: actualPath(for: path))
        let existing = FileManager.default.contents(atPath: path)
        if isRecording {
            if existing != Data(actual.utf8) {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                // Recording is asked for, but still said out loud: review the diff before committing.
                FileHandle.standardError.write(Data("Golden: recorded \(path)\n".utf8))
            }
            try? FileManager.default.removeItem(at: actualURL)
            return
        }
        guard let data = existing else {
            try Data(actual.utf8).write(to: actualURL)
            Issue.record(
                "missing golden \(path); the output is in \(actualURL.path); record it with JOURNEYMAP_RECORD=1 swift test",
                sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual {
            try? FileManager.default.removeItem(at: actualURL)
            return
        }
        try Data(actual.utf8).write(to: actualURL)
        Issue.record(
            """
            \(path) differs from the output (written to \(actualURL.path)); \
            re-record with JOURNEYMAP_RECORD=1 if the change is intended:
            \(UnifiedDiff.diff(expected, actual, from: path, to: actualURL.path))
            """, sourceLocation: sourceLocation)
    }
}
