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
}
