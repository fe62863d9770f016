import JourneyCore
import JourneyFeedback
import Testing

/// Matching on folded words: case, NFKC, word boundaries, prefixes for inflected languages,
/// phrases, the negation window, `when`, and the first rule written winning.
@Suite struct TagMatcherTests {
    static let r = SourceRange.file("t.journey")

    static func matcher(
        _ tags: [(String, [String])], positive: [String] = [], negative: [String] = [], negation: [String] = [], window: Int = 3
    )
        -> TagMatcher
    {
        var rules = TagRules()
        rules.tags = tags.map { TagRule(name: $0.0, words: $0.1, range: r) }
        rules.positive = positive
        rules.negative = negative
        rules.negation = negation
        rules.window = window
        return TagMatcher(rules)
    }

    func tag(_ m: TagMatcher, _ text: String) -> String? { m.match(text).tag.map { m.rules.tags[$0].name } }

    @Test func wordsMatchAtWordBoundariesOnly() {
        let m = Self.matcher([("billing/fees", ["fee", "charge"])])
        #expect(tag(m, "A hidden FEE at checkout") == "billing/fees")
        #expect(tag(m, "fee.") == "billing/fees")
        #expect(tag(m, "coffee was cold") == nil)  // not inside a word
        #expect(tag(m, "fees") == nil)  // no `*`: the exact word only
        #expect(tag(m, "check-in charge") == "billing/fees")
    }

    @Test func prefixesCatchInflectedForms() {
        let m = Self.matcher([("billing/fees", ["opłat*", "сбор*", "збір", "зб*р"])])
        #expect(tag(m, "Wysokie opłaty za bagaż") == "billing/fees")  // Polish plural
        #expect(tag(m, "Opłatą") == "billing/fees")  // instrumental, capitalised
        #expect(tag(m, "Сборы за багаж") == "billing/fees")  // Russian, capital С
        #expect(tag(m, "Ще й збір за повернення") == "billing/fees")  // Ukrainian exact word
        #expect(tag(m, "без зборів") == nil)  // `зб*р` is not a wildcard in the middle: the rule was rejected
    }

    @Test func foldingIsNFKCAndFullCaseFolding() {
        let m = Self.matcher([("street", ["strasse"]), ("fee", ["fee"])])
        #expect(tag(m, "STRASSE") == "street")
        #expect(tag(m, "Straße") == "street")  // ß folds to ss
        #expect(tag(m, "ＦＥＥ") == "fee")  // full-width letters (NFKC)
        #expect(tag(m, "Fe\u{301}e") == nil)  // é is another letter, not e
    }

    @Test func phrasesAndApostrophes() {
        let m = Self.matcher([("care", ["on hold", "don't answer"])])
        #expect(tag(m, "I was on   hold, again") == "care")
        #expect(tag(m, "hold on") == nil)
        #expect(tag(m, "They don’t answer") == "care")  // typographic apostrophe
    }

    @Test func theFirstRuleWrittenWins() {
        let m = Self.matcher([("bags/damaged", ["broken"]), ("bags", ["bag*"])])
        #expect(tag(m, "my bag arrived broken") == "bags/damaged")
        #expect(tag(m, "my bag arrived") == "bags")
    }

    @Test func negationTurnsSentimentWithinTheWindow() {
        let m = Self.matcher([], positive: ["happy", "good"], negative: ["rude", "late"], negation: ["not", "nie"], window: 2)
        #expect(m.match("staff were happy to help").sentiment == .positive)
        #expect(m.match("I am not happy").sentiment == .negative)
        #expect(m.match("not very happy").sentiment == .negative)  // two words after
        #expect(m.match("not at all happy").sentiment == .positive)  // three: beyond the window
        #expect(m.match("not rude at all").sentiment == .positive)
        #expect(m.match("happy but late").sentiment == .neutral)
        #expect(m.match("no words here").sentiment == nil)
        let hits = m.match("I am not happy").hits
        #expect(hits.contains { $0.role == .positive && $0.isNegated && $0.found == "happy" })
    }

    @Test func whenLimitsATagToASentiment() {
        var rules = TagRules()
        rules.tags = [TagRule(name: "care", words: ["agent"], range: Self.r)]
        rules.tags[0].when = .negative
        rules.negative = ["rude"]
        rules.positive = ["lovely"]
        let m = TagMatcher(rules)
        #expect(m.match("a rude agent").tag == 0)
        #expect(m.match("a lovely agent").tag == nil)
        #expect(m.match("an agent").tag == nil)
        #expect(m.match("a lovely agent", knownSentiment: .negative).tag == 0)  // the data's sentiment decides first
    }

    @Test func longCommentsAreReadUpToTheLimit() {
        let m = Self.matcher([("late", ["late"])])
        let long = String(repeating: "ok ", count: WordFolding.maxBytes) + "late"
        #expect(tag(m, long) == nil)
        #expect(tag(m, "late " + String(repeating: "ż", count: WordFolding.maxBytes)) == "late")
    }
}
