import Foundation
import JourneyCore
import JourneyLSP
import JourneyTestSupport
import Testing

enum TextMateEngine {
    /// A Python that can import the TextMate engine.
    static let python = OptionalTools.textMatePython
}

/// The editors' TextMate grammar (editors/textmate/journey.tmLanguage.json), run by a real
/// TextMate engine (PyPI's textmate-grammar-python on Oniguruma, installed into .venv-test
/// by scripts/test-setup.sh), agrees with the language's own lexer on every token of the
/// examples: keywords, ids, strings, numbers, comments, arrows.
@Suite(
    .enabled(if: TextMateEngine.python != nil, "textmate-grammar-python is not installed in .venv-test (scripts/test-setup.sh installs it)")
)
struct GrammarTests {

    struct Scoped {
        var line: Int, column: Int, text: String, scope: String
    }

    /// The engine's tokens of `path`: 0-based line, code-point column, text, innermost scope.
    static func scopes(_ path: String) throws -> [Scoped] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(TextMateEngine.python))
        p.arguments = [Repo.path("editors/textmate/scopes.py"), path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let rows = try #require(try JSONValue.parse(Array(data)).array)
        return rows.map { Scoped(line: $0[0]!.int!, column: $0[1]!.int!, text: $0[2]!.string!, scope: $0[3]!.string!) }
    }

    /// The engine's scope at a lexer token's first character.
    static func scope(at token: Token, in scoped: [Scoped]) -> String? {
        let line = token.range.start.line - 1, column = token.range.start.column - 1
        return scoped.last { $0.line == line && $0.column <= column }?.scope
    }

    static let examples = [
        "journeys/air-travel.journey", "journeys/online-return.journey", "journeys/bank-account.journey",
        "journeys/shared/org.journey",
    ]

    @Test(arguments: examples)
    func everyTokenOfTheExamplesHasTheScopeOfItsKind(_ relative: String) throws {
        let path = Repo.path(relative)
        let scoped = try Self.scopes(path)
        let source = SourceFile(path: path, bytes: Array(try #require(FileManager.default.contents(atPath: path))))
        let tokens = Lexer.tokenize(source).tokens
        var checked: [String: Int] = [:]
        var atStatementStart = true
        for t in tokens where t.kind != .endOfFile {
            defer {
                atStatementStart =
                    [.terminator, .leftBrace, .rightBrace, .comment].contains(t.kind) || (atStatementStart && t.kind == .comment)
            }
            if t.kind == .terminator { continue }
            let scope = Self.scope(at: t, in: scoped)
            let expected: Set<String>
            switch t.kind {
            case .comment: expected = ["punctuation.definition.comment.journey"]
            case .string: expected = ["punctuation.definition.string.begin.journey"]
            case .number: expected = ["constant.numeric.journey"]
            case .identifier where atStatementStart: expected = ["keyword.control.journey"]
            case .identifier:
                expected = [
                    "variable.other.id.journey", "entity.name.function.journey", "constant.language.emotion.journey",
                    "keyword.other.journey",
                ]
            case .symbol:
                expected =
                    t.text == "->"
                    ? ["keyword.operator.arrow.journey"] : ["keyword.operator.journey", "punctuation.separator.comma.journey"]
            case .leftBrace: expected = ["punctuation.section.block.begin.journey"]
            case .rightBrace: expected = ["punctuation.section.block.end.journey"]
            case .terminator, .endOfFile: continue
            }
            #expect(
                scope.map(expected.contains) == true,
                "\(relative):\(t.range.start) '\(t.text)' (\(t.kind)) is \(scope ?? "unscoped"), expected one of \(expected.sorted())")
            checked[scope ?? "", default: 0] += 1
        }
        // The file exercised the kinds that matter (a test over nothing would pass).
        for kind in [
            "keyword.control.journey", "variable.other.id.journey", "punctuation.definition.string.begin.journey",
            "punctuation.definition.comment.journey",
        ] {
            #expect(checked[kind, default: 0] > 0, "no \(kind) in \(relative)")
        }
        if relative.contains("air-travel") {
            #expect(
                checked["constant.numeric.journey", default: 0] > 0 && checked["keyword.operator.arrow.journey", default: 0] > 0
                    && checked["constant.language.emotion.journey", default: 0] > 0)
        }
    }

    @Test func stringsWithEscapesDeclarationsAndNumbers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jm-grammar-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/g.journey"
        try Data(
            """
            journey j "Say \\"hi\\" \\u{1F600} # not a comment" {   # a comment
              stage s "S" { touchpoint pay-now "P" { emotion -2; owner ops } }
              target csat >= 70.5% at pay-now
            }

            """.utf8
        ).write(to: URL(fileURLWithPath: path))
        let s = try Self.scopes(path).map { "\($0.line):\($0.column) \($0.text) \($0.scope)" }
        for expected in [
            "0:0 journey keyword.control.journey",
            "0:8 j entity.name.function.journey",
            #"0:15 \" constant.character.escape.journey"#,
            #"0:22 \u{1F600} constant.character.escape.journey"#,
            "0:31  # not a comment string.quoted.double.journey",
            "0:53 # punctuation.definition.comment.journey",
            "1:2 stage keyword.control.journey",
            "1:27 pay-now entity.name.function.journey",
            "1:41 emotion keyword.control.journey",
            "1:49 -2 constant.numeric.journey",
            "1:53 owner keyword.control.journey",
            "1:59 ops variable.other.id.journey",
            "2:14 >= keyword.operator.journey",
            "2:17 70.5 constant.numeric.journey",
            "2:21 % keyword.operator.journey",
            "2:23 at keyword.other.journey",
            "2:26 pay-now variable.other.id.journey",
        ] {
            #expect(s.contains(expected), "missing \(expected) in \(s)")
        }
    }
}
