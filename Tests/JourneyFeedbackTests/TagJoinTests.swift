import Foundation
import JourneyCore
import JourneyFeedback
import Testing

/// Tagging inside the streaming join: rules fill blank categories (which then join through
/// category rules) and blank sentiment, keep what the data has unless `tags override`, and
/// leave a journey without rules exactly as before.
@Suite struct TagJoinTests {
    static let csv = """
        touchpoint,sentiment,category,comment
        ,,,"Hidden fee at checkout, not happy"
        a,positive,,Another fee but fine
        b,,service,"The fee again"
        b,,,Lovely staff
        c,negative,,
        """

    func join(
        _ rules: TagRules, categoryRules: [(String, String)] = [("billing", "d")], explain: Int = 0
    ) throws -> (
        JourneyMeasurements, [TagExplanation], [Diagnostic]
    ) {
        let path = try Fixture.file(Self.csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var j = Fixture.journey([Fixture.source(path, rules: categoryRules)])
        j.tagging = rules
        return FeedbackJoin.explainTags(j, sample: explain)
    }

    static var rules: TagRules {
        var t = TagRules()
        t.tags = [TagRule(name: "billing/fees", words: ["fee*"], range: Fixture.r)]
        t.positive = ["happy", "lovely", "fine"]
        t.negation = ["not"]
        return t
    }

    @Test func rulesFillOnlyTheBlanks() throws {
        let (m, _, diags) = try join(Self.rules)
        #expect(!diags.hasErrors)
        // Row 1 names no touchpoint: its filled category joins through the rule `billing` -> d.
        #expect(m.byTouchpoint["d"]?.responses == 1)
        #expect(m.byTouchpoint["d"]?.topCategories.map(\.category) == ["billing", "billing/fees"])  // parents count too
        #expect(m.byTouchpoint["d"]?.sentimentCounts[.negative] == 1)  // "not happy"
        // Row 2 keeps its own positive sentiment; its blank category is filled.
        #expect(m.byTouchpoint["a"]?.sentimentCounts[.positive] == 1 && m.byTouchpoint["a"]?.sentimentTotal == 1)
        #expect(m.byTouchpoint["a"]?.topCategories.map(\.category) == ["billing", "billing/fees"])
        // Row 3 keeps its category 'service'.
        #expect(m.byTouchpoint["b"]?.topCategories.map(\.category) == ["service"])
        #expect(m.byTouchpoint["b"]?.sentimentCounts[.positive] == 1 && m.byTouchpoint["b"]?.sentimentTotal == 1)  // "Lovely staff"
        let s = try #require(m.tagging)
        #expect(s.comments == 4 && s.tags[0].matched == 3 && s.tags[0].filled == 2)
        #expect(s.tags[0].compared == 1 && s.tags[0].agreed == 0)
        #expect(s.sentimentFilled == 2 && s.sentimentCompared == 1 && s.sentimentAgreed == 1)
    }

    @Test func overrideReplacesTheDataValues() throws {
        var rules = Self.rules
        rules.override = true
        let (m, _, _) = try join(rules)
        #expect(m.byTouchpoint["b"]?.topCategories.map(\.category) == ["billing", "billing/fees"])
        #expect(try #require(m.tagging).tags[0].filled == 3)
    }

    @Test func noRulesNoChange() throws {
        let (m, _, _) = try join(TagRules())
        #expect(m.tagging == nil)
        #expect(m.byTouchpoint["d"] == nil)
        #expect(m.byTouchpoint["a"]?.topCategories.isEmpty == true)
        #expect(m.byTouchpoint["b"]?.sentimentTotal == 0)
    }

    @Test func explainSampleIsDeterministicAndBounded() throws {
        let (_, first, _) = try join(Self.rules, explain: 2)
        let (_, again, _) = try join(Self.rules, explain: 2)
        #expect(first.count == 2 && first.map(\.line) == again.map(\.line) && first.map(\.comment) == again.map(\.comment))
        let (_, all, _) = try join(Self.rules, explain: 100)
        #expect(all.map(\.line) == [2, 3, 4, 5])
        #expect(all[0].tag == "billing/fees" && all[0].filledCategory && all[0].filledSentiment)
        #expect(all[2].dataCategory == "service" && !all[2].filledCategory)
    }
}
