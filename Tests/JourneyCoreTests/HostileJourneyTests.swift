import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

/// Hostile journey text: each case asserts the exact outcome (code, line, column), and that
/// nothing crashes.
@Suite struct HostileJourneyTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var text: String
        var code: String?
        var line: Int
        var column: Int
        var description: String { name }
    }

    static let ok = "journey j \"J\" {\n  department d \"D\"\n  stage s \"S\" { touchpoint a \"A\" { owner d } }\n}\n"

    static let cases: [Case] = [
        Case(name: "unterminated string", text: "journey j \"J {\n}\n", code: "JM011", line: 1, column: 11),
        Case(name: "unterminated block", text: "journey j \"J\" {\n  stage s \"S\" {\n", code: "JM021", line: 3, column: 1),
        Case(name: "stray close brace", text: ok + "}\n", code: "JM022", line: 5, column: 1),
        Case(name: "text after block", text: "journey j \"J\" { } x\n", code: "JM023", line: 1, column: 19),
        Case(name: "unknown escape", text: "journey j \"a\\qb\" { }\n", code: "JM012", line: 1, column: 13),
        Case(name: "bad unicode escape", text: "journey j \"\\u{110000}\" { }\n", code: "JM012", line: 1, column: 12),
        Case(name: "NUL byte", text: "journey j \"J\" {\u{0} }\n", code: "JM002", line: 1, column: 16),
        Case(name: "snowman", text: "☃\n" + ok, code: "JM010", line: 1, column: 1),
        Case(name: "bidi override in an identifier position", text: "\u{202E}journey j \"J\" { }\n", code: "JM010", line: 1, column: 1),
        Case(
            name: "CRLF line endings", text: ok.replacingOccurrences(of: "\n", with: "\r\n") + "  oops\r\n", code: "JM100", line: 5,
            column: 3),
        Case(
            name: "lone CR line endings", text: ok.replacingOccurrences(of: "\n", with: "\r") + "oops\r", code: "JM100", line: 5, column: 1),
        Case(name: "tabs count as one column", text: "journey j \"J\" {\n\tbogus\n}\n", code: "JM100", line: 2, column: 2),
        Case(name: "no journey", text: "# nothing\n", code: "JM210", line: 0, column: 0),
        Case(name: "two journeys", text: ok + ok, code: "JM211", line: 5, column: 1),
        Case(
            name: "duplicate touchpoint",
            text:
                "journey j \"J\" {\n department d \"D\"\n stage s \"S\" {\n  touchpoint a \"A\" { owner d }\n  touchpoint a \"B\" { owner d }\n }\n}\n",
            code: "JM201", line: 5, column: 14),
        Case(
            name: "duplicate department", text: "journey j \"J\" {\n department d \"D\"\n department d \"E\"\n}\n", code: "JM201", line: 3,
            column: 13),
        Case(name: "unknown owner", text: ok.replacingOccurrences(of: "owner d", with: "owner e"), code: "JM202", line: 3, column: 42),
        Case(
            name: "unknown channel", text: ok.replacingOccurrences(of: "owner d", with: "owner d; channel web"), code: "JM203", line: 3,
            column: 53),
        Case(
            name: "unknown flow target", text: ok.replacingOccurrences(of: "\n}\n", with: "\n  flow a -> b\n}\n"), code: "JM204", line: 4,
            column: 13),
        Case(
            name: "unknown persona", text: ok.replacingOccurrences(of: "owner d", with: "owner d; persona ghost"), code: "JM205", line: 3,
            column: 53),
        Case(
            name: "emotion out of range", text: ok.replacingOccurrences(of: "owner d", with: "owner d; emotion 3"), code: "JM206", line: 3,
            column: 53),
        Case(
            name: "emotion as a word", text: ok.replacingOccurrences(of: "owner d", with: "owner d; emotion sad"), code: "JM206", line: 3,
            column: 53),
        Case(
            name: "emotion overflow", text: ok.replacingOccurrences(of: "owner d", with: "owner d; emotion 99999999999999999999999"),
            code: "JM206", line: 3, column: 53),
        Case(
            name: "unknown metric", text: ok.replacingOccurrences(of: "\n}\n", with: "\n  target nsp >= 1\n}\n"), code: "JM421", line: 4,
            column: 10),
        Case(
            name: "target at nothing", text: ok.replacingOccurrences(of: "\n}\n", with: "\n  target nps >= 1 at zz\n}\n"), code: "JM422",
            line: 4, column: 22),
        Case(name: "missing argument", text: "journey j { }\n", code: "JM101", line: 1, column: 10),
        Case(name: "extra argument", text: "journey j \"J\" \"K\" { }\n", code: "JM102", line: 1, column: 15),
        Case(name: "touchpoint outside a stage", text: "journey j \"J\" {\n  touchpoint a \"A\"\n}\n", code: "JM105", line: 2, column: 3),
        Case(name: "absolute include", text: "journey j \"J\" {\n  include \"/etc/passwd\"\n}\n", code: "JM402", line: 2, column: 11),
        Case(
            name: "include leaving the root", text: "journey j \"J\" {\n  include \"../../../../etc/hostname\"\n}\n", code: "JM402",
            line: 2, column: 11),
        Case(name: "include a folder", text: "journey j \"J\" {\n  include \"sub\"\n}\n", code: "JM400", line: 2, column: 11),
        Case(
            name: "feedback is a folder", text: ok.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"sub\"\n}\n"), code: "JM410",
            line: 4, column: 12),
        Case(
            name: "feedback missing", text: ok.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"none.csv\"\n}\n"), code: "JM410",
            line: 4, column: 12),
        Case(
            name: "absolute feedback path", text: ok.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"/proc/self/environ\"\n}\n"),
            code: "JM402", line: 4, column: 12),
        Case(
            name: "feedback leaving the root",
            text: ok.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"../../../../../../../../etc/passwd\"\n}\n"), code: "JM402",
            line: 4, column: 12),
        Case(
            name: "unknown theme", text: ok.replacingOccurrences(of: "\n}\n", with: "\n  style { theme neon }\n}\n"), code: "JM220",
            line: 4, column: 17),
        Case(name: "deep nesting", text: String(repeating: "a {\n", count: 10_000), code: "JM024", line: 17, column: 3),
        Case(name: "100,000 stray characters", text: String(repeating: "☃", count: 100_000), code: "JM010", line: 1, column: 1),
        Case(
            name: "very long identifier", text: "journey " + String(repeating: "x", count: 70_000) + " \"J\" { }\n", code: "JM013", line: 1,
            column: 9),
        Case(
            name: "very long string", text: "journey j \"" + String(repeating: "y", count: 70_000) + "\" { }\n", code: "JM013", line: 1,
            column: 11),
        Case(
            name: "script in a title is just a title", text: ok.replacingOccurrences(of: "\"A\"", with: "\"<script>alert(1)</script>\""),
            code: nil, line: 0, column: 0),
        Case(
            name: "graphviz escapes in a title are just text", text: ok.replacingOccurrences(of: "\"A\"", with: "\"\\\\N \\\\G\""),
            code: nil, line: 0, column: 0),
        Case(name: "BOM is fine", text: "\u{FEFF}" + ok, code: nil, line: 0, column: 0),
        Case(
            name: "Polish and Cyrillic ids",
            text:
                "journey podróż \"Podróż\" {\n department відділ \"Відділ\"\n stage etap \"Etap\" { touchpoint żółw \"Żółw\" { owner відділ } }\n}\n",
            code: nil, line: 0, column: 0),
    ]

    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        return dir
    }()

    @Test(arguments: cases)
    func exactOutcome(_ c: Case) {
        let path = Self.folder + "/case.journey"
        let r = JourneyLoader.load(text: c.text, path: path)
        guard let code = c.code else {
            #expect(!r.hasErrors, "\(r.diagnostics.map { "\($0.code) \($0.message)" })")
            #expect(r.journey != nil)
            return
        }
        let hit = r.diagnostics.first { $0.code == code }
        #expect(hit != nil, "expected \(code), got \(r.diagnostics.map { "\($0.code)@\($0.range.start)" })")
        #expect(
            hit?.range.start.line == c.line && hit?.range.start.column == c.column,
            "\(code) at \(hit.map { "\($0.range.start)" } ?? "-"), expected \(c.line):\(c.column)")
        #expect(r.journey == nil || hit?.severity == .warning)
    }

    @Test func invalidUTF8IsReportedAtItsLine() {
        var bytes = Array(Self.ok.utf8)
        bytes.insert(contentsOf: [0xC3, 0x28], at: 20)
        let (_, diags) = SourceFile.decode(path: "bad", data: bytes)
        #expect(diags.first?.code == "JM001" && diags.first?.range.start.line == 2)
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(UUID().uuidString).journey").path
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let h = try #require(FileHandle(forWritingAtPath: path))
        try h.truncate(atOffset: 100 * 1_048_576)  // sparse: 100 MiB
        try h.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = JourneyLoader.load(path: path)
        #expect(r.diagnostics.first?.code == "JM400")
        #expect(r.diagnostics.first?.message.contains("over the 32 MiB limit (raise it with --max-file-size)") == true)
    }

    @Test func aFIFOIsNeverOpened() throws {
        let path = Self.folder + "/fifo.journey"
        #expect(mkfifo(path, 0o600) == 0)
        let r = JourneyLoader.load(path: path)
        #expect(r.diagnostics.first?.message.contains("it is a FIFO, not a regular file") == true)
    }

    @Test func symlinkedIncludeOutOfTheRootIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).journey").path
        try "department x \"X\"\n".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: Self.folder + "/link.journey", withDestinationPath: outside)
        let r = JourneyLoader.load(text: "journey j \"J\" {\n  include \"link.journey\"\n}\n", path: Self.folder + "/case.journey")
        #expect(r.diagnostics.contains { $0.code == "JM402" && $0.message.contains("leaves the journeys folder") })
    }

    @Test func symlinkedFeedbackOutOfTheRootIsRefused() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).csv").path
        try "touchpoint\na\n".write(toFile: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: Self.folder + "/link.csv", withDestinationPath: outside)
        let r = JourneyLoader.load(
            text: Self.ok.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"link.csv\"\n}\n"), path: Self.folder + "/case.journey")
        #expect(r.diagnostics.contains { $0.code == "JM402" && $0.message.contains("leaves the journeys folder") })
        #expect(r.journey == nil)
    }

    @Test func feedbackInsideTheRootIsAccepted() throws {
        try "touchpoint\na\n".write(toFile: Self.folder + "/sub/in.csv", atomically: true, encoding: .utf8)
        let r = JourneyLoader.load(
            text: Self.ok.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"sub/../sub/in.csv\"\n}\n"),
            path: Self.folder + "/case.journey")
        #expect(!r.hasErrors, "\(r.diagnostics.map(\.message))")
        #expect(r.journey?.feedback.first?.resolvedPath == Self.folder + "/sub/../sub/in.csv")
    }

    /// A journey whose root is `/` still never reads /proc, /sys or /dev (the environment,
    /// kernel state, devices), through a feedback path or an include.
    @Test func systemFoldersAreRefusedEvenUnderARootOfSlash() throws {
        let depth = Self.folder.split(separator: "/").count
        let up = String(repeating: "../", count: depth)
        for path in ["proc/self/environ", "dev/zero", "sys/kernel/hostname"] where FileReader.realPath("/" + path) != nil {
            let text = Self.ok.replacingOccurrences(of: "\n}\n", with: "\n  feedback \"\(up)\(path)\"\n  include \"\(up)\(path)\"\n}\n")
            let r = JourneyLoader.load(text: text, path: Self.folder + "/case.journey", options: LoadOptions(root: "/"))
            #expect(r.diagnostics.filter { $0.code == "JM402" }.count == 2, "\(path): \(r.diagnostics.map { "\($0.code) \($0.message)" })")
        }
    }

    /// Issue 14 item 2: a raw ESC in journey source is shown as `\u{1B}`, and the caret still
    /// points at the right character.
    @Test func rawEscapeInSourceNeverReachesTheTerminal() throws {
        let text = "journey j \"J\" {\n  \u{1B}]0;PWNED\u{07}\u{1B}[2J bogus\n}\n"
        let r = JourneyLoader.load(text: text, path: Self.folder + "/case.journey")
        #expect(r.hasErrors)
        let printed = DiagnosticPrinter(sources: r.sources).format(r.diagnostics)
        #expect(!printed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(printed.debugDescription)")
        #expect(printed.contains("\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J bogus"))
        // The caret under 'PWNED' (JM100, unknown statement) lines up in the escaped line.
        let lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasSuffix("[JM100]") })
        let (source, caretLine) = (lines[header + 1], lines[header + 2])
        let caret = caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) }
        let word = source.range(of: "PWNED").map { source.distance(from: source.startIndex, to: $0.lowerBound) }
        #expect(caret != nil && caret == word, "\n\(source)\n\(caretLine)")
        #expect(caretLine.hasSuffix("^~~~~"))
    }

    @Test func aPathStartingWithColonsNeverStartsALine() {
        let d = Diagnostic(.error, code: "JM100", "x", at: .file("::error file=x::X.journey"))
        let printed = DiagnosticPrinter(sources: [:]).format(d)
        #expect(printed.hasPrefix("./::error"))
    }

    @Test func duplicateIdsAcrossIncludes() throws {
        try "department d \"D again\"\n".write(toFile: Self.folder + "/dup.journey", atomically: true, encoding: .utf8)
        let r = JourneyLoader.load(
            text: "journey j \"J\" {\n  department d \"D\"\n  include \"dup.journey\"\n}\n", path: Self.folder + "/case.journey")
        let dup = r.diagnostics.first { $0.code == "JM201" }
        #expect(dup?.range.file.hasSuffix("dup.journey") == true)
        #expect(dup?.notes.first?.range?.start.line == 2)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
