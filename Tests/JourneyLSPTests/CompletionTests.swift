import Foundation
import JourneyLSP
import Testing

/// Completion offers what is valid where the cursor is (`|` in each case).
@Suite struct CompletionTests {
    static let head = """
        journey j "J" {
          department ops "Operations"
          department care "Care"
          channel web "Website"
          persona anna "Anna"
          persona ben "Ben"

        """

    static let cases: [(String, [String])] = [
        // Statement keywords of the enclosing block.
        ("|", ["journey", "include", "department", "channel", "persona", "tag", "sentiment"]),
        (
            head + "  |\n}",
            [
                "description", "include", "persona", "department", "channel", "stage", "flow", "feedback", "target", "style", "tag",
                "sentiment", "tags", "period", "loop", "index",
            ]
        ),
        (head + "  stage s \"S\" {\n    tou|\n  }\n}", ["touchpoint"]),
        (
            head + "  stage s \"S\" {\n    touchpoint a \"A\" {\n      |\n    }\n  }\n}",
            [
                "channel", "owner", "emotion", "pain", "opportunity", "note", "moment", "action", "backstage", "support", "persona", "exit",
                "branch",
            ]
        ),
        // Ids of the right kind.
        (head + "  stage s \"S\" {\n    touchpoint a \"A\" { owner | }\n  }\n}", ["ops", "care"]),
        (head + "  stage s \"S\" {\n    touchpoint a \"A\" { owner o| }\n  }\n}", ["ops", "care"]),
        (head + "  stage s \"S\" {\n    touchpoint a \"A\" { channel | }\n  }\n}", ["web"]),
        (head + "  stage s \"S\" {\n    touchpoint a \"A\" { persona anna, | }\n  }\n}", ["anna", "ben"]),
        (head + "  stage s \"S\" {\n    touchpoint a \"A\" { backstage \"Prices\" owner | }\n  }\n}", ["ops", "care"]),
        (
            head + "  stage s \"S\" {\n    touchpoint a \"A\" { emotion | }\n  }\n}",
            ["angry", "frustrated", "neutral", "happy", "delighted"]
        ),
        (head + "  style { language | }\n}", ["en", "pl", "ru", "uk"]),
        (head + "  style { | }\n}", ["theme", "language"]),
        (head + "  stage s \"S\" { touchpoint a \"A\"; touchpoint b \"B\" }\n  flow |\n}", ["a", "b"]),
        (head + "  stage s \"S\" { touchpoint a \"A\"; touchpoint b \"B\" }\n  flow a -> |\n}", ["a", "b"]),
        (head + "  stage s \"S\" { touchpoint a \"A\" }\n  feedback \"x.csv\" { category \"Late\" -> | }\n}", ["a"]),
        (
            head + "  stage s \"S\" { touchpoint a \"A\" }\n  target |\n}",
            ["nps", "csat", "csat-mean", "ces", "ces-easy", "negative", "positive", "emotion", "responses"]
        ),
        (head + "  stage s \"S\" { touchpoint a \"A\" }\n  target nps >= 0 at department |\n}", ["ops", "care"]),
        (head + "  stage s \"S\" { touchpoint a \"A\" }\n  index chi = 0.5 nps + 0.5 |\n}", ["nps", "csat", "ces", "negative"]),
        // Closing the loop: `loop within 48 h at DEPARTMENT` word by word, `loop record "FILE"`.
        (head + "  loop |\n}", ["within", "record"]),
        (head + "  loop within 48 |\n}", ["h", "d"]),
        (head + "  loop within 2 d |\n}", ["at"]),
        (head + "  loop within 24 h at |\n}", ["ops", "care"]),
        (head + "  loop within 24 h at c|\n}", ["ops", "care"]),
        (head + "  loop record |\n}", ["\"j.loop.csv\""]),
        (head + "  loop within 24 h at care |\n}", []),
        (head + "  loop record \"a|.csv\"\n}", []),
        // Nothing where nothing fits: after a complete statement, in a string, in a comment.
        (head + "  stage s \"S\" {\n    touchpoint a \"A\" { owner ops | }\n  }\n}", []),
        (head + "  stage s \"S|\" {}\n}", []),
        (head + "  # owner |\n}", []),
    ]

    @Test(arguments: cases.indices)
    func offersWhatFitsHere(_ index: Int) throws {
        let (marked, expected) = Self.cases[index]
        let cursor = try #require(marked.firstIndex(of: "|"))
        let text = marked.replacingOccurrences(of: "|", with: "")
        let before = text[..<cursor]
        let line = before.filter { $0 == "\n" }.count
        let character = before.split(separator: "\n", omittingEmptySubsequences: false).last!.utf16.count
        let client = ScriptedClient()
        _ = try client.call("initialize", ["capabilities": [:]])
        let uri = "file:///tmp/jm-completion-\(index).journey"
        client.notify(
            "textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "journey", "version": 1, "text": .string(text)]])
        let list = try client.call(
            "textDocument/completion", ["textDocument": ["uri": .string(uri)], "position": .position(line, character)])
        #expect(list["items"]?.array?.compactMap { $0["label"]?.string } == expected, "case \(index): \(marked)")
        _ = try client.call("shutdown", .null)
        client.notify("exit")
        _ = client.finish()
    }
}
