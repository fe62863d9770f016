import Foundation
import JourneyCore
import JourneyTestSupport
import Testing

@testable import JourneyFeedback

/// The parallel join (JoinState+Ranges) against the one-pass join: the same measurements and
/// the same diagnostics, compared as their full printed form (every double to its last bit),
/// with range boundaries forced onto every byte of small files full of RFC 4180 corner cases.
@Suite struct ParallelJoinTests {
    /// Everything a join gives. Compared with `==`: doubles to the last bit, dictionaries
    /// whatever their iteration order, diagnostics in order.
    struct Result: Equatable {
        var measurements: JourneyMeasurements
        var diagnostics: [Diagnostic]
        init(_ r: (JourneyMeasurements, [Diagnostic])) { (measurements, diagnostics) = r }
        /// A short account for a failure message.
        var summary: String {
            let a = measurements.accounting
            return "read \(a.read) used \(a.used) rejected \(a.rejected) unmatched \(a.unmatched); "
                + diagnostics.map { "\($0.code)@\($0.range.start.line):\($0.range.start.column)" }.joined(separator: " ")
        }
    }

    /// Joins `journey` in one pass, then in ranges of every size from 1 byte up to `maxRange`
    /// (so that every byte of a small file is once a boundary) on 3 threads (ranges finish out
    /// of order and wait to be merged) and on one (one pass cut at the same boundaries); expects
    /// the same results each time, with ranges mapped and read. Returns how many of the ranged joins really ran in ranges.
    @discardableResult
    static func expectSame(
        _ journey: Journey, options: JoinOptions = JoinOptions(), sizes: [Int], threads: [Int] = [1, 3],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Int {
        let serial = Result(FeedbackJoin.run(journey, options: options, plan: nil))
        var ranged = 0
        for size in sizes {
            for t in threads {
                // Both ways of reading a range: mapped (odd sizes) and into a buffer (even).
                let plan = RangePlan(threads: t, rangeBytes: size, minimumBytes: 0, mapped: size % 2 == 1)
                let (m, d, n) = FeedbackJoin.runCountingRanges(journey, options: options, plan: plan)
                ranged += n
                let r = Result((m, d))
                #expect(
                    r == serial, "ranges of \(size) bytes on \(t) threads: \(r.summary) against \(serial.summary)",
                    sourceLocation: sourceLocation)
                if r != serial { return ranged }
            }
        }
        return ranged
    }

    /// Rows that put each corner case somewhere: quoted fields with line breaks (LF and CRLF)
    /// and doubled quotes, empty lines, unknown touchpoints (more than the examples listed),
    /// bad scores, segments, categories, comments and dates.
    static func rows(crlf: Bool) -> String {
        let nl = crlf ? "\r\n" : "\n"
        var t = "touchpoint,date,nps,csat,ces,sentiment,category,comment,segment" + nl
        for i in 0..<36 {
            let tp = ["a", "b", "c", "d", "zz\(i % 7)", " a "][i % 6]
            let comment =
                i % 3 == 0 ? "\"said \"\"no\"\",\(nl)then left\"" : i % 3 == 1 ? "\"x\ny\r\nz\"" : "plain \(i)"
            let nps = i % 11 == 5 ? "11" : String(i % 11)
            let ces = i % 4 == 0 ? "" : String(1 + i % 5)
            t += "\(tp),2024-0\(1 + i % 9)-1\(i % 10),\(nps),\(1 + i % 5),\(ces),\(["negative", "neutral", "positive"][i % 3]),"
            t += "\(["billing/fees", "", "delay"][i % 3]),\(comment),\(["X", "Y", ""][i % 3])" + nl
            if i % 10 == 4 { t += nl }  // an empty line
        }
        return t
    }

    /// The fixture journey on one file. CES is declared on 1–5 so that every answer's position
    /// on its scale (−2…+2) is a whole number and sums are exact in any order: the one-pass
    /// and the ranged join then agree to the last bit (on 1–7, positions are thirds and the
    /// last bit of a sum depends on where the ranges fall; `threadCountNeverChangesResults`).
    static func journey(_ path: String, rules: [(String, String)] = [("delay", "c")]) -> Journey {
        var s = Fixture.source(path, rules: rules)
        s.scales["ces"] = Scale(min: 1, max: 5, lowerIsBetter: true)
        return Fixture.journey([s])
    }

