/// Parses tokens into `SourceFileSyntax`. Always returns a whole tree plus every syntax error:
/// after an error it skips to the end of the statement and goes on.
public struct Parser {
    /// Deepest block nesting accepted. The language needs four levels; the bound keeps hostile
    /// input (10,000 nested `{`) from exhausting the stack. Deeper blocks are skipped iteratively.
    public static let maxNesting = 16

    private let tokens: [Token]
    private let path: String
    private var p = 0
    private var diagnostics: [Diagnostic] = []

    private init(tokens: [Token], path: String) {
        self.tokens = tokens
        self.path = path
    }

    /// Lexes and parses a file.
    public static func parse(_ file: SourceFile) -> (syntax: SourceFileSyntax, diagnostics: [Diagnostic]) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file)
        var parser = Parser(tokens: tokens, path: file.path)
        let (statements, trailing) = parser.parseStatements(depth: 0, opener: nil)
        return (
            SourceFileSyntax(path: file.path, statements: statements, trailingComments: trailing),
            lexDiagnostics + parser.diagnostics
        )
    }

    private var current: Token { tokens[p] }
    private mutating func bump() { if p < tokens.count - 1 { p += 1 } }

    private mutating func error(_ code: DiagnosticCode, _ message: String, _ range: SourceRange, notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(code, message, at: range, notes: notes))
    }

    /// Statements until `}` (inside a block) or end of file (top level).
    private mutating func parseStatements(depth: Int, opener: Token?) -> ([StatementSyntax], [String]) {
        var statements: [StatementSyntax] = []
        // Comment lines waiting for their statement; "" marks a blank line among them.
        var comments: [String] = []
        var blankLine = false
        var newlinesInARow = 0
        while true {
            let afterBlank = newlinesInARow >= 2
            // Switch on the kind in place: copying the token (two strings) per step is most
            // of a parse's cost on large files.
            switch tokens[p].kind {
            case .terminator:
                if tokens[p].isNewline { newlinesInARow += 1 }
                bump()
                continue
            case .comment:
                if afterBlank {
                    if !comments.isEmpty { comments.append("") } else if !statements.isEmpty { blankLine = true }
                }
                comments.append(tokens[p].text)
                newlinesInARow = 0
                bump()
                continue
            case .endOfFile:
                if let opener {
                    error(
                        .unclosedBlock, "missing '}' to close this block", tokens[p].range,
                        notes: [DiagnosticNote("the block opened here", at: opener.range)])
                }
                return (statements, comments)
            case .rightBrace:
                if opener != nil { return (statements, comments) }
                error(.unexpectedClosingBrace, "unexpected '}' with no block open; remove it", tokens[p].range)
                bump()
                continue
            case .identifier:
                if afterBlank {
                    if !comments.isEmpty { comments.append("") } else if !statements.isEmpty { blankLine = true }
                }
                var s = parseStatement(depth: depth)
                s.leadingComments = comments
                s.blankLineBefore = blankLine
                statements.append(s)
                comments = []
                blankLine = false
                newlinesInARow = 0
            default:
                error(.expectedStatement, "expected a statement keyword, found \(describe(tokens[p]))", tokens[p].range)
                skipToEndOfStatement()
            }
        }
    }

    private mutating func parseStatement(depth: Int) -> StatementSyntax {
        let keyword = current
        bump()
        var arguments: [Token] = []
        var block: BlockSyntax?
        loop: while true {
            switch tokens[p].kind {
            case .identifier, .string, .number, .symbol:
                arguments.append(tokens[p])
                bump()
            case .leftBrace:
                block = parseBlock(depth: depth + 1)
                break loop
            case .terminator, .rightBrace, .endOfFile, .comment:
                break loop
            }
        }
        var statement = StatementSyntax(keyword: keyword, arguments: arguments, block: block)
        // A comment on the same line belongs to this statement.
        if current.kind == .comment {
            statement.trailingComment = current.text
            bump()
        }
        if block != nil, current.kind == .identifier || current.kind == .string || current.kind == .number || current.kind == .symbol {
            error(
                .textAfterBlock, "unexpected \(describe(current)) after '}'; start a new statement on its own line or after ';'",
                current.range)
            skipToEndOfStatement()
        }
        return statement
    }

    private mutating func parseBlock(depth: Int) -> BlockSyntax {
        let open = current
        bump()
        guard depth <= Parser.maxNesting else {
            error(
                .nestingTooDeep, "blocks are nested more than \(Parser.maxNesting) deep; the journey language needs at most 4 levels",
                open.range)
            skipNestedBlock()
            return BlockSyntax(openRange: open.range, closeRange: nil, statements: [], trailingComments: [])
        }
        let (statements, trailing) = parseStatements(depth: depth, opener: open)
        var close: SourceRange?
        if current.kind == .rightBrace {
            close = current.range
            bump()
        }
        return BlockSyntax(openRange: open.range, closeRange: close, statements: statements, trailingComments: trailing)
    }

    /// Skips a too-deep block by counting braces (no recursion).
    private mutating func skipNestedBlock() {
        var level = 1
        while level > 0, current.kind != .endOfFile {
            if current.kind == .leftBrace { level += 1 }
            if current.kind == .rightBrace { level -= 1 }
            bump()
        }
    }

    private mutating func skipToEndOfStatement() {
        while true {
            switch current.kind {
            case .terminator: bump(); return
            case .rightBrace, .endOfFile: return
            case .leftBrace: bump(); skipNestedBlock()
            default: bump()
            }
        }
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .identifier: "'\(t.text)'"
        case .string: "a string"
        case .number: "the number \(t.text)"
        case .symbol: "'\(t.text)'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .terminator: t.isNewline ? "end of line" : "';'"
        case .comment: "a comment"
        case .endOfFile: "end of file"
        }
    }
}
