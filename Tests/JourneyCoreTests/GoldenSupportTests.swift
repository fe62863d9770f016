import Foundation
import JourneyTestSupport
import Testing

/// The golden helper itself: a mismatch fails with the whole diff and leaves the output beside
/// the golden; a match cleans it up; nothing is recorded without JOURNEYMAP_RECORD=1.
@Suite struct GoldenSupportTests {
    @Test func unifiedDiffShowsEveryChangeWithContext() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var lines = (1...20).map { "line \($0)" }
        lines[1] = "line two"
        lines.insert("new line", at: 15)
        let new = lines.joined(separator: "\n") + "\n"
        #expect(
            UnifiedDiff.diff(old, new, from: "a", to: "b") == """
                --- a
                +++ b
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -13,6 +13,7 @@
                 line 13
                 line 14
                 line 15
                +new line
                 line 16
                 line 17
                 line 18

                """)
        #expect(UnifiedDiff.diff(old, old).isEmpty)
    }

    @Test func diffOfWhollyDifferentAndEmptyTexts() {
        #expect(UnifiedDiff.diff("", "a\nb\n", from: "x", to: "y") == "--- x\n+++ y\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(UnifiedDiff.diff("a\n", "a", from: "x", to: "y") == "--- x\n+++ y\n@@ -1,1 +1,1 @@\n-a\n+a\n\\ No newline at end of file\n")
    }

    @Test(.enabled(if: !Golden.isRecording, "checks the failure path, which recording bypasses"))
    func mismatchFailsWritesActualAndKeepsTheGolden() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let golden = dir + "/x.txt"
        try "one\ntwo\n".write(toFile: golden, atomically: true, encoding: .utf8)
        try withKnownIssue {
            try Golden.check("one\nthree\n", at: golden)
        } matching: { issue in
            let text = String(describing: issue)
            return text.contains("-two") && text.contains("+three") && text.contains("x.txt.actual")
        }
        #expect(try String(contentsOfFile: golden, encoding: .utf8) == "one\ntwo\n", "the golden is never rewritten")
        #expect(try String(contentsOfFile: Golden.actualPath(for: golden), encoding: .utf8) == "one\nthree\n")
        try Golden.check("one\ntwo\n", at: golden)
        #expect(!FileManager.default.fileExists(atPath: Golden.actualPath(for: golden)), "a match removes the stale .actual")
        withKnownIssue {
            try Golden.check("new\n", at: dir + "/missing.txt")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/missing.txt"), "a missing golden is not recorded silently")
    }
}