    @Test(arguments: [false, true])
    func cornerCasesAtEveryByte(crlf: Bool) throws {
        let text = Self.rows(crlf: crlf)
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let n = Self.expectSame(Self.journey(path), sizes: Array(1...text.utf8.count / 4) + [text.utf8.count / 2, 1 << 20])
        #expect(n > 0, "the ranged join ran (it did not fall back every time)")
    }

    @Test func bomLastRowWithoutLineBreakAndLoneCR() throws {
        let body = "touchpoint;nps;comment\ra;10;\"one\rtwo\"\r\rb;0;\"\"\"\"\rzz;5;\"end\"\"\""
        let path = try Fixture.bytes([0xEF, 0xBB, 0xBF] + Array(body.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let n = Self.expectSame(Self.journey(path), sizes: Array(1...body.utf8.count))
        #expect(n > 0)
    }

    @Test func excelSepLineAndStrict() throws {
        var text = "sep=;\ntouchpoint;nps;csat\n"
        for i in 0..<30 { text += "\(["a", "b", "q"][i % 3]);\(i % 12);\(i % 6)\n" }
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var strict = JoinOptions()
        strict.strict = true
        strict.examplesPerReason = 2
        Self.expectSame(Self.journey(path), options: strict, sizes: Array(1...60))
    }

    /// Malformed quoting can fool the quote parity; the range before then does not end at the
    /// boundary and the join reads the file in one pass: still the same results.
    @Test func strayQuotesAndAnUnclosedQuoteFallBackToOnePass() throws {
        let text = "touchpoint,nps,comment\na,9,ab\"c\nb,3,\"x\"y\nc,7,\"fine\"\nd,1,\"never closed\na,2,z\n"
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        Self.expectSame(Self.journey(path), sizes: Array(1...text.utf8.count))
    }

    /// Sums of non-integer positions (CES on 1–7) depend on the order of additions: ranges
    /// are the unit of summation, so every thread count gives the same bits.
    @Test func threadCountNeverChangesResults() throws {
        var text = "touchpoint,ces,csat,segment\n"
        for i in 0..<400 { text += "\(["a", "b", "c", "d"][i % 4]),\(1 + (i * 7) % 7),\(1 + (i * 3) % 5),s\(i % 13)\n" }
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = Self.journey(path)
        for size in [97, 512, 1000] {
            let results = [1, 2, 4].map { t in
                Result(FeedbackJoin.run(j, options: JoinOptions(), plan: RangePlan(threads: t, rangeBytes: size, minimumBytes: 0)))
            }
            #expect(results[0] == results[1] && results[1] == results[2], "ranges of \(size) bytes")
        }
    }

    /// A stray quote flips the parity of quotes for the rows after it, until a second one
    /// flips it back: the first pass then takes a later row start than the rows' own for a
    /// boundary in between, and the range before still ends on it. Such a file is read in one
    /// pass cut at the rows' own boundaries, as one thread reads it: sums of thirds (CES on
    /// 1–7) that depend on where ranges fall are the same bits on 1, 2 and 4 threads.
    @Test func strayQuotesNeverChangeResultsWithTheThreadCount() throws {
        var text = "touchpoint,ces,csat,comment\n"
        for i in 0..<300 {
            let comment = i % 50 == 7 || i % 50 == 31 ? "stray\"quote" : i % 9 == 0 ? "\"two\nlines\"" : "plain"
            text += "\(["a", "b", "c", "d"][i % 4]),\(1 + (i * 5) % 7),\(1 + i % 5),\(comment)\n"
        }
        let path = try Fixture.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let j = Self.journey(path)
        for size in stride(from: 64, through: 1024, by: 37) {
            let results = [1, 2, 4].map { t in
                Result(FeedbackJoin.run(j, options: JoinOptions(), plan: RangePlan(threads: t, rangeBytes: size, minimumBytes: 0)))
            }
            #expect(results[0] == results[1] && results[1] == results[2], "ranges of \(size) bytes")
            let (_, _, ranged) = FeedbackJoin.runCountingRanges(
                j, options: JoinOptions(), plan: RangePlan(threads: 2, rangeBytes: size, minimumBytes: 0))
            #expect(ranged == 0, "a file with stray quotes is read in one pass")
        }
    }

    /// One thread reads in one pass (no first pass over the file, no threads), cut at the
    /// boundaries the threads would use.
    @Test func oneThreadReadsInOnePass() throws {
        let path = try Fixture.file(Self.rows(crlf: false))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (_, _, n) = FeedbackJoin.runCountingRanges(
            Self.journey(path), options: JoinOptions(), plan: RangePlan(threads: 1, rangeBytes: 100, minimumBytes: 0))
        #expect(n == 0)
    }

    /// The first pass's counts (eight bytes at a time, CRLF pairs across words and chunks)
    /// against a byte-by-byte count, on random bytes rich in quotes, CR and LF.
    @Test func rangeCountsMatchAByteByByteCount() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x22, 0x0A, 0x0D, 0x0D, 0x61, 0x2C]
        let bytes = (0..<600_000).map { _ in alphabet.randomElement(using: &rng)! }
        let path = try Fixture.bytes(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for _ in 0..<20 {
            let a = Int.random(in: 0..<bytes.count), b = Int.random(in: a...bytes.count)
            var quotes = 0, breaks = 0
            for i in a..<b {
                if bytes[i] == 0x22 { quotes += 1 }
                if bytes[i] == 0x0A || (bytes[i] == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) { breaks += 1 }
            }
            let c = try CSVReader.counts(path: path, range: a..<b)
            #expect(c == CSVReader.RangeCounts(quotes: quotes, breaks: breaks), "bytes \(a)..<\(b)")
        }
    }

    /// The small-file threshold: below it the join reads in one pass.
    @Test func smallFilesAreReadInOnePass() throws {
        let path = try Fixture.file("touchpoint,nps\na,9\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (_, _, n) = FeedbackJoin.runCountingRanges(Self.journey(path), options: JoinOptions(), plan: RangePlan(threads: 2))
        #expect(n == 0)
    }

    static let tweets = Repo.sharedData("airline-tweets/Tweets.csv")

    /// The real export: tweets with line breaks inside quoted comments, thousands of rows, the
    /// tagging rules filling categories, segments by airline, unknown categories.
    @Test(.enabled(if: tweets != nil, "needs shared/data/airline-tweets/Tweets.csv"))
    func realTweetsWithTaggingRules() throws {
        let loaded = JourneyLoader.load(path: Repo.fixture("airline-tags/tweets.journey"))
        var journey = try #require(loaded.journey)
        let path = try #require(Self.tweets)
        let source = Fixture.source(
            path, columns: ["category": "negativereason", "sentiment": "airline_sentiment", "comment": "text", "segment": "airline"],
            rules: [
                ("Late Flight", "departure"), ("Cancelled Flight", "departure"), ("Lost Luggage", "bags"), ("Damaged Luggage", "bags"),
                ("Customer Service Issue", "help"), ("Bad Flight", "onboard"), ("Flight Booking Problems", "booking"),
                ("Flight Attendant Complaints", "onboard"), ("longlines", "queue"),
            ])
        journey.feedback = [source]
        let size = 3_421_420
        let n = Self.expectSame(journey, sizes: [size / 3, 65_536], threads: [2])
        #expect(n > 0)
    }
}

extension FeedbackJoin {
    /// `run(_:options:plan:)` without the count of files read in ranges.
    static func run(_ journey: Journey, options: JoinOptions, plan: RangePlan?) -> (JourneyMeasurements, [Diagnostic]) {
        let (m, d, _) = runCountingRanges(journey, options: options, plan: plan)
        return (m, d)
    }
}
