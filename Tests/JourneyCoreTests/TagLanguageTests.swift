import Foundation
import JourneyCore
import Testing

/// The tagging statements (`tag`, `sentiment words`, `tags override`): what they declare, in
/// the journey and in an included file, and each misuse reported where it is written.
@Suite struct TagLanguageTests {
    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tag-lang-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let shared = """
            department ops "Ops"
            tag "billing" { words "invoice" }
            sentiment words { negative "awful" }

            """
        _ = FileManager.default.createFile(atPath: dir + "/taxonomy.journey", contents: Data(shared.utf8))
        return dir
    }()

    func load(_ body: String) -> LoadResult {
        let text = """
            journey j "J" {
              include "taxonomy.journey"
              stage s "S" {
                touchpoint pay "Pays" { owner ops }
              }
            \(body)
            }

            """
        return JourneyLoader.load(text: text, path: Self.folder + "/j.journey")
    }

    func errors(_ r: LoadResult) -> [String] {
        r.diagnostics.filter { $0.severity == .error }.map { "\($0.range.start.line):\($0.range.start.column) \($0.code) \($0.message)" }
    }

    @Test func rulesFromTheJourneyAndAnInclude() throws {
        let r = load(
            """
              tag "billing/fees" { words "fee" "charge" "opłat*" "сбор*"; words "hidden cost*"; when negative }
              sentiment words {
                positive "thank*" "great"
                negation "not" "nie" within 2
              }
              tags override
            """)
        #expect(errors(r) == [])
        let t = try #require(r.journey).tagging
        #expect(t.tags.map(\.name) == ["billing", "billing/fees"])
        #expect(t.tags[1].words == ["fee", "charge", "opłat*", "сбор*", "hidden cost*"])
        #expect(t.tags[1].when == .negative && t.tags[0].when == nil)
        #expect(t.positive == ["thank*", "great"] && t.negative == ["awful"] && t.negation == ["not", "nie"])
        #expect(t.window == 2 && t.override)
    }

    @Test func noRulesLeaveTaggingEmpty() throws {
        let r = JourneyLoader.load(
            text: "journey j \"J\" {\n  department ops \"Ops\"\n  stage s \"S\" { touchpoint a \"A\" { owner ops } }\n}\n",
            path: Self.folder + "/k.journey")
        #expect(try #require(r.journey).tagging.isEmpty)
    }

    @Test func misusesPointAtTheWord() {
        let r = load(
            """
              tag "fees" { words "fe*e" "***" "ok" }
              tag "FEES" { words "x" }
              tag "empty" { }
              tag "moody" { words "a"; when grumpy }
              sentiment words { negation "not" within 40 }
              sentiment feelings { }
              tags everything
            """)
        #expect(
            errors(r) == [
                "6:22 JM430 'fe*e' can never match: a word needs letters or digits, and '*' may only end a word (\"opłat*\")",
                "6:29 JM430 '***' can never match: a word needs letters or digits, and '*' may only end a word (\"opłat*\")",
                "7:7 JM430 tag 'FEES' is declared twice; put its words in one rule",
                "8:7 JM430 tag 'empty' has no words; add words \"…\" in its block",
                "9:33 JM415 a sentiment is negative, neutral or positive",
                "10:43 JM430 the negation window is a whole number of words from 1 to 10",
                "11:13 JM101 expected 'words' after 'sentiment' here: sentiment words { positive …; negative …; negation … }, found 'feelings'",
                "12:8 JM101 expected 'override' after 'tags': tags override, found 'everything'",
            ])
    }

    @Test func theVocabularyKnowsTheBlocks() {
        #expect(Vocabulary.journey.contains("tag") && Vocabulary.journey.contains("sentiment") && Vocabulary.journey.contains("tags"))
        #expect(Vocabulary.statements(inBlockOf: "tag") == ["words", "when"])
        #expect(Vocabulary.statements(inBlockOf: "sentiment") == ["positive", "negative", "negation"])
        #expect(Vocabulary.topLevel.contains("tag"))
    }
}

/// `loop within N h|d [at DEPARTMENT]`: the service level of the follow-up lists.
@Suite struct LoopLanguageTests {
    func load(_ body: String) -> LoadResult {
        let text = """
            journey j "J" {
              department ops "Ops"
              stage s "S" { touchpoint a "A" { owner ops } }
            \(body)
            }

            """
        return JourneyLoader.load(text: text, path: FileManager.default.temporaryDirectory.path + "/loop.journey")
    }

    @Test func hoursDaysAndDepartments() throws {
        let j = try #require(load("  loop within 2 d\n  loop within 12 h at ops").journey)
        #expect(j.followUp.hours == 48 && j.followUp.byDepartment == ["ops": 12])
        #expect(j.followUp.hours(for: "ops") == 12 && j.followUp.hours(for: "other") == 48)
    }

    @Test func misuses() {
        let r = load("  loop within 3 weeks\n  loop within 0 h\n  loop within 2 h at nobody\n  loop within 1 h\n  loop within 2 h")
        let errors = r.diagnostics.filter { $0.severity == .error }.map { "\($0.range.start.line):\($0.code) \($0.message)" }
        #expect(
            errors == [
                "4:JM431 unknown unit 'weeks'; write hours as 'h' or days as 'd' (loop within 48 h)",
                "5:JM431 a service level is a whole number of hours or days, at most a year",
                "6:JM202 unknown department 'nobody'",
                "8:JM431 the journey already has a service level; keep one (add 'at DEPARTMENT' for a department's own)",
            ])
    }

    @Test func loopRecordIsConfinedLikeFeedback() throws {
        let dir = FileManager.default.temporaryDirectory.path
        let j = try #require(load("  loop record \"loop.csv\"").journey)
        #expect(j.followUp.record?.path == "loop.csv" && j.followUp.record?.resolvedPath == dir + "/loop.csv")
        let r = load(
            "  loop record \"/etc/passwd\"\n  loop record \"../../etc/passwd\"\n  loop record \"a.csv\"\n  loop record \"b.csv\"\n  loop record"
        )
        let errors = r.diagnostics.filter { $0.severity == .error }.map { "\($0.range.start.line):\($0.code)" }
        #expect(errors == ["4:JM402", "5:JM402", "7:JM431", "8:JM101"])
    }
}
