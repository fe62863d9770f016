import Foundation
import JourneyCore
import JourneyFeedback
import JourneyTestSupport
import Testing

/// The tagging rules of Tests/Fixtures/airline-tags/tweets.journey measured against the human
/// labels of the Twitter US Airline Sentiment data: precision and recall per complaint reason
/// and sentiment agreement, on the held-out half (docs/close-the-loop.md gives the method and
/// these figures). The rules were written looking at the development half only.
@Suite struct TweetTaggingTests {
    /// CC BY-NC-SA data, kept out of the repository (Tests/Fixtures/README.md).
    static let tweets = Repo.sharedData("airline-tweets/Tweets.csv")

    struct Tweet {
        var id: UInt64
        var sentiment: Sentiment
        var reason: String
        var text: String
        /// Development half: the thousands digit of the id is even. (The last digits of tweet
        /// ids are not uniform: plain id parity would split 11,335 / 3,305.)
        var isDevelopment: Bool { (id / 1000) % 2 == 0 }
    }

    static func read(_ path: String) throws -> [Tweet] {
        var reader = try CSVReader(path: path, delimiter: nil, maxRowBytes: 1 << 20)
        var header: [String: Int] = [:]
        var tweets: [Tweet] = []
        var seen = Set<UInt64>()
        try reader.forEachRow { row in
            if header.isEmpty {
                for i in 0..<row.fieldCount { header[row.string(i)] = i }
                return true
            }
            guard let id = UInt64(row.string(header["tweet_id"]!)), seen.insert(id).inserted,
                let s = Sentiment(rawValue: row.string(header["airline_sentiment"]!))
            else { return true }
            tweets.append(Tweet(id: id, sentiment: s, reason: row.string(header["negativereason"]!), text: row.string(header["text"]!)))
            return true
        }
        return tweets
    }

    struct Figures {
        var n = 0
        /// Per reason: labelled, predicted, both.
        var labelled: [String: Int] = [:], predicted: [String: Int] = [:], correct: [String: Int] = [:]
        var sentimentAgreed = 0, sentimentFound = 0, sentimentAgreedWhenFound = 0
        var confusion: [String: Int] = [:]

        func precision(_ r: String) -> Double { Double(correct[r, default: 0]) / Double(max(1, predicted[r, default: 0])) }
        func recall(_ r: String) -> Double { Double(correct[r, default: 0]) / Double(max(1, labelled[r, default: 0])) }
        /// Micro-averaged over the reasons the rules cover.
        func micro(_ reasons: [String]) -> (precision: Double, recall: Double, predicted: Int, labelled: Int) {
            let c = reasons.map { correct[$0, default: 0] }.reduce(0, +)
            let p = reasons.map { predicted[$0, default: 0] }.reduce(0, +)
            let l = reasons.map { labelled[$0, default: 0] }.reduce(0, +)
            return (Double(c) / Double(max(1, p)), Double(c) / Double(max(1, l)), p, l)
        }
    }

    /// `withDataSentiment`: the tweet's own sentiment decides `when negative`, as in the join
    /// (which keeps the data's sentiment and fills only the blank category); otherwise the rules' own.
    static func measure(_ tweets: [Tweet], _ matcher: TagMatcher, withDataSentiment: Bool) -> Figures {
        var f = Figures()
        for t in tweets {
            f.n += 1
            let r = matcher.match(t.text, knownSentiment: withDataSentiment ? t.sentiment : nil)
            if !t.reason.isEmpty { f.labelled[t.reason, default: 0] += 1 }
            if let tag = r.tag.map({ matcher.rules.tags[$0].name }) {
                f.predicted[tag, default: 0] += 1
                if tag == t.reason { f.correct[tag, default: 0] += 1 }
            }
            // No sentiment word: read as neutral for the agreement.
            let s = r.sentiment ?? .neutral
            if s == t.sentiment { f.sentimentAgreed += 1 }
            if let found = r.sentiment {
                f.sentimentFound += 1
                if found == t.sentiment { f.sentimentAgreedWhenFound += 1 }
            }
            f.confusion["\(t.sentiment.rawValue)->\(s.rawValue)", default: 0] += 1
        }
        return f
    }

