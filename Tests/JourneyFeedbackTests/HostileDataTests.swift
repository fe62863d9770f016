import Foundation
import JourneyCore
import JourneyFeedback
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile data files: bounded memory, clear messages, no hang.
@Suite struct HostileDataTests {
    @Test func aGigabyteWithoutLineBreaksStopsAtTheRowLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("giga-\(UUID().uuidString).csv").path
        FileManager.default.createFile(atPath: path, contents: Data("touchpoint,comment\na,".utf8))
        let h = try #require(FileHandle(forWritingAtPath: path))
        try h.truncate(atOffset: 1 << 30)  // sparse: 1 GiB of NUL bytes in one field
        try h.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path)]))
        let e = try #require(diags.first { $0.code == "JM300" })
        #expect(e.message.contains("a row is longer than 64 MiB"))
        #expect(m.accounting.used == 0)
    }

    @Test func aFIFOIsNotRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString).csv").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (_, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path)]))
        #expect(diags.contains { $0.code == "JM300" && $0.message.contains("it is a FIFO") })
    }

    @Test func quoteAtTheVeryEnd() throws {
        let (m, diags) = try Fixture.join("touchpoint,comment\na,ok\nb,\"")
        #expect(diags.contains { $0.code == "JM301" && $0.range.start.line == 3 })
        #expect(m.accounting.used == 1 && m.accounting.balances)
    }

    @Test func formulaLikeCommentsStayData() throws {
        let (m, _) = try Fixture.join("touchpoint,comment,sentiment\na,\"=HYPERLINK(\"\"http://x\"\")\",negative\n")
        #expect(m.byTouchpoint["a"]?.comments.first?.text == "=HYPERLINK(\"http://x\")")
        #expect(Escape.csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(Escape.csvField("+1") == "'+1" && Escape.csvField("@a") == "'@a" && Escape.csvField("-2") == "'-2")
    }

    @Test func hugeAggregateCountsDoNotOverflow() throws {
        let agg = "touchpoint,responses,promoters\na,9223372036854775807,1\na,9223372036854775807,1\n"
        let path = try Fixture.file(agg)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path, format: .aggregate)]))
        #expect(diags.contains { $0.code == "JM310" }, "too large to be a count: rejected, not a trap")
        #expect(m.accounting.balances)
    }
    /// Issue 14 item 2: a cell that retitles the terminal and clears the screen is echoed by
    /// JM312 with its controls made visible, in the text and the GitHub formats.
    @Test func terminalEscapesInACellAreShownNotRun() throws {
        let (_, diags) = try Fixture.join("touchpoint,nps\n\"\u{1B}]0;PWNED\u{07}\u{1B}[2J\",9\n")
        let d = try #require(diags.first { $0.code == "JM312" })
        for printed in [DiagnosticPrinter(sources: [:]).format(diags), DiagnosticWriter.github(diags)] {
            #expect(!printed.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, "\(printed.debugDescription)")
        }
        #expect(DiagnosticPrinter(sources: [:]).format(d).contains("unknown touchpoint '\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J'"))
    }

    /// A quoted cell holding a line break and a workflow command never starts a line of the
    /// text log (GitHub Actions reads `::error` at a line start, after spaces, as a command).
    @Test func aLineBreakInACellNeverStartsALine() throws {
        let (_, diags) = try Fixture.join("touchpoint,nps\n\"x\n::error file=x::X\",9\n")
        #expect(diags.contains { $0.code == "JM312" })
        for printed in [DiagnosticPrinter(sources: [:]).format(diags), DiagnosticWriter.github(diags)] {
            for line in printed.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                #expect(!trimmed.hasPrefix("::") || trimmed.hasPrefix("::warning file=") || trimmed.hasPrefix("::error file=") || trimmed.hasPrefix("::notice file="), "\(line)")
                #expect(!trimmed.hasPrefix("::error file=x"), "\(line)")
            }
        }
        #expect(DiagnosticPrinter(sources: [:]).format(diags).contains("'x\\n::error file=x::X'"))
    }

    /// Issue 14 item 1: a file that is not feedback (here a 5,000-character first line, as
    /// /proc/self/environ would be) is quoted in a short escaped excerpt, never whole.
    @Test func aNonFeedbackFileIsQuotedOnlyInAnExcerpt() throws {
        let secret = (0..<200).map { "SECRET_\($0)=value\u{1B}" }.joined(separator: "\u{0}")
        let (_, diags) = try Fixture.join(secret + "\n")
        let d = try #require(diags.first { $0.code == "JM306" })
        #expect(!d.message.contains("SECRET_10="), "\(d.message.count) characters")
        #expect(d.message.count < 250 && d.message.contains("…"))
        #expect(!d.message.unicodeScalars.contains { $0.value < 0x20 })
    }
}
