import JourneyCore
import Testing

@Suite struct LexerTests {
    func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(SourceFile(path: "t", text: text)).tokens.map(\.kind)
    }

    @Test func identifiersTakeDashesButNotArrows() {
        let (tokens, diags) = Lexer.tokenize(SourceFile(path: "t", text: "flow a-b->c-d"))
        #expect(diags.isEmpty)
        #expect(tokens.map(\.text) == ["flow", "a-b", "->", "c-d", ""])
    }

    @Test func numbersSignsAndRanges() {
        let (tokens, _) = Lexer.tokenize(SourceFile(path: "t", text: "emotion -2; scale ces 1..7; target nps >= 20.5%"))
        #expect(tokens.filter { $0.kind == .number }.map(\.text) == ["-2", "1", "7", "20.5"])
        #expect(tokens.filter { $0.kind == .symbol }.map(\.text) == ["..", ">=", "%"])
    }

    @Test func stringEscapes() {
        let (tokens, diags) = Lexer.tokenize(SourceFile(path: "t", text: #"x "a\"b\\c\n\t\u{142}""#))
        #expect(diags.isEmpty)
        #expect(tokens[1].text == "a\"b\\c\n\tł")
    }

    @Test func badEscapesAndUnterminatedStringsAreReportedWithColumns() {
        let (_, diags) = Lexer.tokenize(SourceFile(path: "t", text: "x \"a\\qb\"\ny \"open\nz"))
        #expect(diags.map(\.code) == ["JM012", "JM011"])
        #expect(diags[0].range.start.line == 1 && diags[0].range.start.column == 5)
        #expect(diags[1].range.start.line == 2 && diags[1].range.start.column == 3)
    }

    @Test func columnsCountScalarsNotBytes() {
        let (tokens, _) = Lexer.tokenize(SourceFile(path: "t", text: "ąę żółw"))
        #expect(tokens[1].range.start.column == 4)
    }

    @Test func crlfAndLoneCRAreLineBreaks() {
        let (tokens, _) = Lexer.tokenize(SourceFile(path: "t", text: "a\r\nb\rc"))
        #expect(tokens.filter { $0.kind == .identifier }.map(\.range.start.line) == [1, 2, 3])
    }

    @Test func strangeCharactersAreReportedAndSkipped() {
        let (tokens, diags) = Lexer.tokenize(SourceFile(path: "t", text: "a ☃ b"))
        #expect(diags.count == 1 && diags[0].message.contains("U+2603"))
        #expect(tokens.filter { $0.kind == .identifier }.map(\.text) == ["a", "b"])
    }
}