    static func table(_ name: String, _ f: Figures, _ reasons: [String], baseline: Int) -> String {
        func p(_ v: Double) -> String { String(format: "%.2f", v) }
        var out = "\(name): \(f.n) tweets\n| reason | labelled | tagged | precision | recall |\n|---|---:|---:|---:|---:|\n"
        for r in reasons {
            out += "| \(r) | \(f.labelled[r, default: 0]) | \(f.predicted[r, default: 0]) | \(p(f.precision(r))) | \(p(f.recall(r))) |\n"
        }
        let m = f.micro(reasons)
        out += "| all covered reasons (micro) | \(m.labelled) | \(m.predicted) | \(p(m.precision)) | \(p(m.recall)) |\n"
        out += "sentiment agreement: \(f.sentimentAgreed)/\(f.n) = \(p(Double(f.sentimentAgreed) / Double(f.n)))"
        out += " (always 'negative': \(p(Double(baseline) / Double(f.n)))); where the rules found sentiment words: "
        out +=
            "\(f.sentimentAgreedWhenFound)/\(f.sentimentFound) = \(p(Double(f.sentimentAgreedWhenFound) / Double(max(1, f.sentimentFound))))\n"
        out +=
            "confusion (human->rules): \(f.confusion.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))\n"
        return out
    }

    @Test(
        .enabled(
            if: tweets != nil,
            "needs ../shared/data/airline-tweets/Tweets.csv (or JOURNEYMAP_SHARED); its licence keeps it out of the repository"))
    func reasonsAndSentimentOnTheHeldOutHalf() throws {
        let loaded = JourneyLoader.load(path: Repo.fixture("airline-tags/tweets.journey"))
        let journey = try #require(loaded.journey, "\(loaded.diagnostics.map(\.message))")
        let matcher = TagMatcher(journey.tagging)
        let all = try Self.read(try #require(Self.tweets))
        let dev = all.filter(\.isDevelopment), held = all.filter { !$0.isDevelopment }
        let reasons = journey.tagging.tags.map(\.name)
        let d = Self.measure(dev, matcher, withDataSentiment: true), h = Self.measure(held, matcher, withDataSentiment: true)
        let hAlone = Self.measure(held, matcher, withDataSentiment: false)
        print(Self.table("development half", d, reasons, baseline: dev.filter { $0.sentiment == .negative }.count))
        print(Self.table("held-out half", h, reasons, baseline: held.filter { $0.sentiment == .negative }.count))
        print(
            Self.table(
                "held-out half, rules' own sentiment for 'when'", hAlone, reasons, baseline: held.filter { $0.sentiment == .negative }.count
            ))
        // 14,640 rows, 155 repeated ids: 14,485 tweets, 7,326 + 7,159.
        #expect(all.count == 14_485 && dev.count == 7_326 && held.count == 7_159)
        // The held-out figures docs/close-the-loop.md reports, as floors: a rule change that
        // makes them worse fails here.
        let m = h.micro(reasons)
        #expect(m.precision >= 0.82 && m.recall >= 0.36, "micro precision \(m.precision), recall \(m.recall)")
        for r in ["Customer Service Issue", "Cancelled Flight", "Late Flight", "Lost Luggage"] {
            #expect(h.precision(r) >= 0.79, "\(r): precision \(h.precision(r))")  // Cancelled Flight: 0.798
        }
        #expect(Double(h.sentimentAgreedWhenFound) / Double(h.sentimentFound) >= 0.75)
        #expect(Double(h.sentimentAgreed) / Double(h.n) >= 0.55)
    }
}
