import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// RFC 4180 and the malformations real exports have: nothing silently dropped or merged.
@Suite struct CSVCornerCaseTests {
    @Test func quotesCommasAndLineBreaksInsideFields() throws {
        let text = "touchpoint,comment,nps\r\na,\"x, \"\"quoted\"\"\r\nsecond line\",3\r\nb,plain,9\r\nzz,\"a\nb\",5\r\n"
        let (m, diags) = try Fixture.join(text)
        #expect(m.byTouchpoint["a"]?.comments.first?.text == "x, \"quoted\"\r\nsecond line")
        #expect(m.byTouchpoint["b"]?.responses == 1)
        // The unknown id is on line 5 (the quoted line break counted).
        let unmatched = try #require(diags.first { $0.code == "JM312" })
        #expect(unmatched.range.start.line == 5)
        #expect(m.accounting.read == 3 && m.accounting.balances)
    }

    @Test func loneCRAndBOMAndSemicolons() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let path = try Fixture.bytes(bom + Array("\"touchpoint\";\"nps\"\ra;10\rb;0\r".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path)]))
        #expect(!diags.hasErrors)
        #expect(m.byTouchpoint["a"]?.promoters == 1 && m.byTouchpoint["b"]?.detractors == 1)
    }

    @Test func excelSepLineAndTabs() throws {
        let (m, _) = try Fixture.join("sep=;\ntouchpoint;nps\na;10\n")
        #expect(m.byTouchpoint["a"]?.responses == 1)
        let (m2, _) = try Fixture.join("touchpoint\tnps\tcomment\na\t9\thello, world\n")
        #expect(m2.byTouchpoint["a"]?.comments.first?.text == "hello, world")
    }

    @Test func unterminatedQuoteIsAnErrorWithItsLine() throws {
        let (m, diags) = try Fixture.join("touchpoint,comment\na,fine\nb,\"never closed\nc,more\n")
        let e = try #require(diags.first { $0.code == "JM301" })
        #expect(e.severity == .error && e.range.start.line == 3)
        #expect(m.byTouchpoint["a"]?.responses == 1, "rows before it still count")
        #expect(m.accounting.balances)
    }

    @Test func textAfterClosingQuoteAndStrayQuotesRejectTheRow() throws {
        let (m, diags) = try Fixture.join("touchpoint,comment\na,\"x\"y\nb,ab\"c\nc,ok\n")
        let rejected = diags.filter { $0.code == "JM310" }.map(\.range.start.line)
        #expect(rejected == [2, 3])
        #expect(m.byTouchpoint["c"]?.responses == 1, "the rest of the file is read")
        #expect(m.accounting.rejected == 2 && m.accounting.balances)
    }

    @Test func raggedRowsAreRejectedAndCounted() throws {
        let (m, diags) = try Fixture.join("touchpoint,nps\na,1\nb\nc,3,extra\nd,4\n")
        #expect(diags.filter { $0.message.contains("fields, the header has 2") }.map(\.range.start.line) == [3, 4])
        #expect(m.accounting.used == 2 && m.accounting.rejected == 2)
    }

    @Test func invalidUTF8IsAnError() throws {
        let path = try Fixture.bytes(Array("touchpoint,comment\na,ok\nb,".utf8) + [0xC3, 0x28] + Array("\nc,fine\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (m, diags) = FeedbackJoin.run(Fixture.journey([Fixture.source(path)]))
        let e = try #require(diags.first { $0.code == "JM304" })
        #expect(e.severity == .error && e.range.start.line == 3)
        #expect(m.byTouchpoint["c"]?.responses == 1)
    }

    @Test func repeatedHeaderAndManyColumns() throws {
        let (_, diags) = try Fixture.join("touchpoint,nps,nps\na,1,2\n")
        #expect(diags.contains { $0.code == "JM305" })
        let header = "touchpoint," + (0..<10_000).map { "c\($0)" }.joined(separator: ",")
        let row = "a," + String(repeating: "1,", count: 9_999) + "1"
        let (m, _) = try Fixture.join(header + "\n" + row + "\n")
        #expect(m.byTouchpoint["a"]?.responses == 1)
    }

    @Test func emptyAndBlankFiles() throws {
        let (m, diags) = try Fixture.join("")
        #expect(m.accounting.read == 0)
        #expect(diags.contains { $0.code == "JM307" })
        let (m2, _) = try Fixture.join("touchpoint,nps\n\n\n")
        #expect(m2.accounting.read == 0)
    }
}
