import JourneyCore
import Testing

@Suite struct ParserTests {
    @Test func deepNestingIsBoundedNotACrash() {
        let text = String(repeating: "a {\n", count: 10_000) + String(repeating: "}\n", count: 10_000)
        let (_, diags) = Parser.parse(SourceFile(path: "deep", text: text))
        #expect(diags.filter { $0.code == "JM024" }.count == 1)
        #expect(diags.count == 1, "the skipped block's braces balance: nothing else to report")
        // Bare braces with no keywords are skipped iteratively as well.
        let bare = "journey j \"J\" " + String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000)
        let (_, bareDiags) = Parser.parse(SourceFile(path: "bare", text: bare))
        #expect(bareDiags.contains { $0.code == "JM020" })
    }

    @Test func missingCloseBraceNamesTheOpener() {
        let (_, diags) = Parser.parse(SourceFile(path: "t", text: "journey j \"J\" {\n  stage s \"S\" {\n"))
        #expect(diags.filter { $0.code == "JM021" }.count == 2)
        #expect(diags.first?.notes.first?.range?.start.line != nil)
    }

    @Test func commentsAttachToStatements() {
        let (syntax, _) = Parser.parse(SourceFile(path: "t", text: "# lead\njourney j \"J\" { # trail\n}\n# end\n"))
        #expect(syntax.statements[0].leadingComments == ["# lead"])
        #expect(syntax.trailingComments == ["# end"])
    }

    @Test func invalidUTF8AndNulAreReportedNotFatal() {
        var bytes = Array("journey j \"J\" {\n stage s \"S".utf8)
        bytes += [0xFF, 0x22, 0x0A, 0x00, 0x7D]
        let (file, diags) = SourceFile.decode(path: "bad", data: bytes)
        #expect(diags.map(\.code) == ["JM001", "JM002"])
        #expect(diags[0].range.start.line == 2)
        #expect(file.text.contains("\u{FFFD}"))
    }

    @Test func bomIsDropped() {
        let (file, diags) = SourceFile.decode(path: "bom", data: [0xEF, 0xBB, 0xBF] + Array("journey".utf8))
        #expect(diags.isEmpty)
        #expect(file.text == "journey")
    }

    @Test func suggestionsPreferCloseWords() {
        #expect(Suggestion.closest(to: "finanse", in: ["finance", "sales"]) == "finance")
        #expect(Suggestion.closest(to: "wbe", in: ["web", "app"]) == "web")
        #expect(Suggestion.closest(to: "zzz", in: ["web", "app"]) == nil)
    }
}
