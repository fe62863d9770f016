import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyFeedback

/// The parallel join of JSON Lines (JoinState+JSONRanges) against the one pass: the same
/// measurements and diagnostics to the last bit, with a range boundary on every byte of a
/// small file of corner cases, on three threads and on one.
@Suite struct ParallelJSONLinesTests {
    /// Lines that put each corner case somewhere: escaped line breaks and quotes inside
    /// strings, CRLF endings, blank and whitespace-only lines, lines that are not JSON or not
    /// an object, a key twice, invalid UTF-8, booleans and out-of-scale scores, unknown
    /// touchpoints (more than the examples listed), segments, categories, comments and dates.
    static func lines(crlf: Bool, lastBreak: Bool) -> [UInt8] {
        let nl = crlf ? "\r\n" : "\n"
        var t = ""
        for i in 0..<40 {
            let tp = ["a", "b", "c", "d", "zz\(i % 7)", " a "][i % 6]
            let comment = i % 3 == 0 ? "said \\\"no\\\",\\nthen left" : i % 3 == 1 ? "x\\r\\ny" : "plain \(i)"
            let nps = i % 11 == 5 ? "11" : i % 13 == 4 ? "true" : String(i % 11)
            let ces = i % 4 == 0 ? "null" : String(1 + i % 5)
            t += "{\"touchpoint\": \"\(tp)\", \"date\": \"2024-0\(1 + i % 9)-1\(i % 10)\", \"nps\": \(nps), \"csat\": \"\(1 + i % 5)\", "
            t += "\"ces\": \(ces), \"sentiment\": \"\(["negative", "neutral", "positive"][i % 3])\", "
            t +=
                "\"category\": \"\(["billing/fees", "", "delay"][i % 3])\", \"comment\": \"\(comment)\", \"segment\": \"\(["X", "Y", ""][i % 3])\"}"
            t += nl
            if i % 10 == 4 { t += nl }  // a blank line
            if i % 10 == 6 { t += "  \t" + nl }  // spaces only
            if i % 12 == 7 { t += "{\"touchpoint\": \"a\", " + nl }  // not JSON
            if i % 17 == 8 { t += "[1, 2]" + nl }  // not an object
            if i % 19 == 9 { t += "{\"touchpoint\": \"a\", \"nps\": 3, \"nps\": 4}" + nl }  // a key twice
        }
        var bytes = Array(t.utf8)
        bytes += Array("{\"touchpoint\": \"b\", \"comment\": \"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8) + Array(nl.utf8)
        bytes += Array("{\"touchpoint\": \"c\", \"nps\": 7}".utf8)
        if lastBreak { bytes += Array(nl.utf8) }
        return bytes
    }

    static func journey(_ path: String) -> Journey {
        var s = Fixture.source(path, format: .jsonl, rules: [("delay", "c")])
        s.scales["ces"] = Scale(min: 1, max: 5, lowerIsBetter: true)
        return Fixture.journey([s])
    }

    @Test(arguments: [(false, true), (true, true), (false, false)])
    func cornerCasesAtEveryByte(crlf: Bool, lastBreak: Bool) throws {
        let bytes = Self.lines(crlf: crlf, lastBreak: lastBreak)
        let path = try Fixture.bytes(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let n = ParallelJoinTests.expectSame(Self.journey(path), sizes: Array(1...bytes.count / 6) + [bytes.count / 2, 1 << 20])
        #expect(n > 0, "the ranged join ran")
    }

    @Test func strictAndFewExamples() throws {
        let bytes = Self.lines(crlf: false, lastBreak: true)
        let path = try Fixture.bytes(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var strict = JoinOptions()
        strict.strict = true
        strict.examplesPerReason = 1
        ParallelJoinTests.expectSame(Self.journey(path), options: strict, sizes: Array(stride(from: 1, through: bytes.count / 3, by: 7)))
    }

    /// Sums of thirds (CES on 1–7) depend on where ranges fall: one thread cuts the one pass at
    /// the same boundaries, so 1, 2 and 4 threads give the same bits.
    @Test func threadCountNeverChangesResults() throws {
        var text = ""
        for i in 0..<400 {
            text += "{\"touchpoint\": \"\(["a", "b", "c", "d"][i % 4])\", \"ces\": \(1 + (i * 5) % 7), \"segment\": \"s\(i % 13)\"}\n"
        }
        let path = try Fixture.file(text, ext: "jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = Fixture.journey([Fixture.source(path)])
        for size in [97, 512, 1000] {
            let results = [1, 2, 4].map { t in
                ParallelJoinTests.Result(
                    FeedbackJoin.run(j, options: JoinOptions(), plan: RangePlan(threads: t, rangeBytes: size, minimumBytes: 0)))
            }
            #expect(results[0] == results[1] && results[1] == results[2], "ranges of \(size) bytes")
        }
    }

    /// The first pass's LF count and first-LF search against a byte-by-byte look.
    @Test func lineFeedCountsMatchAByteByByteCount() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x61, 0x22, 0x61, 0x61, 0x61, 0x61]
        let bytes = (0..<300_000).map { _ in alphabet.randomElement(using: &rng)! }
        let path = try Fixture.bytes(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for _ in 0..<20 {
            let a = Int.random(in: 0..<bytes.count), b = Int.random(in: a...bytes.count)
            #expect(try CSVReader.lineFeeds(path: path, range: a..<b) == bytes[a..<b].count { $0 == 0x0A })
            let first = bytes[a...].firstIndex(of: 0x0A) ?? -1
            #expect(try CSVReader.firstLineFeed(path: path, from: a, fileSize: bytes.count, limit: 1 << 20) == first)
        }
    }
}
